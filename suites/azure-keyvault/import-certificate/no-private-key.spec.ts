import { selfSigned } from '../../support/certs/generate.ts';
import { azureImportBody } from '../../support/certs/import-bodies.ts';
import { rules } from '../../support/rules.ts';
import { test } from '../support/test.ts';

// `value` must hold the certificate WITH its private key (PFX or PEM with the key).
const values: { title: string; value: () => Promise<string> }[] = [
  { title: 'a bare certificate PEM (no key)', value: async () => (await selfSigned({ ca: false })).pem },
  { title: 'a private key without a certificate', value: async () => (await selfSigned({ ca: false })).privateKeyPem },
  { title: 'text that is no certificate', value: async () => 'certconform: not a certificate' },
  { title: 'base64 that is no PFX', value: async () => Buffer.from('certconform: not a pfx').toString('base64') },
];

for (const v of values) {
  test(`importing ${v.title} is refused with 400`, rules(['AZKV-IMP-005']), async ({ api, check, vault }) => {
    const name = vault.newName('nokey');
    vault.track(name);
    const body = { ...azureImportBody(await selfSigned({ ca: false })), value: await v.value() };
    check.outcome('AZKV-IMP-005', await api.call('ImportCertificate', { path: { 'certificate-name': name }, body }));
  });
}
