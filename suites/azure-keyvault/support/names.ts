import { randomBytes } from 'node:crypto';

/**
 * A certificate name for this run: `cc-<runId>-<what>-<random>`. Import names must match
 * ^[0-9a-zA-Z-]+$ (run ids are alphanumeric); the run id lets cleanup find what a run made.
 */
export function certName(runId: string, what: string): string {
  const name = `cc-${runId}-${what}-${randomBytes(4).toString('hex')}`;
  if (!/^[0-9a-zA-Z-]+$/.test(name)) throw new Error(`bad certificate name ${name}: run id and label must be alphanumeric`);
  return name;
}
