import { loadSpec, operation, type Spec } from '../../../lib/spec/load.ts';
import { errorCodeOf } from '../../../lib/spec/dialect.ts';
import { get } from '../../../lib/spec/pointer.ts';
import type { Operation } from '../../../lib/spec/operations.ts';

/** The contract this provider serves; statuses and limits are read from it, never re-typed. */
export const spec = (): Spec => loadSpec('azure-keyvault');

let byCode: Map<string, Set<number>> | undefined;

/**
 * The status at which the spec documents an error code, read from the error examples of every
 * operation. Each Key Vault code stands at one status; anything else is a spec change to see.
 */
export function statusOf(code: string): number {
  if (!byCode) {
    byCode = new Map();
    for (const op of spec().operations.values()) {
      for (const [status, r] of op.responses) {
        for (const m of r.content) {
          const holder = (get(spec().doc, m.at) ?? {}) as { example?: unknown; examples?: Record<string, { value?: unknown }> };
          const values = [holder.example, ...Object.values(holder.examples ?? {}).map((e) => e.value)];
          for (const v of values) {
            const c = errorCodeOf(spec(), {}, v);
            if (c) byCode.set(c, (byCode.get(c) ?? new Set()).add(Number(status)));
          }
        }
      }
    }
  }
  const statuses = [...(byCode.get(code) ?? [])];
  if (statuses.length !== 1) throw new Error(`azure-keyvault spec: code ${code} is documented at [${statuses}], expected one status`);
  return statuses[0]!;
}

/** The operation's one success status (200, or 204 for purge) and whether it carries a body. */
export function success(op: Operation): { status: number; hasBody: boolean } {
  const [status, r] = [...op.responses].find(([s]) => /^2\d\d$/.test(s)) ?? [];
  if (!status || !r) throw new Error(`azure-keyvault spec: ${op.operationId} documents no 2xx response`);
  return { status: Number(status), hasBody: r.content.length > 0 };
}

/** The documented upper bound of `maxresults`, which is also the service's page size when absent. */
export function maxPageSize(operationId: string): number {
  const p = operation(spec(), operationId).parameters.find((x) => x.name === 'maxresults');
  const max = p?.schema.maximum;
  if (typeof max !== 'number') throw new Error(`azure-keyvault spec: ${operationId} has no maxresults maximum`);
  return max;
}
