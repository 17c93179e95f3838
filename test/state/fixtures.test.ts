import { expect, test } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROVIDERS, type Provider } from '../../lib/providers.ts';
import { loadSpec } from '../../lib/spec/load.ts';
import { Clock } from '../../mock/host/clock.ts';
import type { HostContext } from '../../mock/host/types.ts';
import { loadProvider } from '../../mock/providers/index.ts';
import { loadSection, sectionFrom } from '../../mock/state/document.ts';
import { openStore } from '../../mock/state/open.ts';
import { handWritten } from './hand-written.ts';
import { removeTempDirsAfterEach, tempDir } from './temp-dirs.ts';

removeTempDirsAfterEach();

const ctxOf = (p: Provider): HostContext => ({ clock: new Clock(), spec: loadSpec(p) });

test('each provider: a hand-written section loads, and what the mock writes back reloads to the same state', async () => {
  const { doc } = await handWritten();
  for (const p of PROVIDERS) {
    const module = await loadProvider(p);
    const first = await loadSection(module, doc[p], ctxOf(p));
    const written = JSON.parse(JSON.stringify(sectionFrom(module, first, ctxOf(p))));
    const again = await loadSection(module, written, ctxOf(p));
    expect(sectionFrom(module, again, ctxOf(p)), p).toEqual(written);
    // The control API's view (every id, date, version, register code) is the same too.
    expect(module.snapshot!(again), p).toEqual(module.snapshot!(first));
  }
});

test('the clock offset the control API set is kept', async () => {
  const module = await loadProvider('huawei-scm');
  const ctx = ctxOf('huawei-scm');
  await loadSection(module, { clockOffsetMs: 86_400_000 }, ctx);
  expect(ctx.clock.offset()).toBe(86_400_000);
  expect(sectionFrom(module, module.createState(ctx), ctx).clockOffsetMs).toBe(86_400_000);
});

/** Each bad file names its entry (JSON pointer) and says why. */
const BAD: { name: string; edit(doc: Record<string, any>): void; pointer: string; why: RegExp }[] = [
  { name: 'wrong version', edit: (d) => (d.version = 2), pointer: '/version', why: /must be 1/ },
  { name: 'unknown member', edit: (d) => (d['aws-iot'].things[0].colour = 'red'), pointer: '/aws-iot/things/0', why: /unknown member 'colour'/ },
  { name: 'status outside the spec enum', edit: (d) => (d['aws-iot'].certificates[0].status = 'BROKEN'), pointer: '/aws-iot/certificates/0/status', why: /allowed values.*ACTIVE/ },
  { name: 'not a PEM certificate', edit: (d) => (d['aws-iot'].certificates[1].certificatePem = 'hello'), pointer: '/aws-iot/certificates/1', why: /not a single PEM block/ },
  { name: 'id that is not the PEM hash', edit: (d) => (d['aws-iot'].certificates[1].certificateId = 'a'.repeat(64)), pointer: '/aws-iot/certificates/1/certificateId', why: /does not match the PEM/ },
  { name: 'attachment to a missing certificate', edit: (d) => (d['aws-iot'].attachments[0].certificateId = 'b'.repeat(64)), pointer: '/aws-iot/attachments/0/certificateId', why: /no certificate b+ in \/aws-iot\/certificates/ },
  { name: 'attachment naming both', edit: (d) => (d['aws-iot'].attachments[0].policyName = 'fixture-policy'), pointer: '/aws-iot/attachments/0', why: /exactly one of its forms/ },
  { name: 'device whose CA is missing', edit: (d) => (d['alibaba-mqtt'].caCertificates = []), pointer: '/alibaba-mqtt/deviceCertificates/0/DeviceContent', why: /no CA in \/alibaba-mqtt\/caCertificates/ },
  { name: 'CA that is not a CA', edit: (d) => (d['alibaba-mqtt'].caCertificates[0].CaContent = d['aws-iot'].certificates[0].certificatePem), pointer: '/alibaba-mqtt/caCertificates/0/CaContent', why: /not a CA certificate/ },
  { name: 'Azure name twice', edit: (d) => (d['azure-keyvault'].deleted[0].name = 'FIXTURE-PEM'), pointer: '/azure-keyvault/deleted/0/name', why: /already at \/azure-keyvault\/certificates\/0/ },
  { name: 'Azure version without key', edit: (d) => (d['azure-keyvault'].certificates[0].versions[0].value = d['aws-iot'].certificates[0].certificatePem), pointer: '/azure-keyvault/certificates/0/versions/0', why: /exactly one private key/ },
  { name: 'Azure without versions or Self policy', edit: (d) => delete d['azure-keyvault'].certificates[1].policy, pointer: '/azure-keyvault/certificates/1', why: /has no versions/ },
  { name: 'Huawei key of another certificate', edit: (d) => (d['huawei-scm'].certificates[0].private_key = d['azure-keyvault'].certificates[0].versions[0].value.split('-----BEGIN CERTIFICATE')[0]), pointer: '/huawei-scm/certificates/0/private_key', why: /does not match the certificate/ },
  { name: 'Huawei name against the spec pattern', edit: (d) => (d['huawei-scm'].certificates[0].name = 'a b'), pointer: '/huawei-scm/certificates/0/name', why: /must match pattern/ },
];

test('a bad state file is an error naming the entry and why', async () => {
  const dir = tempDir('cc-state-bad-');
  const { doc } = await handWritten();
  for (const bad of BAD) {
    const copy = structuredClone(doc);
    bad.edit(copy);
    const file = join(dir, `${bad.name.replace(/\W+/g, '-')}.json`);
    writeFileSync(file, JSON.stringify(copy));
    const error = await openStore(file, false, [...PROVIDERS], loadProvider).then(() => undefined, (e: Error) => e);
    expect(error?.message, bad.name).toContain(`${bad.pointer}: `);
    expect(error?.message, bad.name).toMatch(bad.why);
  }
  writeFileSync(join(dir, 'not-json.json'), '{"version": 1,');
  await expect(openStore(join(dir, 'not-json.json'), false, ['aws-iot'], loadProvider)).rejects.toThrow(/is not JSON/);
});
