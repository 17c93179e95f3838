// Every operation has explicit 4xx/5xx responses; each has a JSON body that carries the
// provider's error schema (directly or through allOf) and, where the dialect names one, the
// error-type header.
import { createRulesetFunction } from '@stoplight/spectral-core';

function propertyNames(schema, seen = new Set()) {
  if (!schema || typeof schema !== 'object' || seen.has(schema)) return new Set();
  seen.add(schema);
  const names = new Set(Object.keys(schema.properties ?? {}));
  for (const part of schema.allOf ?? []) for (const n of propertyNames(part, seen)) names.add(n);
  return names;
}

export default createRulesetFunction({ input: null, options: null }, function errorResponses(op, _opts, ctx) {
  const root = ctx.document.data;
  const dialect = root?.info?.['x-certconform'];
  const errorSchema = root?.components?.schemas?.[dialect?.errorSchema];
  if (!errorSchema) return []; // certconform-dialect reports this
  const wanted = [...propertyNames(errorSchema)];
  const responses = op?.responses ?? {};
  const errorStatuses = Object.keys(responses).filter((s) => /^[45]\d\d$/.test(s));
  const path = [...ctx.path, 'responses'];
  if (errorStatuses.length === 0) {
    return [{ message: 'no explicit 4xx/5xx response (a default alone lets Prism invent a 422)', path }];
  }
  const out = [];
  for (const status of errorStatuses) {
    const r = responses[status];
    const schema = r?.content?.['application/json']?.schema;
    const have = propertyNames(schema);
    const missing = wanted.filter((n) => !have.has(n));
    if (!schema || missing.length) {
      out.push({
        message: `${status} response does not carry ${dialect.errorSchema} (missing: ${missing.join(', ') || 'application/json body'})`,
        path: [...path, status],
      });
    }
    const header = dialect.errorCode?.header;
    if (header && !Object.keys(r?.headers ?? {}).some((h) => h.toLowerCase() === header.toLowerCase())) {
      out.push({ message: `${status} response does not declare the ${header} header`, path: [...path, status] });
    }
  }
  return out;
});
