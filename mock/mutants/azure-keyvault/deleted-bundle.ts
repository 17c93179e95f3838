import type { Vault } from '../../providers/azure-keyvault/vault.ts';
import type { Mutant } from '../mutant.ts';
import { BUNDLE_OPS, DELETED_OPS, editBundles, LIST_OPS } from './bodies.ts';

const unpadded = (x5t: string) => Buffer.from(x5t, 'base64url');

/** The fields of a (deleted) bundle that carry dates, ids and the thumbprint, each broken once. */
export const deletedBundleFields: Mutant[] = [
  {
    name: 'azure-keyvault/recovery-id-under-certificates',
    description: 'recoveryId points to {vault}/certificates/{name} instead of {vault}/deletedcertificates/{name}',
    rules: ['AZKV-DEL-004'],
    module: (m) =>
      editBundles(m, DELETED_OPS, (b) => {
        if (typeof b.recoveryId === 'string') b.recoveryId = b.recoveryId.replace('/deletedcertificates/', '/certificates/');
      }),
  },
  {
    name: 'azure-keyvault/scheduled-purge-equals-deleted-date',
    description: 'scheduledPurgeDate equals deletedDate (no retention interval) wherever the deleted store shows it',
    rules: ['AZKV-DEL-005', 'AZKV-DEL-006'],
    module: (m) =>
      editBundles(m, DELETED_OPS, (b) => {
        if (b.deletedDate !== undefined) b.scheduledPurgeDate = b.deletedDate;
      }),
  },
  {
    name: 'azure-keyvault/retention-91-days',
    description: 'the vault keeps deleted certificates 91 days, one more than the documented maximum of 90',
    rules: ['AZKV-DEL-006'],
    module: (m) => {
      const create = m.createState;
      m.createState = (ctx) => {
        const v = create(ctx) as Vault;
        v.options.retentionDays = 91; // createVault refuses 91, so it is set after
        return v;
      };
    },
  },
  {
    name: 'azure-keyvault/x5t-hex-thumbprint',
    description: 'x5t is the SHA-1 thumbprint in upper-case hex (as Windows shows it), not base64url',
    rules: ['AZKV-DEL-008', 'AZKV-IMP-001'],
    module: (m) =>
      editBundles(m, [...BUNDLE_OPS, ...LIST_OPS], (b) => {
        if (typeof b.x5t === 'string') b.x5t = unpadded(b.x5t).toString('hex').toUpperCase();
      }),
  },
  {
    name: 'azure-keyvault/x5t-padded-base64',
    description: "x5t is standard padded base64 ('+', '/', '='), breaking the spec's base64url pattern",
    rules: ['AZKV-SPEC-001', 'AZKV-DEL-008'],
    class: 'pattern',
    module: (m) =>
      editBundles(m, [...BUNDLE_OPS, ...LIST_OPS], (b) => {
        if (typeof b.x5t === 'string') b.x5t = unpadded(b.x5t).toString('base64');
      }),
  },
  {
    name: 'azure-keyvault/timestamps-in-milliseconds',
    description: 'attributes.created and updated are Unix milliseconds instead of seconds',
    rules: ['AZKV-FMT-003'],
    module: (m) =>
      editBundles(m, [...BUNDLE_OPS, ...LIST_OPS], (b) => {
        for (const k of ['created', 'updated']) if (typeof b.attributes?.[k] === 'number') b.attributes[k] *= 1000;
      }),
  },
];
