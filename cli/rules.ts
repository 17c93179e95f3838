import { PROVIDERS, isProvider, type Provider } from '../lib/providers.ts';
import { LEVELS, loadCatalog, type Level, type Rule } from '../lib/rules/catalog.ts';

export interface RulesOptions {
  level?: string;
  json?: boolean;
}

/** The rules of the named providers (all by default) at the given levels, or a usage sentence. */
export function selectRules(names: string[], level: string | undefined): (Rule & { provider: Provider })[] | string {
  const unknown = names.find((n) => !isProvider(n));
  if (unknown !== undefined) return `unknown provider '${unknown}' (known: ${PROVIDERS.join(', ')})`;
  const levels = level === undefined ? [...LEVELS] : level.split(',').map((l) => l.trim().toUpperCase());
  const bad = levels.find((l) => !(LEVELS as readonly string[]).includes(l));
  if (bad !== undefined) return `--level takes ${LEVELS.join(', ')} (or several, comma-separated), got '${bad}'`;
  const providers = names.length ? (names as Provider[]) : [...PROVIDERS];
  return providers.flatMap((p) => loadCatalog(p).rules.filter((r) => levels.includes(r.level as Level)).map((r) => ({ ...r, provider: p })));
}

/** `certconform rules [providers...] [--level MUST] [--json]`: the rule catalogs, one rule a line. */
export function rulesCommand(names: string[], opts: RulesOptions): number {
  const rules = selectRules(names, opts.level);
  if (typeof rules === 'string') {
    console.error(`certconform rules: ${rules}`);
    return 2;
  }
  if (opts.json) {
    for (const r of rules) console.log(JSON.stringify({ id: r.id, provider: r.provider, level: r.level, basis: r.basis, operation: r.operation, statement: r.statement }));
    return 0;
  }
  const width = Math.max(0, ...rules.map((r) => r.id.length));
  for (const r of rules) console.log(`${r.id.padEnd(width)}  ${r.level.padEnd(6)}  ${r.basis.padEnd(9)}  ${r.statement}`);
  console.log(`${rules.length} rules; \`certconform explain <RULE-ID>\` shows one with its source, outcomes, tests and mutants`);
  return 0;
}
