import { cerBase64, x5t } from '../../support/certs/fingerprint.ts';
import { issue, selfSigned, type GeneratedCert } from '../../support/certs/generate.ts';
import { azureImportBody } from '../../support/certs/import-bodies.ts';
import { KEY_ALGS } from '../../support/certs/crypto.ts';
import { rules } from '../../support/rules.ts';
import { asObj, versionOf } from '../support/bundle.ts';
import { test } from '../support/test.ts';

const sameParts = (u: unknown, base: string, parts: string[]) =>
  typeof u === 'string' && URL.canParse(u) && new URL(u).host === new URL(base).host && new URL(u).pathname === `/${parts.join('/')}`;

// Every key algorithm, plus a CA-issued leaf imported with its chain (cer must be the leaf).
const cases: { title: string; make: () => Promise<{ leaf: GeneratedCert; chain: GeneratedCert[] }> }[] = [
  ...KEY_ALGS.map((keyAlg) => ({ title: `self-signed ${keyAlg}`, make: async () => ({ leaf: await selfSigned({ keyAlg, ca: false }), chain: [] }) })),
  { title: 'CA-issued leaf with its chain', make: async () => { const ca = await selfSigned({ keyAlg: 'EC-P384' }); return { leaf: await issue(ca, { keyAlg: 'EC-P256' }), chain: [ca] }; } },
];

for (const c of cases) {
  test(`importing a ${c.title} answers 200 with its certificate and well-formed ids`, rules(['AZKV-IMP-001', 'AZKV-IMP-020', 'AZKV-FMT-004']), async ({ api, check, vault, target }) => {
    const { leaf, chain } = await c.make();
    const name = vault.newName('imp');
    vault.track(name);
    const ex = await api.call('ImportCertificate', { path: { 'certificate-name': name }, body: azureImportBody(leaf, chain) });
    check.outcome('AZKV-IMP-001', ex);
    const b = asObj(ex.body);
    check.that('AZKV-IMP-001', b.cer === cerBase64(leaf.der), `cer ${String(b.cer).slice(0, 24)}..`, `the imported leaf's DER, base64 ${cerBase64(leaf.der).slice(0, 24)}..`);
    check.that('AZKV-IMP-020', b.x5t === x5t(leaf.der), `x5t ${JSON.stringify(b.x5t)}`, `SHA-1 thumbprint ${x5t(leaf.der)}`);
    const version = versionOf(b.id, name) ?? '';
    check.that('AZKV-FMT-004', /^[0-9a-f]{32}$/i.test(version) && sameParts(b.id, target.url, ['certificates', name, version]), `id ${JSON.stringify(b.id)}`, `${target.url}/certificates/${name}/{32 hex}`);
    check.that('AZKV-FMT-004', sameParts(b.kid, target.url, ['keys', name, version]), `kid ${JSON.stringify(b.kid)}`, `${target.url}/keys/${name}/${version}`);
    check.that('AZKV-FMT-004', sameParts(b.sid, target.url, ['secrets', name, version]), `sid ${JSON.stringify(b.sid)}`, `${target.url}/secrets/${name}/${version}`);
  });
}
