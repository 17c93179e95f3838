import type { Vault } from '../../providers/azure-keyvault/vault.ts';
import { wrapHandler } from '../apply.ts';
import type { Mutant } from '../mutant.ts';
import { editBodies } from './bodies.ts';

/** GetCertificates and GetDeletedCertificates: what they list and how they page. */
export const listings: Mutant[] = [
  {
    name: 'azure-keyvault/list-includes-deleted',
    description: 'GetCertificates still lists certificates that were deleted (and not recovered)',
    rules: ['AZKV-LST-001'],
    module: (m) =>
      wrapHandler<Vault>(m, 'GetCertificates', (next) => (input, v, ctx) => {
        const live = new Map(v.live);
        for (const [k, d] of v.deleted) if (!live.has(k)) live.set(k, d.certificate);
        return next(input, { ...v, live }, ctx); // the listing reads a merged view; the stores are untouched
      }),
  },
  {
    name: 'azure-keyvault/deleted-list-lacks-purge-date',
    description: 'GetDeletedCertificates items carry no scheduledPurgeDate',
    rules: ['AZKV-LST-002'],
    module: (m) =>
      editBodies(m, ['GetDeletedCertificates'], (b) => {
        for (const item of b.value ?? []) delete item.scheduledPurgeDate;
      }),
  },
  {
    name: 'azure-keyvault/list-ignores-maxresults',
    description: 'GetCertificates ignores maxresults and always answers pages of 25',
    rules: ['AZKV-LST-005'],
    module: (m) =>
      wrapHandler<Vault>(m, 'GetCertificates', (next) => (input, v, ctx) => {
        const { maxresults: _ignored, ...query } = input.query;
        return next({ ...input, query }, v, ctx);
      }),
  },
];
