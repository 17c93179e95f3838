import { timingSafeEqual } from 'node:crypto';

/** The AccessKey pair the mock accepts (printed by `certconform mock`); it opens nothing real. */
export const MOCK_CREDENTIALS = {
  accessKeyId: 'CERTCONFORMMOCKAKID',
  accessKeySecret: 'certconform-mock-secret',
} as const;

const secrets = new Map<string, string>([[MOCK_CREDENTIALS.accessKeyId, MOCK_CREDENTIALS.accessKeySecret]]);

export const secretOf = (accessKeyId: string): string | undefined => secrets.get(accessKeyId);

/** Compares a received signature with the recomputed one without leaking where they differ. */
export function sameSignature(received: string, expected: string): boolean {
  const a = Buffer.from(received, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}
