import { rules } from '../../support/rules.ts';
import { freshBody } from '../support/bodies.ts';
import { test } from '../support/test.ts';

// Certificates that are not a parsable PEM certificate: garbage inside the armour, a PEM cut
// in half, a key where the certificate should be, plain text.
test('a certificate that is not a parsable PEM certificate is refused', rules(['HWSCM-IMP-008']), async ({ scm, check, info }) => {
  const body = await freshBody(info.runId, 'imp-badcert');
  const half = body.certificate.slice(0, Math.floor(body.certificate.length / 2));
  const cases = {
    garbage: '-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n',
    truncated: `${half}\n-----END CERTIFICATE-----\n`,
    'a key instead': body.private_key,
    'plain text': 'certificate',
  };
  for (const [what, certificate] of Object.entries(cases)) {
    const { ex } = await scm.import({ ...body, certificate }, { label: `ImportCertificate with ${what}` });
    check.outcome('HWSCM-IMP-008', ex);
  }
});
