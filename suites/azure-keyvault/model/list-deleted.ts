import type fc from 'fast-check';
import { nameOfItem } from '../support/bundle.ts';
import { itemsOf, listAll } from '../support/ops.ts';
import { pollUntil } from '../support/poll.ts';
import { namesIn, short, type KvModel } from './model.ts';
import { answer, type KvReal } from './real.ts';

type Item = Record<string, unknown>;

/** GetDeletedCertificates: the sequence's deleted names with their deletion facts, nothing else of it. */
export class ListDeletedCommand implements fc.AsyncCommand<KvModel, KvReal> {
  private resolved = '';
  constructor(readonly maxresults: number) {}

  check = (m: Readonly<KvModel>) => m.softDelete !== false;

  async run(m: KvModel, r: KvReal): Promise<void> {
    const deleted = namesIn(m, 'deleted');
    const notThere = m.names.filter((n) => !deleted.includes(n));
    const mine = (items: Item[], n: string) => items.filter((i) => nameOfItem(i.recoveryId ?? i.id) === n);
    const agrees = (items: Item[]) => deleted.every((n) => mine(items, n).length === 1) && notThere.every((n) => mine(items, n).length === 0);
    const pages = await pollUntil(() => listAll(r.api, 'GetDeletedCertificates', this.maxresults), (ps) => agrees(ps.flatMap(itemsOf)));
    this.resolved = `(maxresults=${this.maxresults}) -> ${pages.length} pages, last ${answer(pages.at(-1))}`;
    for (const p of pages) r.check.outcome('AZKV-LST-002', p, [{ status: 200 }]);
    const items = pages.flatMap(itemsOf);
    for (const n of deleted) {
      const [it, ...more] = mine(items, n);
      const d = m.certs.get(n)!.deletion!;
      const same = !!it && more.length === 0 && it.recoveryId === d.recoveryId && it.deletedDate === d.deletedDate && Number.isInteger(it.scheduledPurgeDate);
      r.check.that('AZKV-LST-002', same, it ? `${short(n)} listed ${more.length + 1}x: ${JSON.stringify({ recoveryId: it.recoveryId, deletedDate: it.deletedDate })}` : `${short(n)} not listed`, `listed once with recoveryId ${String(d.recoveryId)}, deletedDate ${String(d.deletedDate)}`);
    }
    for (const n of notThere) r.check.that('AZKV-LST-002', mine(items, n).length === 0, `${short(n)} listed while not deleted`, 'not in the deleted listing');
  }

  toString = () => `GetDeletedCertificates${this.resolved || `(maxresults=${this.maxresults})`}`;
}
