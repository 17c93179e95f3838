import 'reflect-metadata';
import { expect, test } from '@playwright/test';
import fc from 'fast-check';
import { X509Certificate } from 'node:crypto';
import { caWithDevicesArb, certificateArb } from '../../suites/support/certs/arbitraries.ts';
import { issue, selfSigned } from '../../suites/support/certs/generate.ts';
import { build, buildCaWithDevices, type BuiltCert } from '../../suites/support/certs/recipe.ts';
import { x509 } from '../../suites/support/certs/crypto.ts';

const SEED = Number(process.env.CERTCONFORM_SEED ?? 20_240_102);

/** What the recipe promised, read back from the certificate. */
function checkAgainstRecipe(c: BuiltCert, now: number) {
  const r = c.recipe;
  const parsed = new x509.X509Certificate(c.pem);
  const node = new X509Certificate(c.pem);
  expect(parsed.subjectName.toJSON()).toEqual(r.subject);
  expect(parsed.serialNumber).toBe(r.serialNumber);
  const valid = Date.parse(node.validFrom) <= now && now <= Date.parse(node.validTo);
  expect(valid).toBe(r.validity === 'valid');
  expect(parsed.getExtension(x509.BasicConstraintsExtension)?.ca).toBe(r.ca);
  const alg = parsed.publicKey.algorithm as EcKeyAlgorithm & RsaHashedKeyAlgorithm;
  expect(alg.namedCurve ?? `RSA-${alg.modulusLength}`).toBe({ 'EC-P256': 'P-256', 'EC-P384': 'P-384', 'RSA-2048': 'RSA-2048' }[r.keyAlg]);
  const sans = parsed.getExtension(x509.SubjectAlternativeNameExtension)?.names.toJSON() ?? [];
  const want = (['dns', 'ip', 'email', 'uri'] as const).flatMap((k) => (r.sans[k] ?? []).map((value) => ({ type: k === 'uri' ? 'url' : k, value })));
  expect(sans).toEqual(want);
  expect(c.pem.endsWith('\n')).toBe(r.pem.trailingNewline);
  expect(c.pem.includes('\r\n')).toBe(r.pem.crlf);
}

test('every certificate built from certificateArb parses and has its recipe\'s properties', async () => {
  await fc.assert(
    fc.asyncProperty(certificateArb(), async (recipe) => checkAgainstRecipe(await build(recipe), Date.now())),
    { numRuns: 20, seed: SEED },
  );
});

test('caWithDevicesArb: devices are issued by their CA, serials unique under it', async () => {
  await fc.assert(
    fc.asyncProperty(caWithDevicesArb({ maxDevices: 3 }), async (recipe) => {
      const { ca, devices } = await buildCaWithDevices(recipe);
      checkAgainstRecipe(ca, Date.now());
      expect(new Set(devices.map((d) => d.serialNumber)).size).toBe(devices.length);
      for (const d of devices) {
        checkAgainstRecipe(d, Date.now());
        expect(await d.cert.verify({ publicKey: ca.cert.publicKey, signatureOnly: true })).toBe(true);
      }
    }),
    { numRuns: 10, seed: SEED },
  );
});

test('throughput with pooled keys (printed, not asserted)', async () => {
  const ca = await selfSigned({ keyAlg: 'EC-P256' });
  const algs = ['EC-P256', 'EC-P384', 'RSA-2048'] as const;
  for (const keyAlg of algs) await issue(ca, { keyAlg }); // warm the pool
  const n = 200;
  const start = performance.now();
  for (let i = 0; i < n; i++) await issue(ca, { keyAlg: algs[i % algs.length]! });
  const perSecond = n / ((performance.now() - start) / 1000);
  console.log(`certificates/second with pooled keys (sequential, mixed EC/RSA, EC CA): ${perSecond.toFixed(0)}`);
});
