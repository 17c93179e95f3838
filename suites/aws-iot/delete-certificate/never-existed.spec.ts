import { rules } from '../../support/rules.ts';
import { test } from '../helpers/fixtures.ts';
import { unknownCertificateId } from '../helpers/ids.ts';

// Real AWS sends `<Name>:<namespace url>`; emulators send `<Name>`. A body __type, if any, agrees.
const ERROR_TYPE = /^([A-Za-z]+)(:.*)?$/;

test('deleting a well-formed id that was never registered is 404, the type named in x-amzn-ErrorType', rules(['AWSIOT-DEL-011', 'AWSIOT-FMT-001'], '@readonly'), async ({ api, check }) => {
  for (const id of [unknownCertificateId(), unknownCertificateId().toUpperCase()]) {
    const ex = await api.call('DeleteCertificate', { path: { certificateId: id } }, { label: 'delete never-registered id' });
    check.outcome('AWSIOT-DEL-011', ex);
    check.outcome('AWSIOT-FMT-001', ex);
    const header = ex.headers['x-amzn-errortype'] ?? '';
    check.that('AWSIOT-FMT-001', ERROR_TYPE.exec(header)?.[1] === 'ResourceNotFoundException', `x-amzn-ErrorType: ${JSON.stringify(header)}`, 'ResourceNotFoundException or ResourceNotFoundException:<namespace url>');
    const type = (ex.body as { __type?: string } | undefined)?.__type;
    const named = type?.split('#').pop()?.split(':')[0];
    check.that('AWSIOT-FMT-001', type === undefined || named === 'ResourceNotFoundException', `body __type ${JSON.stringify(type)}`, 'absent or ResourceNotFoundException');
  }
});
