import { keyOf, type Deleted, type Vault } from '../../providers/azure-keyvault/vault.ts';
import { wrapHandler } from '../apply.ts';
import type { Mutant } from '../mutant.ts';
import { nameOf } from './bodies.ts';

const FAR_FUTURE = Number.MAX_SAFE_INTEGER;

/**
 * The deleted store of a vault whose system purge never runs: the engine's lazy expiry removes
 * entries whose scheduledPurgeDate has passed through `delete`, which this map refuses for them.
 */
class NeverExpiring extends Map<string, Deleted> {
  constructor(private readonly vault: Vault) {
    super();
  }

  override delete(key: string): boolean {
    const d = this.get(key);
    if (d && d.scheduledPurgeDate <= this.vault.clock.nowSeconds()) return false;
    return super.delete(key);
  }
}

/**
 * The retention interval's end: only the system purges, and here it never does. Observable on
 * a target whose clock moves: the suite's clock phase jumps past scheduledPurgeDate (each mutant
 * listens on its own port with its own clock, so the jump disturbs no other mutant).
 */
export const systemPurge: Mutant[] = [
  {
    name: 'azure-keyvault/system-purge-never-runs',
    description: 'a deleted certificate stays in the deleted store (get, list, purge, recover) after its scheduledPurgeDate has passed',
    rules: ['AZKV-PUR-007'],
    module: (m) => {
      const create = m.createState;
      m.createState = (ctx) => {
        const v = create(ctx) as Vault;
        v.deleted = new NeverExpiring(v);
        return v;
      };
      // An explicit purge or recover of an overdue entry works as on any other: its date is lifted for the call.
      for (const op of ['PurgeDeletedCertificate', 'RecoverDeletedCertificate']) {
        wrapHandler<Vault>(m, op, (next) => async (input, v, ctx) => {
          const d = v.deleted.get(keyOf(nameOf(input)));
          const date = d?.scheduledPurgeDate;
          if (d) d.scheduledPurgeDate = FAR_FUTURE;
          try {
            return await next(input, v, ctx);
          } finally {
            if (d) d.scheduledPurgeDate = date!;
          }
        });
      }
    },
  },
];
