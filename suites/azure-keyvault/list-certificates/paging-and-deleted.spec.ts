import { rules } from '../../support/rules.ts';
import { nameOfItem } from '../support/bundle.ts';
import { deleteCert, itemsOf, listAll, nextLinkOf } from '../support/ops.ts';
import { pollUntil } from '../support/poll.ts';
import { precondition } from '../support/precondition.ts';
import { test } from '../support/test.ts';

const PAGE = 2;

test(
  'the listing pages by maxresults, lists each certificate once and leaves deleted ones out',
  rules(['AZKV-LST-005', 'AZKV-LST-001']),
  async ({ api, check, vault, target }) => {
    const names = [vault.newName('lista'), vault.newName('listb'), vault.newName('listc')];
    for (const n of names) precondition((await vault.import(n)).ex, 200, `ImportCertificate ${n}`);

    const pages = await listAll(api, 'GetCertificates', PAGE);
    for (const p of pages) check.outcome('AZKV-LST-005', p);
    const sizes = pages.map((p) => itemsOf(p).length);
    check.that('AZKV-LST-005', sizes.every((s) => s <= PAGE), `page sizes ${sizes.join(', ')}`, `at most maxresults=${PAGE} items per page`);
    const links = pages.map(nextLinkOf).filter((l): l is string => !!l);
    const opPath = new URL(`${target.url}/certificates`).pathname;
    check.that('AZKV-LST-005', links.every((l) => URL.canParse(l) && new URL(l).pathname === opPath), `nextLink ${links.find((l) => !URL.canParse(l) || new URL(l).pathname !== opPath)}`, `absolute URLs of ${opPath}`);
    check.that('AZKV-LST-005', links.length === pages.length - 1, `${links.length} nextLinks on ${pages.length} pages`, 'a nextLink on every page but the last');
    const seen = pages.flatMap(itemsOf).map((i) => nameOfItem(i.id));
    for (const n of names) check.that('AZKV-LST-005', seen.filter((s) => s === n).length === 1, `${n} listed ${seen.filter((s) => s === n).length} times`, 'once');

    precondition(await deleteCert(api, names[0]!), 200, 'DeleteCertificate');
    vault.pending.add(names[0]!);
    // "Once processed": list again until the name is gone, within the poll bound.
    const listed = (ps: Awaited<ReturnType<typeof listAll>>) => ps.flatMap(itemsOf).some((i) => nameOfItem(i.id) === names[0]);
    const after = await pollUntil(() => listAll(api, 'GetCertificates', 25), (ps) => !listed(ps));
    check.that('AZKV-LST-001', after.every((p) => p.status === 200) && !listed(after), `${names[0]} still listed (or a page failed: ${after.map((p) => p.status).join(', ')})`, 'the deleted name on no page');
  },
);
