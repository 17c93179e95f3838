import { rules } from '../../support/rules.ts';
import { test } from '../helpers/fixtures.ts';
import { unknownCertificateId } from '../helpers/ids.ts';

// Ids that break "Fixed length of 64" or the hex pattern; none can name a certificate.
const hex = unknownCertificateId();
const MALFORMED: [string, string][] = [
  ['63 hex characters', hex.slice(1)],
  ['65 hex characters', `${hex}a`],
  ['64 characters, not hex', 'g'.repeat(64)],
  // Hex but for one character: an implementation that takes the documented pattern
  // `(0x)?[a-fA-F0-9]+` unanchored, as printed, accepts it.
  ['64 characters, the last one not hex', `${hex.slice(1)}g`],
  ['0x + 64 hex (66 characters)', `0x${hex}`],
  ['a single character', 'a'],
];

for (const [what, id] of MALFORMED) {
  test(`DeleteCertificate with a certificateId of ${what} is 400 InvalidRequestException`, rules(['AWSIOT-DEL-013'], '@readonly'), async ({ api, check }) => {
    check.outcome('AWSIOT-DEL-013', await api.call('DeleteCertificate', { path: { certificateId: id } }, { label: `delete id: ${what}` }));
  });
}
