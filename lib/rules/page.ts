import type { Provider } from '../providers.ts';
import { BASIS_MEANING, LEVELS, loadCatalog, type Outcome, type Rule } from './catalog.ts';

/** Where the pages live, relative to the repository root (docs/rules/<provider>.md). */
export const rulePagePath = (p: Provider) => `docs/rules/${p}.md`;

const outcome = (o: Outcome) => `\`${o.status}${o.code ? ` ${o.code}` : ''}\`${o.operation ? ` (on ${o.operation})` : ''}`;
/** Markdown text in a table cell or a quote: no line breaks, no stray pipes. */
const inline = (s: string) => s.replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|').trim();
/** The index shows a statement's first sentence; the entry below has all of it. */
const first = (s: string) => inline(s).replace(/^(.*?\.)\s+[A-Z(].*$/, '$1');

function entry(r: Rule): string[] {
  return [
    `## ${r.id}`,
    '',
    `**${r.level}** · ${r.operation} · ${r.category} · basis \`${r.basis}\`: ${BASIS_MEANING[r.basis]}`,
    '',
    inline(r.statement),
    '',
    `> ${inline(r.source.quote)}`,
    `>`,
    `> ${r.source.file} § ${inline(r.source.heading)}`,
    '',
    `Documented outcomes: ${r.outcomes.map(outcome).join(' or ') || 'none listed'}`,
    ...(r.discrepancy ? ['', `Discrepancy: ${inline(r.discrepancy)}`] : []),
    '',
  ];
}

/**
 * One provider's rule reference page, generated from its catalog (specs/rules/<provider>.yaml):
 * an index table, then one entry per rule (level, basis, statement, quoted source, outcomes,
 * discrepancy). test/rule-pages.test.ts fails when a checked-in page differs from this.
 */
export function renderRulePage(p: Provider): string {
  const rules = loadCatalog(p).rules;
  const count = LEVELS.map((l) => `${rules.filter((r) => r.level === l).length} ${l}`).join(', ');
  return [
    `# ${p} rules`,
    '',
    `Generated from \`specs/rules/${p}.yaml\` by \`npm run docs:rules\`: edit the catalog, not this page.`,
    `${rules.length} rules: ${count}. Source files are relative to the provider documentation folder.`,
    '',
    '| rule | level | basis | statement |',
    '| --- | --- | --- | --- |',
    ...rules.map((r) => `| [${r.id}](#${r.id.toLowerCase()}) | ${r.level} | ${r.basis} | ${first(r.statement)} |`),
    '',
    ...rules.flatMap(entry),
  ].join('\n');
}
