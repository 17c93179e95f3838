import { rules } from '../../support/rules.ts';
import { getCert, getVersion } from '../support/ops.ts';
import { precondition } from '../support/precondition.ts';
import { test } from '../support/test.ts';
import { importTwoVersions } from '../support/versions.ts';

test('a DELETE aimed at one version does not remove that version alone', rules(['AZKV-DEL-012']), async ({ api, check, vault }) => {
  const name = vault.newName('oneversion');
  const versions = await importTwoVersions(vault, name);
  const [first] = versions;
  precondition(await getVersion(api, name, first, { label: 'GetCertificateVersion of the first version' }), 200, 'GetCertificateVersion before');
  // The contract documents no DELETE on a version: the GET of that version, sent as DELETE.
  // Whatever it answers is not judged (no contract check); what is left afterwards is.
  const del = await getVersion(api, name, first, { label: `DELETE /certificates/${name}/${first} (not a documented route)`, contract: false, auth: (r) => ({ ...r, method: 'DELETE' }) });
  if (del.status < 300) vault.pending.add(name);
  const left = [];
  for (const v of versions) left.push((await getVersion(api, name, v, { label: `GetCertificateVersion ${v.slice(0, 8)}.. after it` })).status);
  const whole = (await getCert(api, name, { label: 'GetCertificate after it' })).status;
  const kept = left.every((s) => s === 200) && whole === 200;
  const allGone = left.every((s) => s === 404) && whole === 404; // handled as a DeleteCertificate of the name
  const received = `DELETE answered ${del.status}; then versions ${left.join(', ')}, latest ${whole}`;
  check.that('AZKV-DEL-012', kept || allGone, received, 'every version still found (200), or the whole certificate gone (404): never one version removed alone');
});
