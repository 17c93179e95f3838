import { randomBytes } from 'node:crypto';
import { keyOf, type Vault } from '../../providers/azure-keyvault/vault.ts';
import { wrapHandler } from '../apply.ts';
import type { Mutant } from '../mutant.ts';
import { editBodies, nameOf } from './bodies.ts';

/** RecoverDeletedCertificate: its answer and where it leaves the certificate. */
export const recover: Mutant[] = [
  {
    name: 'azure-keyvault/recover-answers-new-version',
    description: 'the recovered bundle carries a fresh version in id, kid and sid instead of the deleted bundle\'s',
    rules: ['AZKV-REC-001'],
    module: (m) =>
      editBodies(m, ['RecoverDeletedCertificate'], (b) => {
        const fresh = randomBytes(16).toString('hex');
        for (const k of ['id', 'kid', 'sid']) if (typeof b[k] === 'string') b[k] = b[k].replace(/\/[0-9a-f]{32}$/, `/${fresh}`);
      }),
  },
  {
    name: 'azure-keyvault/recover-loses-certificate',
    description: 'RecoverDeletedCertificate answers 200 but the certificate never comes back live (it leaves both stores)',
    rules: ['AZKV-REC-002'],
    module: (m) =>
      wrapHandler<Vault>(m, 'RecoverDeletedCertificate', (next) => async (input, v, ctx) => {
        const reply = await next(input, v, ctx);
        if (reply.status === 200) v.live.delete(keyOf(nameOf(input)));
        return reply;
      }),
  },
  {
    name: 'azure-keyvault/recover-keeps-deleted-entry',
    description: 'RecoverDeletedCertificate brings the certificate back live but leaves it in the deleted store too',
    rules: ['AZKV-REC-003', 'AZKV-LST-002'],
    module: (m) =>
      wrapHandler<Vault>(m, 'RecoverDeletedCertificate', (next) => async (input, v, ctx) => {
        const k = keyOf(nameOf(input));
        const d = v.deleted.get(k);
        const reply = await next(input, v, ctx);
        if (reply.status === 200 && d) v.deleted.set(k, d);
        return reply;
      }),
  },
];
