import type { ProviderModule } from '../../host/types.ts';
import { deletedButRecoverable } from '../../providers/azure-keyvault/errors.ts';
import { keyOf, type Deleted, type Vault } from '../../providers/azure-keyvault/vault.ts';
import { wrapHandler } from '../apply.ts';
import type { Mutant } from '../mutant.ts';
import { nameOf } from './bodies.ts';

/**
 * Remembers what PurgeDeletedCertificate removed, per vault (a control reset makes a new vault,
 * so the memory goes with it): a purge that does not quite forget.
 */
function rememberPurged(m: ProviderModule<any>): (v: Vault) => Map<string, Deleted> {
  const purged = new WeakMap<Vault, Map<string, Deleted>>();
  const of = (v: Vault) => purged.get(v) ?? purged.set(v, new Map()).get(v)!;
  wrapHandler<Vault>(m, 'PurgeDeletedCertificate', (next) => async (input, v, ctx) => {
    const k = keyOf(nameOf(input));
    const d = v.deleted.get(k);
    const reply = await next(input, v, ctx);
    if (reply.status < 300 && d) of(v).set(k, d);
    return reply;
  });
  return of;
}

/** What a purge leaves behind: the deleted entry, a way back, a blocked name. */
export const purgedName: Mutant[] = [
  {
    name: 'azure-keyvault/purge-keeps-deleted-entry',
    description: 'PurgeDeletedCertificate answers 204 but the certificate stays in the deleted store',
    rules: ['AZKV-PUR-002', 'AZKV-PUR-003'],
    module: (m) =>
      wrapHandler<Vault>(m, 'PurgeDeletedCertificate', (next) => async (input, v, ctx) => {
        const k = keyOf(nameOf(input));
        const d = v.deleted.get(k);
        const reply = await next(input, v, ctx);
        if (reply.status < 300 && d) v.deleted.set(k, d);
        return reply;
      }),
  },
  {
    name: 'azure-keyvault/purged-still-recoverable',
    description: 'RecoverDeletedCertificate brings back a certificate that was purged',
    rules: ['AZKV-PUR-003'],
    module: (m) => {
      const purged = rememberPurged(m);
      wrapHandler<Vault>(m, 'RecoverDeletedCertificate', (next) => (input, v, ctx) => {
        const k = keyOf(nameOf(input));
        const ghost = purged(v).get(k);
        if (ghost && !v.live.has(k) && !v.deleted.has(k)) {
          v.deleted.set(k, ghost);
          purged(v).delete(k);
        }
        return next(input, v, ctx);
      });
    },
  },
  {
    name: 'azure-keyvault/purged-name-stays-blocked',
    description: 'after a purge the name still cannot be reused: ImportCertificate answers 409 ObjectIsDeletedButRecoverable',
    rules: ['AZKV-PUR-004'],
    module: (m) => {
      const purged = rememberPurged(m);
      wrapHandler<Vault>(m, 'ImportCertificate', (next) => (input, v, ctx) => {
        if (purged(v).has(keyOf(nameOf(input)))) throw deletedButRecoverable(nameOf(input));
        return next(input, v, ctx);
      });
    },
  },
];
