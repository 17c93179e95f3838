import { sha256Hex } from '../../suites/support/certs/fingerprint.ts';
import { selfSigned } from '../../suites/support/certs/generate.ts';
import { signAwsSigV4, type AwsCredentials } from '../../suites/support/signing/aws-sigv4.ts';
import type { Workload, WireRequest } from './measure.ts';

/**
 * SigV4 requests signed once before the load (the signature covers no nonce, and x-amz-date
 * stays valid for 15 minutes): a cycle repeats byte for byte, so signing costs the load
 * generator nothing while the server still verifies every signature.
 */
async function signed(url: string, creds: AwsCredentials, method: string, path: string, body?: unknown, extra: Record<string, string> = {}): Promise<WireRequest> {
  const text = body === undefined ? undefined : JSON.stringify(body);
  const headers: Record<string, string> = text === undefined ? {} : { 'content-type': 'application/json' };
  const req = await signAwsSigV4({ method, url: `${url}${path}`, headers, body: text }, { region: 'us-east-1', credentials: creds });
  return { method, path, headers: { ...req.headers, ...extra }, ...(text === undefined ? {} : { body: text }) };
}

/**
 * RegisterCertificateWithoutCA (ACTIVE) -> DescribeCertificate -> UpdateCertificate (INACTIVE)
 * -> DeleteCertificate, all 200: connection i cycles through its own certificate.
 */
export async function awsCycle(url: string, creds: AwsCredentials, connections: number): Promise<Workload> {
  const cycles = await Promise.all(
    Array.from({ length: connections }, async () => {
      const cert = await selfSigned({ ca: false });
      const id = sha256Hex(cert.der);
      return Promise.all([
        signed(url, creds, 'POST', '/certificate/register-no-ca', { certificatePem: cert.pem, status: 'ACTIVE' }),
        signed(url, creds, 'GET', `/certificates/${id}`),
        signed(url, creds, 'PUT', `/certificates/${id}?newStatus=INACTIVE`),
        signed(url, creds, 'DELETE', `/certificates/${id}`),
      ]);
    }),
  );
  return { name: 'aws-iot register/describe/update/delete', cycle: (i) => cycles[i % cycles.length]!, expected: [200] };
}

/**
 * DeleteCertificate of an id nobody registered: 404 ResourceNotFoundException. Prism cannot
 * know the id is unknown, so for it `prefer404` asks for the documented 404 (Prefer: code=404,
 * outside the signed headers).
 */
export async function awsDeleteUnknown(url: string, creds: AwsCredentials, prefer404 = false): Promise<Workload> {
  const request = await signed(url, creds, 'DELETE', `/certificates/${'0'.repeat(64)}`, undefined, prefer404 ? { prefer: 'code=404' } : {});
  return { name: 'aws-iot DeleteCertificate unknown id', cycle: () => [request], expected: [404] };
}
