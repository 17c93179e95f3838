import { deletedBundle } from '../../providers/azure-keyvault/bundle.ts';
import { keyOf, reportedLevel, type Vault } from '../../providers/azure-keyvault/vault.ts';
import { mapReplies, wrapHandler } from '../apply.ts';
import type { Mutant } from '../mutant.ts';
import { nameOf } from './bodies.ts';

/** PurgeDeletedCertificate: its answer and when it may purge, each broken once. */
export const purge: Mutant[] = [
  {
    name: 'azure-keyvault/purge-answers-202',
    description: 'PurgeDeletedCertificate answers 202 Accepted instead of 204 No Content',
    rules: ['AZKV-PUR-001', 'AZKV-SPEC-001'],
    class: 'status',
    module: (m) => mapReplies(m, 'PurgeDeletedCertificate', (r) => (r.status === 204 ? { ...r, status: 202 } : r)),
  },
  {
    name: 'azure-keyvault/purge-answers-200-with-body',
    description: 'PurgeDeletedCertificate answers 200 with the purged bundle instead of 204 without a body',
    rules: ['AZKV-PUR-001', 'AZKV-SPEC-001'],
    class: 'body',
    module: (m) =>
      wrapHandler<Vault>(m, 'PurgeDeletedCertificate', (next) => async (input, v, ctx) => {
        const d = v.deleted.get(keyOf(nameOf(input)));
        const reply = await next(input, v, ctx);
        return reply.status === 204 && d ? { ...reply, status: 200, body: deletedBundle(input.wire.origin, d, reportedLevel(v.options)) } : reply;
      }),
  },
  {
    name: 'azure-keyvault/purge-unknown-answers-204',
    description: 'purging a name that is not in the deleted store (live, never existing, already purged) answers 204',
    rules: ['AZKV-PUR-005'],
    module: (m) =>
      wrapHandler<Vault>(m, 'PurgeDeletedCertificate', (next) => (input, v, ctx) =>
        v.deleted.has(keyOf(nameOf(input))) ? next(input, v, ctx) : { status: 204 },
      ),
  },
  {
    name: 'azure-keyvault/purge-ignores-recovery-level',
    description: 'a Recoverable vault (no Purgeable in its recovery level) purges deleted certificates anyway',
    rules: ['AZKV-PUR-006'],
    module: (m) => {
      const create = m.createState;
      m.createState = (ctx) => {
        const v = create(ctx) as Vault;
        v.options.recoveryLevel = 'Recoverable';
        return v;
      };
      wrapHandler<Vault>(m, 'PurgeDeletedCertificate', (next) => async (input, v, ctx) => {
        const level = v.options.recoveryLevel;
        v.options.recoveryLevel = 'Recoverable+Purgeable'; // the level check passes for this call only
        try {
          return await next(input, v, ctx);
        } finally {
          v.options.recoveryLevel = level;
        }
      });
    },
  },
];
