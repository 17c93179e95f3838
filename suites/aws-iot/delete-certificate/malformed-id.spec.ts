import { rules } from '../../support/rules.ts';
import { test } from '../helpers/fixtures.ts';
import { unknownCertificateId } from '../helpers/ids.ts';

// Ids that break "Fixed length of 64", or hold no match of the printed pattern
// `(0x)?[a-fA-F0-9]+` at all: DEL-013, 400 InvalidRequestException. None can name a certificate.
const hex = unknownCertificateId();
const MALFORMED: [string, string][] = [
  ['63 hex characters', hex.slice(1)],
  ['65 hex characters', `${hex}a`],
  ['64 characters, not hex', 'g'.repeat(64)],
  ['0x + 64 hex (66 characters)', `0x${hex}`],
  ['a single character', 'a'],
];

for (const [what, id] of MALFORMED) {
  test(`DeleteCertificate with a certificateId of ${what} is 400 InvalidRequestException`, rules(['AWSIOT-DEL-013'], '@readonly'), async ({ api, check }) => {
    check.outcome('AWSIOT-DEL-013', await api.call('DeleteCertificate', { path: { certificateId: id } }, { label: `delete id: ${what}` }));
  });
}

// 64 characters that match the pattern as printed (unanchored) but are not all hex: the seed
// allows both readings, so DEL-014 takes 400 (anchored) or 404 (looked up); never a delete.
const PARTLY_HEX: [string, string][] = [
  ['64 characters, the last one not hex', `${hex.slice(1)}g`],
  ['64 characters, one hex digit among non-hex', `${'z'.repeat(63)}a`],
];

for (const [what, id] of PARTLY_HEX) {
  test(`DeleteCertificate with a certificateId of ${what} is refused or not found`, rules(['AWSIOT-DEL-014'], '@readonly'), async ({ api, check }) => {
    check.outcome('AWSIOT-DEL-014', await api.call('DeleteCertificate', { path: { certificateId: id } }, { label: `delete id: ${what}` }));
  });
}
