import { BASIS_MEANING, type Basis } from '../../lib/rules/catalog.ts';
import type { RuleOutcome } from '../outcomes.ts';
import { esc } from './escape.ts';

/**
 * How each outcome looks on the page. A symbol as well as a colour in every cell and badge, so
 * the page reads the same for colour-blind readers and in greyscale print. Typed over the closed
 * outcome set: a new outcome cannot be added without saying how it is shown.
 */
export const OUTCOME_VIEW: Record<RuleOutcome, { label: string; symbol: string; hint: string }> = {
  passed: { label: 'passed', symbol: '✓', hint: 'every check of the rule held' },
  failed: { label: 'failed', symbol: '✗', hint: 'the target broke the rule' },
  error: { label: 'error', symbol: '!', hint: 'a test broke before it could judge the rule' },
  'not-applicable': { label: 'not applicable', symbol: '–', hint: 'the rule does not apply to this target' },
  'not-run': { label: 'not run', symbol: '○', hint: 'no test reached the rule in this run' },
};

/** The view of an outcome; a report from another version may carry one this page does not know. */
export const viewOf = (o: string) => OUTCOME_VIEW[o as RuleOutcome] ?? { label: o, symbol: '?', hint: 'an outcome this page does not know' };

export const outcomeBadge = (o: string): string =>
  `<span class="badge o-${esc(o)}"><span class="sym" aria-hidden="true">${esc(viewOf(o).symbol)}</span>${esc(viewOf(o).label)}</span>`;

/** What a basis means, in words (for a title); a report from another version may name one this page does not know. */
export const basisMeaning = (b: string): string =>
  Object.hasOwn(BASIS_MEANING, b) ? BASIS_MEANING[b as Basis] : 'a basis this page does not know';

/** The basis beside a rule's level: the word, its meaning on hover; nothing for a version-1 report. */
export const basisTag = (b: string | undefined): string =>
  b ? `<span class="basis b-${esc(b)}" title="${esc(`basis: ${basisMeaning(b)}`)}">basis ${esc(b)}</span>` : '';
