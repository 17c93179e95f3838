import { loadSpec, type Spec } from '../../../lib/spec/load.ts';
import { get } from '../../../lib/spec/pointer.ts';

/** The huawei-scm contract, loaded once (loadSpec caches per file). */
export const scmSpec = (): Spec => loadSpec('huawei-scm');

/** A property schema of the dialect's error body (`info.x-certconform.errorSchema`). */
export function errorField(name: string): { minLength?: number; maxLength?: number } {
  const spec = scmSpec();
  const at = `#/components/schemas/${spec.dialect.errorSchema}/properties/${name}`;
  const schema = get(spec.doc, at) as { minLength?: number; maxLength?: number } | undefined;
  if (!schema) throw new Error(`${spec.file}: ${at} is missing; the huawei-scm dialect needs it`);
  return schema;
}
