import * as engine from '../../providers/azure-keyvault/engine.ts';
import { certificateBundle } from '../../providers/azure-keyvault/bundle.ts';
import { keyOf, type Vault } from '../../providers/azure-keyvault/vault.ts';
import { at, wrapHandler } from '../apply.ts';
import type { Mutant } from '../mutant.ts';
import { editBodies, nameOf, servedFromDeleted, type Obj } from './bodies.ts';

const VERSION_PATH = '/paths/~1certificates~1{certificate-name}~1{certificate-version}';

/** What the seed says DeleteCertificate takes with it (the policy) and cannot do (one version). */
export const versionsAndPolicy: Mutant[] = [
  {
    name: 'azure-keyvault/delete-removes-one-version',
    description: 'DELETE /certificates/{name}/{version} removes that one version and leaves the others',
    rules: ['AZKV-DEL-012'],
    // A private route for the deviation: the GET's parameters and answers under DELETE.
    spec: (doc) => {
      const path = at(doc, VERSION_PATH);
      path.delete = { ...structuredClone(path.get), operationId: 'DeleteCertificateVersion' };
    },
    module: (m) => {
      m.handlers.DeleteCertificateVersion = (input, v: Vault) => {
        const { certificate, version } = engine.getCertificate(v, nameOf(input), String(input.path['certificate-version']));
        const versions = certificate.versions.filter((x) => x !== version);
        if (versions.length) v.live.set(keyOf(certificate.name), { ...certificate, versions });
        else v.live.delete(keyOf(certificate.name));
        return { status: 200, body: certificateBundle(input.wire.origin, certificate, version, v.options.recoveryLevel) };
      };
    },
  },
  {
    name: 'azure-keyvault/policy-survives-delete',
    description: "after DeleteCertificate, GetCertificatePolicy still answers 200 with the deleted certificate's policy",
    rules: ['AZKV-POL-001'],
    module: (m) => wrapHandler<Vault>(m, 'GetCertificatePolicy', servedFromDeleted),
  },
  {
    name: 'azure-keyvault/policy-kty-outside-enum',
    description: "policies name their key type in lower case ('ec', 'rsa'), outside KeyProperties.kty's enum",
    rules: ['AZKV-SPEC-001'],
    class: 'enum',
    module: (m) => {
      const lower = (p: Obj | undefined) => {
        if (typeof p?.key_props?.kty === 'string') p.key_props.kty = p.key_props.kty.toLowerCase();
      };
      editBodies(m, ['ImportCertificate', 'GetCertificate', 'GetCertificateVersion', 'RecoverDeletedCertificate'], (b) => lower(b.policy));
      editBodies(m, ['GetCertificatePolicy'], (b) => lower(b));
    },
  },
];
