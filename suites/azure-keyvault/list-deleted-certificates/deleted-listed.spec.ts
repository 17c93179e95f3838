import { rules } from '../../support/rules.ts';
import { asObj, nameOfItem, recoveryLevelOf, softDeletes } from '../support/bundle.ts';
import { deleteCert, itemsOf, listAll, purgeWhenProcessed, recoverCert } from '../support/ops.ts';
import { pollUntil } from '../support/poll.ts';
import { precondition } from '../support/precondition.ts';
import { test } from '../support/test.ts';

type Item = Record<string, unknown>;
const deletedItems = async (api: Parameters<typeof listAll>[0]) => (await listAll(api, 'GetDeletedCertificates', 25)).flatMap(itemsOf);
const find = (items: Item[], name: string) => items.find((i) => nameOfItem(i.recoveryId ?? i.id) === name);

test(
  'a deleted certificate appears in the deleted listing and leaves it when recovered or purged',
  rules(['AZKV-LST-002']),
  async ({ api, check, vault }) => {
    const [a, b] = [vault.newName('dlista'), vault.newName('dlistb')];
    const dels: Record<string, Item> = {};
    for (const n of [a, b]) {
      precondition((await vault.import(n)).ex, 200, `ImportCertificate ${n}`);
      const del = await deleteCert(api, n);
      precondition(del, 200, `DeleteCertificate ${n}`);
      vault.pending.add(n);
      dels[n] = asObj(del.body);
    }
    const level = recoveryLevelOf(dels[a]);
    if (!softDeletes(level)) return check.notApplicable('AZKV-LST-002', `the vault does not soft-delete (recoveryLevel ${level})`);

    const both = await pollUntil(() => deletedItems(api), (items) => !!find(items, a) && !!find(items, b));
    for (const n of [a, b]) {
      const item = find(both, n);
      const fields = ['recoveryId', 'deletedDate', 'scheduledPurgeDate'] as const;
      const off = fields.filter((k) => item?.[k] !== dels[n]![k]);
      check.that('AZKV-LST-002', !!item && off.length === 0, item ? `${n} listed with ${off.map((k) => `${k} ${JSON.stringify(item[k])}`).join(', ')}` : `${n} not listed`, `${n} listed with recoveryId, deletedDate, scheduledPurgeDate as the delete returned them`);
    }
    precondition(await recoverCert(api, a), 200, `RecoverDeletedCertificate ${a}`);
    precondition(await purgeWhenProcessed(api, b), 204, `PurgeDeletedCertificate ${b}`);
    vault.pending.delete(a);
    vault.pending.delete(b);
    const after = await pollUntil(() => deletedItems(api), (items) => !find(items, a) && !find(items, b));
    check.that('AZKV-LST-002', !find(after, a), `${a} still listed after recover`, 'gone from the deleted listing once recovered');
    check.that('AZKV-LST-002', !find(after, b), `${b} still listed after purge`, 'gone from the deleted listing once purged');
  },
);
