import { rules } from '../../support/rules.ts';
import { freshBody } from '../support/bodies.ts';
import { domainCert } from '../support/certs.ts';
import { test } from '../support/test.ts';

const UNPARSABLE = '-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5IGF0IGFsbA==\n-----END PRIVATE KEY-----\n';

// A key that is not the certificate's (well-formed, another algorithm so surely another key)
// and a key block that is not a key: both refused, nothing created.
test('a private key of another certificate, or one that cannot be parsed, is refused', rules(['HWSCM-IMP-004']), async ({ scm, check, info }) => {
  const other = await domainCert('EC-P384');
  const cases = { 'another key': other.privateKeyPem, unparsable: UNPARSABLE, 'not PEM at all': 'private key' };
  for (const [what, key] of Object.entries(cases)) {
    const body = { ...(await freshBody(info.runId, 'imp-key', await domainCert('EC-P256'))), private_key: key };
    const { ex } = await scm.import(body, { label: `ImportCertificate with ${what}` });
    check.outcome('HWSCM-IMP-004', ex);
  }
});
