import { loadCatalog, type Rule } from '../../lib/rules/catalog.ts';
import { PROVIDERS, RULE_PREFIX, type Provider } from '../../lib/providers.ts';

const byId = new Map<string, Rule & { provider: Provider }>();
/** Every catalog, or none: a catalog that fails to load fails each lookup with its own error. */
function index() {
  if (byId.size) return;
  const all = PROVIDERS.flatMap((p) => loadCatalog(p).rules.map((r) => [r.id, { ...r, provider: p }] as const));
  for (const [id, r] of all) byId.set(id, r);
}

/** The catalog entry of a rule id; an unknown id is an error (closed vocabulary). */
export function rule(id: string): Rule & { provider: Provider } {
  index();
  const r = byId.get(id);
  if (!r) throw new Error(`unknown rule id '${id}': every checked rule must be in specs/rules/`);
  return r;
}

export function providerOfRule(id: string): Provider {
  const p = PROVIDERS.find((p) => id.startsWith(`${RULE_PREFIX[p]}-`));
  if (!p) throw new Error(`rule id '${id}' has no provider prefix`);
  return p;
}

/**
 * Playwright test details naming the rules a test checks: tags (`@must`, `@AWSIOT-DEL-001`, so
 * `--grep AWSIOT-DEL-001` selects it) and one `rule` annotation per id for the reporter.
 * Extra tags (e.g. `@readonly` for --safe) pass through.
 */
export function rules(ids: string[], ...extraTags: string[]) {
  const found = ids.map(rule);
  const levels = [...new Set(found.map((r) => `@${r.level.toLowerCase()}`))];
  return {
    tag: [...levels, ...ids.map((id) => `@${id}`), ...extraTags],
    annotation: ids.map((id) => ({ type: 'rule', description: id })),
  };
}
