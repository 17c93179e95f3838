import type { Provider } from '../../lib/providers.ts';

/** One implementation under test. */
export interface TargetConfig {
  provider: Provider;
  /** Base URL (http or https) of the implementation. */
  url: string;
  /** Its column in the report and its Playwright project (`aws-iot@<name>`); default: the URL's host. */
  name?: string;
  /**
   * The provider's own credential variables (README, "Running against other implementations"),
   * e.g. `{ AWS_ACCESS_KEY_ID: '${CI_AWS_KEY}', AWS_SECRET_ACCESS_KEY: '${CI_AWS_SECRET}' }`:
   * set for this run, then read through the provider's usual credential chain.
   */
  credentials?: Record<string, string>;
}

/**
 * `certconform.config.ts|mjs|json`: the settings of `certconform run`, each one the flag of the
 * same name (flags given on the command line win). Relative paths are relative to this file;
 * `${NAME}` (or `${NAME:-default}`) in any string is the environment variable NAME.
 */
export interface CertconformConfig {
  /** For editors: the published JSON Schema, `node_modules/certconform/dist/cli/config/certconform.config.schema.json`. */
  $schema?: string;
  /** Implementations under test, at most one per provider (none: every provider against the built-in mock). */
  targets?: TargetConfig[];
  /** Model-based sequences per provider (--runs). */
  runs?: number;
  /** fast-check seed (--seed). */
  seed?: number;
  /** Playwright workers (--workers). */
  workers?: number;
  /** Cap on requests per second across all workers (--rps). */
  rps?: number;
  /** Read-only checks only (--safe). */
  safe?: boolean;
  /** Known deviations: the CI gate fails only on MUST failures not listed (--baseline). */
  baseline?: string;
  /** Lowest score (MUST passed / run): one number for every target, or per `provider` / `provider@target` (--min-score). */
  minScore?: number | Record<string, number>;
  /** Where reports go (--report-dir; default ./reports/out). */
  reportDir?: string;
  /** Only tests whose title or tags match, e.g. a rule id (--grep). */
  grep?: string;
}

/** Types a config file's object (`export default defineConfig({...})`), as Playwright's does. */
export function defineConfig(config: CertconformConfig): CertconformConfig {
  return config;
}
