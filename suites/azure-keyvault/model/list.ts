import type fc from 'fast-check';
import { nameOfItem } from '../support/bundle.ts';
import { itemsOf, listAll } from '../support/ops.ts';
import { pollUntil } from '../support/poll.ts';
import { namesIn, short, type KvModel } from './model.ts';
import { answer, type KvReal } from './real.ts';

/**
 * GetCertificates, every page at a random maxresults: each of the sequence's live names exactly
 * once, no deleted or purged one (others' certificates are ignored: the vault is shared).
 */
export class ListCommand implements fc.AsyncCommand<KvModel, KvReal> {
  private resolved = '';
  constructor(readonly maxresults: number) {}

  check = () => true;

  async run(m: KvModel, r: KvReal): Promise<void> {
    const live = namesIn(m, 'live');
    const gone = [...namesIn(m, 'deleted'), ...namesIn(m, 'purged')];
    const count = (names: (string | undefined)[], n: string) => names.filter((x) => x === n).length;
    const agrees = (names: (string | undefined)[]) => live.every((n) => count(names, n) === 1) && gone.every((n) => count(names, n) === 0);
    const listed = (pages: Awaited<ReturnType<typeof listAll>>) => pages.flatMap(itemsOf).map((i) => nameOfItem(i.id));
    // The listing may lag a delete or recover on the real service: list again within the bound.
    const pages = await pollUntil(() => listAll(r.api, 'GetCertificates', this.maxresults), (ps) => agrees(listed(ps)));
    this.resolved = `(maxresults=${this.maxresults}) -> ${pages.length} pages, last ${answer(pages.at(-1))}`;
    for (const p of pages) r.check.outcome('AZKV-LST-005', p, [{ status: 200 }]);
    const sizes = pages.map((p) => itemsOf(p).length);
    r.check.that('AZKV-LST-005', sizes.every((s) => s <= this.maxresults), `page sizes ${sizes.join(',')}`, `at most ${this.maxresults}`);
    const names = listed(pages);
    for (const n of live) r.check.that('AZKV-LST-005', count(names, n) === 1, `live ${short(n)} listed ${count(names, n)} times`, 'once');
    for (const n of gone) r.check.that('AZKV-LST-001', count(names, n) === 0, `deleted ${short(n)} listed`, 'not listed');
  }

  toString = () => `GetCertificates${this.resolved || `(maxresults=${this.maxresults})`}`;
}
