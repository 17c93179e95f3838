import { deletedCertificateNotFound } from '../../providers/azure-keyvault/errors.ts';
import { keyOf, type Vault } from '../../providers/azure-keyvault/vault.ts';
import { wrapHandler } from '../apply.ts';
import type { Mutant } from '../mutant.ts';
import { nameOf } from './bodies.ts';

const DAY_S = 86_400;

/** Sets vault options a mutant needs to be observable (the mutants' mock starts with none). */
function withOptions(m: Parameters<NonNullable<Mutant['module']>>[0], set: (v: Vault) => void): void {
  const create = m.createState;
  m.createState = (ctx) => {
    const v = create(ctx) as Vault;
    set(v);
    return v;
  };
}

/**
 * What the real service does while a deletion is processed and with a retention under 90 days
 * (recorded at 7.0: specs/recordings/azure-keyvault/), each broken once. Each mutant gives its own
 * vault the option that makes the deviation visible.
 */
export const deletionWindow: Mutant[] = [
  {
    name: 'azure-keyvault/purge-while-deleting-answers-404',
    description: 'a purge sent while the deletion is still processed (1.5 s here) answers 404 "nothing there" instead of 409 ObjectIsBeingDeleted',
    rules: ['AZKV-PUR-001'],
    module: (m) => {
      withOptions(m, (v) => (v.options.deletedVisibleAfterMs = 1_500));
      wrapHandler<Vault>(m, 'PurgeDeletedCertificate', (next) => (input, v, ctx) => {
        const d = v.deleted.get(keyOf(nameOf(input)));
        if (d && v.clock.now() < d.visibleAtMs) throw deletedCertificateNotFound(nameOf(input));
        return next(input, v, ctx);
      });
    },
  },
  {
    name: 'azure-keyvault/retention-ignored',
    description: 'a vault with a 7-day retention reports CustomizedRecoverable+Purgeable but schedules the purge 90 days after the delete',
    rules: ['AZKV-DEL-006'],
    module: (m) => {
      withOptions(m, (v) => (v.options.retentionDays = 7));
      wrapHandler<Vault>(m, 'DeleteCertificate', (next) => async (input, v, ctx) => {
        const reply = await next(input, v, ctx);
        const d = v.deleted.get(keyOf(nameOf(input)));
        if (reply.status !== 200 || !d) return reply;
        d.scheduledPurgeDate = d.deletedDate + 90 * DAY_S;
        return { ...reply, body: { ...(reply.body as object), scheduledPurgeDate: d.scheduledPurgeDate } };
      });
    },
  },
];
