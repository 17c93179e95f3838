import { randomBytes } from 'node:crypto';

/** A well-formed certificate id (64 lowercase hex) that no target has registered: 256 random bits. */
export const unknownCertificateId = (): string => randomBytes(32).toString('hex');

/** The ARN a target would give `id`, built from a real ARN of the same target (same partition, region, account). */
export const siblingArn = (arn: string, id: string): string => arn.replace(/[^/]+$/, id);

/** Names for what this run creates: the run id makes them ours (DESIGN.md §3, real accounts). */
export function namer(runId: string, scope: string) {
  let n = 0;
  const base = `cc-${runId}-${scope}`.replace(/[^a-zA-Z0-9_-]/g, '-').slice(0, 100);
  return (kind: string) => `${base}-${kind}${++n}`;
}

/** `3f9a..` for step texts. */
export const short = (id: string) => `${id.slice(0, 6)}..`;
