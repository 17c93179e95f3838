import { ApiError } from '../../host/api-error.ts';
import { certificateBundle, latest } from '../../providers/azure-keyvault/bundle.ts';
import { keyOf, reportedLevel, type Vault } from '../../providers/azure-keyvault/vault.ts';
import { wrapHandler } from '../apply.ts';
import type { Mutant } from '../mutant.ts';
import { editBodies, nameOf, servedFromDeleted } from './bodies.ts';

/** GetCertificate and GetDeletedCertificate: which store each one reads, and what it says. */
export const getCertificate: Mutant[] = [
  {
    name: 'azure-keyvault/get-serves-deleted',
    description: 'GetCertificate of a deleted (not recovered) name answers 200 from the deleted store',
    rules: ['AZKV-GET-001'],
    module: (m) =>
      wrapHandler<Vault>(m, 'GetCertificate', servedFromDeleted),
  },
  {
    name: 'azure-keyvault/get-not-found-answers-400',
    description: 'GetCertificate answers 400 BadParameter where it should answer 404 CertificateNotFound',
    rules: ['AZKV-GET-002', 'AZKV-GET-001'],
    class: 'status',
    module: (m) =>
      wrapHandler<Vault>(m, 'GetCertificate', (next) => async (input, v, ctx) => {
        try {
          return await next(input, v, ctx);
        } catch (e) {
          if (e instanceof ApiError && e.status === 404) throw new ApiError(400, 'BadParameter', e.message);
          throw e;
        }
      }),
  },
  {
    name: 'azure-keyvault/get-deleted-id-without-version',
    description: "GetDeletedCertificate's bundle id lacks the version the delete returned ({vault}/certificates/{name})",
    rules: ['AZKV-GET-003'],
    module: (m) =>
      editBodies(m, ['GetDeletedCertificate'], (b) => {
        if (typeof b.id === 'string') b.id = b.id.replace(/\/[0-9a-f]{32}$/, '');
      }),
  },
  {
    name: 'azure-keyvault/get-deleted-serves-live',
    description: 'GetDeletedCertificate of a live, never deleted name answers 200 with its live bundle',
    rules: ['AZKV-GET-004'],
    module: (m) =>
      wrapHandler<Vault>(m, 'GetDeletedCertificate', (next) => async (input, v, ctx) => {
        const k = keyOf(nameOf(input));
        const c = v.live.get(k);
        if (v.deleted.has(k) || !c) return next(input, v, ctx);
        return { status: 200, body: certificateBundle(input.wire.origin, c, latest(c), reportedLevel(v.options)) };
      }),
  },
];
