import { rules } from '../../support/rules.ts';
import { parseChallenge } from '../../support/signing/azure.ts';
import { certName } from '../support/names.ts';
import { deleteCert } from '../support/ops.ts';
import { test } from '../support/test.ts';

test('a request without a bearer token gets 401 with a Bearer challenge', rules(['AZKV-AUTH-001'], '@readonly'), async ({ api, check, info }) => {
  const ex = await deleteCert(api, certName(info.runId, 'noauth'), { auth: 'none', label: 'DeleteCertificate without Authorization' });
  check.outcome('AZKV-AUTH-001', ex);
  const header = ex.headers['www-authenticate'] ?? '';
  const c = parseChallenge(header);
  const authority = c?.params.authorization ?? c?.params.authorization_uri;
  check.that('AZKV-AUTH-001', /^Bearer\s/i.test(header) && !!c?.params.resource && !!authority && URL.canParse(authority), `WWW-Authenticate: ${header || '(none)'}`, 'Bearer authorization="https://login.../<tenant>", resource="https://vault.azure.net"');
});

test('the challenge comes before body validation: an import without token and body gets 401', rules(['AZKV-AUTH-002'], '@readonly'), async ({ api, check, info }) => {
  const path = { 'certificate-name': certName(info.runId, 'noauth') };
  // The SDK's first leg: no Authorization, body stripped (so no content-type either).
  check.outcome('AZKV-AUTH-002', await api.call('ImportCertificate', { path }, { auth: 'none', label: 'ImportCertificate without token and body' }));
  // And an invalid body does not jump the queue either.
  check.outcome('AZKV-AUTH-002', await api.call('ImportCertificate', { path, body: { pwd: 1 } }, { auth: 'none', label: 'ImportCertificate without token, invalid body' }));
});
