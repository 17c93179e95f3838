import { loadSpec } from '../../../lib/spec/load.ts';
import { validatorFor } from '../../../lib/spec/validator.ts';
import { rules } from '../../support/rules.ts';
import { pemToDer, sha256Hex } from '../../support/certs/fingerprint.ts';
import { test } from '../helpers/fixtures.ts';
import { walkCertificates } from '../helpers/listing.ts';

const ARN = /^arn:aws[a-z-]*:iot:[a-z0-9-]+:\d{12}:cert\/([^/]+)$/;
/** The documented id constraints (length 64, the pattern as printed), read from the spec. */
const idVerdict = (id: string) => validatorFor(loadSpec('aws-iot')).validate('#/components/schemas/CertificateId', id);
const isEpochSeconds = (v: unknown) => typeof v === 'number' && v > 1e9 && v < 1e11;

for (const status of ['ACTIVE', 'INACTIVE'] as const) {
  test(`a certificate registered ${status}: id, ARN, status and dates as documented`, rules(['AWSIOT-REG-004', 'AWSIOT-REG-005', 'AWSIOT-REG-006', 'AWSIOT-REG-007', 'AWSIOT-REG-008', 'AWSIOT-LST-002', 'AWSIOT-FMT-002']), async ({ api, check, sandbox }) => {
    const cert = await sandbox.cert(status);
    const v = idVerdict(cert.id);
    check.that('AWSIOT-REG-004', v.ok, `certificateId ${JSON.stringify(cert.id)}: ${v.errors.join('; ')}`, 'the spec\'s CertificateId: 64 characters, (0x)?[a-fA-F0-9]+');
    check.that('AWSIOT-REG-005', cert.arn.endsWith(cert.id), `certificateArn ${cert.arn}`, `ends with ${cert.id}`);
    check.that('AWSIOT-REG-006', ARN.exec(cert.arn)?.[1] === cert.id, `certificateArn ${cert.arn}`, 'arn:<partition>:iot:<region>:<account>:cert/<certificateId>');
    const d = await api.call('DescribeCertificate', { path: { certificateId: cert.id } });
    const desc = (d.body as { certificateDescription?: Record<string, unknown> })?.certificateDescription ?? {};
    check.that('AWSIOT-REG-008', d.status === 200 && desc.status === status, `${d.status}, status ${String(desc.status)}`, `200, status ${status}`);
    check.that('AWSIOT-LST-002', desc.certificateArn === cert.arn && desc.certificateId === cert.id, `described ${String(desc.certificateId)} ${String(desc.certificateArn)}`, `${cert.id} ${cert.arn}`);
    for (const k of ['creationDate', 'lastModifiedDate'] as const) {
      if (desc[k] !== undefined) check.that('AWSIOT-FMT-002', isEpochSeconds(desc[k]), `${k}: ${JSON.stringify(desc[k])}`, 'a JSON number of epoch seconds');
    }
    const validity = desc.validity as { notBefore?: unknown; notAfter?: unknown } | undefined;
    for (const k of ['notBefore', 'notAfter'] as const) if (validity?.[k] !== undefined) check.that('AWSIOT-FMT-002', isEpochSeconds(validity[k]), `validity.${k}: ${JSON.stringify(validity[k])}`, 'a JSON number of epoch seconds');
    // Listed (newest first by default, so within the first pages) with the same id, ARN and status.
    const walk = await walkCertificates(api, { pageSize: 250 });
    const listed = walk.pages.flat().find((c) => c.certificateId === cert.id);
    check.that('AWSIOT-LST-002', listed?.certificateArn === cert.arn && listed?.status === status, `listed as ${JSON.stringify(listed)}`, `{certificateId: ${cert.id}, certificateArn: ${cert.arn}, status: ${status}}`);
    if (listed?.creationDate !== undefined) check.that('AWSIOT-FMT-002', isEpochSeconds(listed.creationDate), `creationDate ${JSON.stringify(listed.creationDate)}`, 'a JSON number of epoch seconds');
    check.that('AWSIOT-REG-008', listed?.status === status, `listed status ${String(listed?.status)}`, status);
    // INFO (an emulator's derivation, AWS documents none): last, so it never hides the rules above.
    const der = sha256Hex(pemToDer(cert.pem));
    check.that('AWSIOT-REG-007', cert.id.toLowerCase() === der, `certificateId ${cert.id}`, `SHA-256 of the DER ${der}`);
  });
}
