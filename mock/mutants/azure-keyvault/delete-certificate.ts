import { ApiError } from '../../host/api-error.ts';
import { deletedBundle } from '../../providers/azure-keyvault/bundle.ts';
import { keyOf, reportedLevel, type Vault } from '../../providers/azure-keyvault/vault.ts';
import { mapReplies, wrapHandler } from '../apply.ts';
import type { Mutant } from '../mutant.ts';
import { editBodies, nameOf, servedFromDeleted } from './bodies.ts';

/** DeleteCertificate: its answer, the bundle it returns and what it leaves behind, each broken once. */
export const deleteCertificate: Mutant[] = [
  {
    name: 'azure-keyvault/delete-answers-204',
    description: 'DeleteCertificate answers 204 without a body instead of 200 with the deleted bundle',
    rules: ['AZKV-DEL-001', 'AZKV-SPEC-001'],
    class: 'status',
    module: (m) => mapReplies(m, 'DeleteCertificate', (r) => (r.status === 200 ? { ...r, status: 204, body: undefined } : r)),
  },
  {
    name: 'azure-keyvault/deleted-bundle-lacks-recovery-id',
    description: 'the deleted bundle DeleteCertificate returns in a soft-delete vault has no recoveryId',
    rules: ['AZKV-DEL-020'],
    module: (m) => editBodies(m, ['DeleteCertificate'], (b) => delete b.recoveryId),
  },
  {
    name: 'azure-keyvault/deleted-bundle-lacks-purge-date',
    description: 'the deleted bundle DeleteCertificate returns in a soft-delete vault does not say when it will be purged (no scheduledPurgeDate)',
    rules: ['AZKV-DEL-002'],
    module: (m) => editBodies(m, ['DeleteCertificate'], (b) => delete b.scheduledPurgeDate),
  },
  {
    name: 'azure-keyvault/deleted-bundle-drops-tags',
    description: "the deleted bundle loses the certificate's tags (its previous identity is incomplete)",
    rules: ['AZKV-DEL-003'],
    module: (m) => editBodies(m, ['DeleteCertificate'], (b) => delete b.tags),
  },
  {
    name: 'azure-keyvault/deleted-bundle-x5t-differs',
    description: "the deleted bundle's x5t is not the thumbprint GetCertificate returned before the delete",
    rules: ['AZKV-DEL-020'],
    module: (m) => editBodies(m, ['DeleteCertificate'], (b) => (b.x5t = typeof b.x5t === 'string' ? `A${b.x5t.slice(1)}` : b.x5t)),
  },
  {
    name: 'azure-keyvault/deleted-bundle-lacks-recovery-level',
    description: 'the deleted bundle has no attributes.recoveryLevel',
    rules: ['AZKV-DEL-007'],
    module: (m) => editBodies(m, ['DeleteCertificate'], (b) => delete b.attributes?.recoveryLevel),
  },
  {
    name: 'azure-keyvault/delete-keeps-old-versions',
    description: 'after DeleteCertificate, GetCertificateVersion still finds every version (served from the deleted store)',
    rules: ['AZKV-DEL-009'],
    module: (m) =>
      wrapHandler<Vault>(m, 'GetCertificateVersion', servedFromDeleted),
  },
  {
    name: 'azure-keyvault/delete-unknown-wrong-code',
    description: 'deleting a name that never existed answers 404 with code NotFound instead of CertificateNotFound',
    rules: ['AZKV-DEL-010'],
    module: (m) =>
      wrapHandler<Vault>(m, 'DeleteCertificate', (next) => async (input, v, ctx) => {
        const k = keyOf(nameOf(input));
        if (v.live.has(k) || v.deleted.has(k)) return next(input, v, ctx);
        throw new ApiError(404, 'NotFound', `The certificate ${nameOf(input)} does not exist.`);
      }),
  },
  {
    name: 'azure-keyvault/second-delete-answers-200',
    description: 'deleting a name that is already in the deleted store answers 200 with its deleted bundle again',
    rules: ['AZKV-DEL-011'],
    module: (m) =>
      wrapHandler<Vault>(m, 'DeleteCertificate', (next) => async (input, v, ctx) => {
        const d = v.deleted.get(keyOf(nameOf(input)));
        if (v.live.has(keyOf(nameOf(input))) || !d) return next(input, v, ctx);
        return { status: 200, body: deletedBundle(input.wire.origin, d, reportedLevel(v.options)) };
      }),
  },
];
