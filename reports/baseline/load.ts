import { readFileSync } from 'node:fs';
import { loadCatalog, type Catalog } from '../../lib/rules/catalog.ts';
import type { Provider } from '../../lib/providers.ts';
import { schemaProblems } from '../schema/validate.ts';
import { entryName, type Baseline, type BaselineEntry } from './format.ts';

/** A baseline file that cannot be used; the message names the file and the entry. */
export class BaselineError extends Error {}

/** `/entries/2/expires` -> `entry 3 AWSIOT-DEL-001 (aws-iot): expires`, from the raw document. */
function where(doc: unknown, path: string): string {
  const m = /^\/entries\/(\d+)(?:\/(.*))?$/.exec(path);
  if (!m) return path || '(top level)';
  const raw = (doc as { entries: Record<string, unknown>[] }).entries[Number(m[1])] ?? {};
  const name = typeof raw.rule === 'string' ? ` ${raw.rule}${typeof raw.provider === 'string' ? ` (${raw.provider})` : ''}` : '';
  return `entry ${Number(m[1]) + 1}${name}${m[2] ? `: ${m[2]}` : ''}`;
}

/** What the rule catalogs say against the entries: unknown ids, INFO rules, overlaps. */
function catalogProblems(entries: BaselineEntry[], catalog: (p: Provider) => Catalog): string[] {
  const out: string[] = [];
  entries.forEach((e, i) => {
    const at = `entry ${i + 1} ${entryName(e)}`;
    const rule = catalog(e.provider).rules.find((r) => r.id === e.rule);
    if (!rule) out.push(`${at}: unknown rule id: ${e.provider} has no rule ${e.rule} (specs/rules/${e.provider}.yaml)`);
    else if (rule.level === 'INFO') out.push(`${at}: ${e.rule} is an INFO rule (observed only, never gated): remove the entry`);
    const overlaps = (o: BaselineEntry) => o.rule === e.rule && o.provider === e.provider && (!o.target || !e.target || o.target === e.target);
    const twin = entries.findIndex((o, j) => j < i && overlaps(o));
    if (twin >= 0) out.push(`${at}: covers the same rule and target as entry ${twin + 1}`);
  });
  return out;
}

/** Reads and checks a baseline file: JSON, the schema, then the rule catalogs. */
export function loadBaseline(file: string, catalog: (p: Provider) => Catalog = loadCatalog): Baseline {
  let doc: unknown;
  try {
    doc = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw new BaselineError(`baseline ${file}: ${err.code === 'ENOENT' ? 'no such file (`certconform baseline --from REPORT` writes one)' : `not JSON: ${err.message.replace(/\s+/g, ' ')}`}`);
  }
  const problems = schemaProblems('baseline', doc).map((p) => `${where(doc, p.path)} ${p.message}`);
  if (problems.length) throw new BaselineError(`baseline ${file} is not valid (reports/schema/baseline.schema.json): ${problems.join('; ')}`);
  const baseline = doc as Baseline;
  const catalogs = new Map<Provider, Catalog>();
  const wrong = catalogProblems(baseline.entries, (p) => catalogs.get(p) ?? catalogs.set(p, catalog(p)).get(p)!);
  if (wrong.length) throw new BaselineError(`baseline ${file}: ${wrong.join('; ')}`);
  return baseline;
}
