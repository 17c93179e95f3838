import { rules } from '../../support/rules.ts';
import { test } from '../helpers/fixtures.ts';
import { unknownCertificateId } from '../helpers/ids.ts';

// The built-in mock's documented per-request fault; other implementations ignore the header.
const FAULT = { 'x-certconform-fault': 'throttle' };

test('a throttled DeleteCertificate answers ThrottlingException with 400 or 429', rules(['AWSIOT-FMT-003'], '@readonly'), async ({ api, check }) => {
  // A never-registered id: whatever the target does with the header, nothing is deleted.
  const ex = await api.call('DeleteCertificate', { path: { certificateId: unknownCertificateId() }, headers: FAULT }, { retry: false, label: 'delete (throttle requested)' });
  const throttled = ex.code === 'ThrottlingException' || ex.status === 429;
  if (!throttled) return check.notRun('AWSIOT-FMT-003', `the target did not throttle (answered ${ex.status}${ex.code ? ` ${ex.code}` : ''}); a real target throttles only under load`);
  check.outcome('AWSIOT-FMT-003', ex);
  const body = ex.body as { message?: unknown } | undefined;
  check.that('AWSIOT-FMT-003', body === undefined || typeof body.message === 'string', `body ${ex.text.slice(0, 80)}`, 'restJson1 error body {"message": ...}');
});

test('a limit answer on AttachPolicy is LimitExceededException with 410', rules(['AWSIOT-FMT-004'], '@readonly'), async ({ api, check }) => {
  // No documented request provokes a limit cheaply; look at what a throttled AttachPolicy of an
  // unknown policy answers, and judge it only if it is the limit error (or a 410).
  const target = `arn:aws:iot:us-east-1:000000000000:cert/${unknownCertificateId()}`;
  const ex = await api.call('AttachPolicy', { path: { policyName: `cc-unknown-${unknownCertificateId().slice(0, 12)}` }, body: { target }, headers: FAULT }, { retry: false, label: 'attach (throttle requested)' });
  if (ex.code !== 'LimitExceededException' && ex.status !== 410) {
    return check.notRun('AWSIOT-FMT-004', `the target did not answer LimitExceededException (answered ${ex.status}${ex.code ? ` ${ex.code}` : ''}); no documented request provokes the limit on demand`);
  }
  check.outcome('AWSIOT-FMT-004', ex);
});
