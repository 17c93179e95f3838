import { rules } from '../../support/rules.ts';
import { deleteCert, getCert } from '../support/ops.ts';
import { precondition } from '../support/precondition.ts';
import { test } from '../support/test.ts';

test('a delete without api-version is refused with 400 and deletes nothing', rules(['AZKV-FMT-001']), async ({ api, check, vault }) => {
  const name = vault.newName('noapiver');
  precondition((await vault.import(name)).ex, 200, 'ImportCertificate');
  const ex = await api.call('DeleteCertificate', { path: { 'certificate-name': name }, query: { 'api-version': undefined } }, { label: 'DeleteCertificate without api-version' });
  check.outcome('AZKV-FMT-001', ex);
  const after = await getCert(api, name, { label: 'GetCertificate after the refused delete' });
  check.that('AZKV-FMT-001', after.status === 200, `GetCertificate ${after.status} after the refused delete`, '200: the certificate is still there');
});

test('a percent-encoded api%2Dversion query name counts as api-version', rules(['AZKV-FMT-002']), async ({ api, check, vault }) => {
  const name = vault.newName('encapiver');
  precondition((await vault.import(name)).ex, 200, 'ImportCertificate');
  // What @azure/keyvault-certificates sends: the query name itself percent-encoded.
  const encoded = (r: { url: string }) => ({ ...r, url: r.url.replace(/([?&])api-version=/, '$1api%2Dversion=') });
  const ex = await api.call('DeleteCertificate', { path: { 'certificate-name': name } }, { label: 'DeleteCertificate ?api%2Dversion=7.0', auth: (r) => ({ ...r, ...encoded(r) }) });
  if (ex.status === 200) vault.pending.add(name);
  check.outcome('AZKV-FMT-002', ex);
  const again = await deleteCert(api, name, { label: 'DeleteCertificate again (plain api-version)' });
  check.that('AZKV-FMT-002', again.status === 404, `second delete ${again.status}: the encoded delete did not take effect`, '404: the first (encoded) delete deleted it');
});
