import type { Provider } from '../../../../lib/providers.ts';
import { SetupError } from '../../verdict/failure.ts';

/** Credentials found through a provider's own chain, and where they came from (never the secret). */
export interface Resolved {
  credentials: Record<string, string>;
  /** e.g. `profile dev (shared credentials file), region eu-west-1 from the host`. */
  source: string;
  /** What to check when the target refuses them, e.g. `AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY`. */
  hint: string;
}

/** No link of the chain had credentials: one sentence saying what to set. */
export class CredentialsNotFound extends SetupError {
  constructor(provider: Provider, what: string, cause?: string) {
    const why = cause ? ` (${cause.split('\n')[0]!.slice(0, 200)})` : '';
    super(`${provider}: no credentials found${why}; ${what} (README "Running against other implementations")`);
  }
}
