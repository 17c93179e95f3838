import type { Spec } from '../../lib/spec/load.ts';
import { validatorFor } from '../../lib/spec/validator.ts';
import { FixtureError } from './adapter.ts';

/**
 * Checks a fixture value against a schema of the provider's spec (a status enum, a name
 * pattern), so a state file is held to the same constraints as a request, typed once.
 */
export function checkSpec(spec: Spec, schemaAt: string, value: unknown, at: string): void {
  const fn = validatorFor(spec).compile(schemaAt);
  if (fn(value)) return;
  const e = fn.errors?.[0];
  const allowed = (e?.params as { allowedValues?: unknown[] } | undefined)?.allowedValues;
  const why = `${JSON.stringify(value)} ${e?.message ?? 'is invalid'}${allowed ? ` (${allowed.map((v) => JSON.stringify(v)).join(', ')})` : ''}`;
  throw new FixtureError(at, `${why}: ${spec.provider} spec ${schemaAt}`);
}
