import { commonName, parsePem } from '../../providers/alibaba-mqtt/certs.ts';
import type { Mutant } from '../mutant.ts';
import { onSuccess, withSignByte } from './reply-edits.ts';

const GET = 'GetCaCertificate';

/** GetCaCertificate: what it reads back for a registered CA. */
export const getCaCertificate: Mutant[] = [
  {
    name: 'alibaba-mqtt/get-ca-answers-other-sn',
    description: 'GetCaCertificate answers Data.Sn "00" + Sn instead of the requested Sn',
    rules: ['ALIMQTT-GET-001'],
    module: (m) => onSuccess(m, GET, (body) => void (body.Data.Sn = withSignByte(body.Data.Sn))),
  },
  {
    name: 'alibaba-mqtt/get-ca-names-ca-by-subject',
    description: 'GetCaCertificate answers the common name of the certificate as CaName instead of the registered name',
    rules: ['ALIMQTT-REG-003'],
    module: (m) =>
      onSuccess(m, GET, (body) => {
        const cert = parsePem(String(body.Data.CaContent ?? ''));
        body.Data.CaName = (cert && commonName(cert)) ?? '';
      }),
  },
  {
    name: 'alibaba-mqtt/get-ca-request-id-empty',
    description: 'GetCaCertificate answers RequestId "" (a string still, so the schema holds)',
    rules: ['ALIMQTT-FMT-003'],
    module: (m) => onSuccess(m, GET, (body) => void (body.RequestId = '')),
  },
];
