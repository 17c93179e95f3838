import { createPrivateKey } from 'node:crypto';
import { rules } from '../../support/rules.ts';
import { freshBody } from '../support/bodies.ts';
import { test } from '../support/test.ts';

// The documentation: "The private key protected by password cannot be uploaded." The key is
// the certificate's own, only encrypted (PKCS#8 EncryptedPrivateKeyInfo).
test('a passphrase-protected private key is refused', rules(['HWSCM-IMP-005']), async ({ scm, check, info }) => {
  const body = await freshBody(info.runId, 'imp-enc');
  const encrypted = createPrivateKey(body.private_key).export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'certconform' }) as string;
  check.that('HWSCM-IMP-005', encrypted.includes('ENCRYPTED PRIVATE KEY'), 'the key could not be encrypted', 'an encrypted PKCS#8 key to send');
  const { ex } = await scm.import({ ...body, private_key: encrypted });
  check.outcome('HWSCM-IMP-005', ex);
});
