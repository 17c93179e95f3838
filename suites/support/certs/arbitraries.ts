import fc from 'fast-check';
import { KEY_ALGS, type KeyAlg } from './crypto.ts';
import type { Sans, ValidityKind } from './generate.ts';
import type { CaWithDevicesRecipe, CertRecipe } from './recipe.ts';
import type { SubjectRdns } from './subject.ts';

// Arbitraries produce recipes (plain data); see recipe.ts for why and for `build(recipe)`.

export const SUBJECT_STYLES = ['simple', 'unicode', 'long', 'multi-rdn', 'multi-valued', 'special'] as const;
export type SubjectStyle = (typeof SUBJECT_STYLES)[number];

const label = fc.stringMatching(/^[a-z][a-z0-9-]{2,24}$/);
const SPECIAL = [...'abcXYZ019 ,+=;"\\<>#'];
const special = fc
  .string({ unit: fc.constantFrom(...SPECIAL), minLength: 1, maxLength: 24 })
  .filter((s) => s.trim().length > 0);
const unicode = fc.oneof(
  fc.constantFrom('Zürich-Gerät', '设备证书-01', 'Ωμέγα 🔐 device', 'Ελληνικά/日本語'),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }).filter((s) => s.trim().length > 0),
);

/** Subjects by style: X.520 caps CN at 64 characters, so "long" deliberately goes past it. */
export function subjectArb(style: SubjectStyle): fc.Arbitrary<SubjectRdns> {
  switch (style) {
    case 'simple':
      return label.map((cn) => [{ CN: [cn] }]);
    case 'unicode':
      return unicode.map((cn) => [{ CN: [cn] }]);
    case 'long':
      return fc.integer({ min: 65, max: 200 }).chain((n) => label.map((l) => [{ CN: [l.repeat(Math.ceil(n / l.length)).slice(0, n)] }]));
    case 'multi-rdn':
      return fc
        .tuple(fc.constantFrom('CN', 'DE', 'US'), label, label, label)
        .map(([c, o, ou, cn]): SubjectRdns => [{ C: [c] }, { O: [o] }, { OU: [ou] }, { CN: [cn] }]);
    case 'multi-valued':
      return fc.tuple(label, label).map(([cn, o]) => [{ CN: [cn], O: [o] }]);
    case 'special':
      return fc.tuple(special, label).map(([cn, o]): SubjectRdns => [{ O: [o] }, { CN: [cn] }]);
  }
}

export const sansArb: fc.Arbitrary<Sans> = fc.record({
  dns: fc.array(fc.domain(), { maxLength: 3 }),
  ip: fc.array(fc.oneof(fc.ipV4(), fc.constantFrom('::1', '2001:db8::1')), { maxLength: 2 }),
  email: fc.array(fc.emailAddress(), { maxLength: 2 }),
  uri: fc.array(fc.webUrl(), { maxLength: 2 }),
});

/** 1..19 bytes of hex, first byte non-zero, so the serial reads back exactly as written. */
export const serialArb: fc.Arbitrary<string> = fc
  .uint8Array({ minLength: 1, maxLength: 19 })
  .map((b) => Buffer.from([b[0] || 1, ...b.subarray(1)]).toString('hex'));

export interface CertificateArbOptions {
  keyAlgs?: readonly KeyAlg[];
  validity?: readonly ValidityKind[];
  subjectStyles?: readonly SubjectStyle[];
  /** Fix CA-ness; by default both CA and leaf recipes appear. */
  ca?: boolean;
}

export function certificateArb(opts: CertificateArbOptions = {}): fc.Arbitrary<CertRecipe> {
  return fc.record({
    keyAlg: fc.constantFrom(...(opts.keyAlgs ?? KEY_ALGS)),
    subject: fc.constantFrom(...(opts.subjectStyles ?? SUBJECT_STYLES)).chain(subjectArb),
    sans: sansArb,
    validity: fc.constantFrom(...(opts.validity ?? (['valid', 'expired', 'not-yet-valid'] as const))),
    serialNumber: serialArb,
    ca: opts.ca === undefined ? fc.boolean() : fc.constant(opts.ca),
    pem: fc.record({ crlf: fc.boolean(), trailingNewline: fc.boolean() }),
  });
}

/** A CA and 0..maxDevices device certificates with serials unique under that CA. */
export function caWithDevicesArb(
  opts: { maxDevices?: number; ca?: CertificateArbOptions; device?: CertificateArbOptions } = {},
): fc.Arbitrary<CaWithDevicesRecipe> {
  return fc.record({
    ca: certificateArb({ validity: ['valid'], ...opts.ca, ca: true }),
    devices: fc.uniqueArray(certificateArb({ ...opts.device, ca: false }), {
      maxLength: opts.maxDevices ?? 3,
      selector: (r) => r.serialNumber,
    }),
  });
}
