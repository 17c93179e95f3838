import { readyTargets } from '../suites/support/target/ready.ts';
export { PREFLIGHT_FAILED_EXIT } from '../suites/support/target/ready.ts';
import { TARGETS_ENV, targetEntries, type Target, type TargetEntry } from '../suites/support/target/targets.ts';
import { SetupError } from '../suites/support/verdict/failure.ts';

/** How `run` trusts a private CA (the TLS sentence names it). */
const RUN_CA_HINT = 'give its CA with NODE_EXTRA_CA_CERTS=ca.pem';

/**
 * Before Playwright starts: every --target's credentials from its provider's chain, resolved
 * once here, and its preflight. The resolved credentials go to the workers in the child's
 * CERTCONFORM_TARGETS (process environment only: never a file, never a report), in the form it
 * came in. Returns the one sentence that stops the run, or undefined when every target is ready.
 */
export async function preflightTargets(env: Record<string, string>): Promise<string | undefined> {
  const raw = env[TARGETS_ENV];
  if (!raw) return undefined;
  const entries = targetEntries(env);
  let ready: Target[];
  try {
    ready = await readyTargets(entries, { caHint: RUN_CA_HINT });
  } catch (e) {
    if (e instanceof SetupError) return e.message;
    throw e;
  }
  const merged = entries.map((e, i): TargetEntry => ({ ...e, credentials: ready[i]!.credentials, credentialSource: ready[i]!.credentialSource }));
  env[TARGETS_ENV] = JSON.stringify(Array.isArray(JSON.parse(raw)) ? merged : Object.fromEntries(merged.map(({ provider, ...t }) => [provider, t])));
  for (const t of ready) console.log(`certconform run: ${t.provider}@${t.name}: credentials from ${t.credentialSource}; preflight passed`);
  return undefined;
}
