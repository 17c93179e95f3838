import 'reflect-metadata';
import { createHash } from 'node:crypto';
import { issue, selfSigned, type GeneratedCert } from '../../suites/support/certs/generate.ts';

/** The certificates behind a hand-written state file, for tests to check the API against. */
export interface HandWritten {
  doc: Record<string, any>;
  awsId: string;
  aws: GeneratedCert;
  ca: GeneratedCert;
  device: GeneratedCert;
}

const awsIdOf = (c: GeneratedCert) => createHash('sha256').update(c.der).digest('hex');

/**
 * A state file as a user writes it (README "State that outlives the process"): the short form
 * of every section, so ids, dates, versions and register codes are the loader's to fill in.
 */
export async function handWritten(): Promise<HandWritten> {
  const aws = await selfSigned({ ca: false, subject: [{ CN: ['fixture-aws'] }] });
  const aws2 = await selfSigned({ ca: false, subject: [{ CN: ['fixture-aws-2'] }] });
  const az = await selfSigned({ ca: false, subject: [{ CN: ['fixture-azure'] }] });
  const ca = await selfSigned({ subject: [{ CN: ['fixture-ca'] }] });
  const device = await issue(ca, { subject: [{ CN: ['fixture-device'] }] });
  const hw = await selfSigned({ ca: false, subject: [{ CN: ['fixture.example.com'] }] });
  const awsId = awsIdOf(aws);
  const doc = {
    version: 1,
    'aws-iot': {
      certificates: [{ certificatePem: aws.pem, status: 'ACTIVE' }, { certificatePem: aws2.pem }],
      things: [{ thingName: 'fixture-thing', attributes: { room: '42' } }],
      policies: [{ policyName: 'fixture-policy', policyDocument: '{"Version":"2012-10-17","Statement":[]}' }],
      attachments: [
        { certificateId: awsId, thingName: 'fixture-thing' },
        { certificateId: awsId, policyName: 'fixture-policy' },
      ],
    },
    'azure-keyvault': {
      certificates: [
        { name: 'fixture-pem', versions: [{ value: az.privateKeyPem + az.pem, tags: { team: 'a' } }] },
        { name: 'fixture-self', policy: { issuer: { name: 'Self' }, x509_props: { subject: 'CN=self.example.com' }, key_props: { kty: 'EC', crv: 'P-256' } } },
      ],
      deleted: [{ name: 'fixture-gone', versions: [{ value: az.privateKeyPem + az.pem }] }],
    },
    'alibaba-mqtt': {
      caCertificates: [{ CaContent: ca.pem, CaName: 'fixture-ca' }],
      deviceCertificates: [{ DeviceContent: device.pem }],
    },
    'huawei-scm': { certificates: [{ name: 'fixture-hw', certificate: hw.pem, private_key: hw.privateKeyPem }] },
  };
  return { doc, awsId, aws, ca, device };
}
