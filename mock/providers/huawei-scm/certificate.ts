import 'reflect-metadata';
import { PemConverter, X509Certificate } from '@peculiar/x509';
import { certificateContentMissing, certificateFormatIncorrect, certificateUnresolvable } from './errors.ts';

/**
 * Every certificate of a PEM field, parsed for real. An empty field is SCM.0054 (content
 * missing), text that is not PEM certificates is SCM.0053 (format incorrect), a PEM block
 * whose DER is not a certificate is SCM.0006 (failed to be resolved).
 */
export function parseCertificates(pem: string, field: string): [X509Certificate, ...X509Certificate[]] {
  if (pem.trim() === '') throw certificateContentMissing();
  let blocks: ReturnType<typeof PemConverter.decodeWithHeaders>;
  try {
    blocks = PemConverter.decodeWithHeaders(pem);
  } catch {
    blocks = [];
  }
  if (blocks.length === 0) throw certificateFormatIncorrect(`${field} holds no PEM block.`);
  const other = blocks.find((b) => b.type !== 'CERTIFICATE');
  if (other) throw certificateFormatIncorrect(`${field} holds a ${other.type} block, expected CERTIFICATE.`);
  const [first, ...rest] = blocks.map((b, i) => {
    try {
      return new X509Certificate(b.rawData);
    } catch (e) {
      throw certificateUnresolvable(`${field} block ${i + 1}: ${(e as Error).message}`);
    }
  });
  return [first!, ...rest];
}
