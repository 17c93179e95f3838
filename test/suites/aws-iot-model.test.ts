import { expect, test } from '@playwright/test';
import { applyDelete, applyReRegister, expectDelete, expectReRegister, expectUpdate } from '../../suites/aws-iot/model/expectations.ts';
import { newCert, pick, type CertModel, type Model } from '../../suites/aws-iot/model/model.ts';
import { AttachPolicy } from '../../suites/aws-iot/model/attach-policy.ts';
import { DetachThing } from '../../suites/aws-iot/model/detach-thing.ts';
import { RegisterCertificate, MAX_CERTS } from '../../suites/aws-iot/model/register.ts';

const cert = (status: string, extra: Partial<Pick<CertModel, 'deleted'>> & { policies?: string[]; things?: string[] } = {}): CertModel => {
  const c = newCert('a'.repeat(64), `arn:aws:iot:us-east-1:123456789012:cert/${'a'.repeat(64)}`, 'PEM', status);
  for (const p of extra.policies ?? []) c.policies.add(p);
  for (const t of extra.things ?? []) c.things.add(t);
  c.deleted = extra.deleted ?? false;
  return c;
};
const answers = (e: { outcomes: { status: number; code?: string }[] }) => e.outcomes.map((o) => `${o.status}${o.code ? ` ${o.code}` : ''}`);

test.describe('aws-iot model: DeleteCertificate expectations (seed page preconditions)', () => {
  const table: [string, CertModel, boolean | undefined, string, string[]][] = [
    ['ACTIVE, nothing attached, force', cert('ACTIVE'), true, 'AWSIOT-DEL-001', ['406 CertificateStateException']],
    ['ACTIVE with a thing: no documented order', cert('ACTIVE', { things: ['t'] }), true, 'AWSIOT-DEL-001', ['406 CertificateStateException', '409 DeleteConflictException']],
    ['ACTIVE with a policy, no force: no documented order', cert('ACTIVE', { policies: ['p'] }), undefined, 'AWSIOT-DEL-001', ['406 CertificateStateException', '409 DeleteConflictException']],
    ['ACTIVE with a policy, force: only the status stands', cert('ACTIVE', { policies: ['p'] }), true, 'AWSIOT-DEL-001', ['406 CertificateStateException']],
    ['INACTIVE with a thing', cert('INACTIVE', { things: ['t'] }), false, 'AWSIOT-DEL-002', ['409 DeleteConflictException']],
    ['INACTIVE with a thing and force', cert('INACTIVE', { things: ['t'], policies: ['p'] }), true, 'AWSIOT-DEL-003', ['409 DeleteConflictException']],
    ['INACTIVE with a policy', cert('INACTIVE', { policies: ['p'] }), undefined, 'AWSIOT-DEL-004', ['409 DeleteConflictException']],
    ['INACTIVE with a policy, force', cert('INACTIVE', { policies: ['p'] }), true, 'AWSIOT-DEL-005', ['200']],
    ['REVOKED, nothing attached', cert('REVOKED'), false, 'AWSIOT-DEL-012', ['200']],
    ['already deleted', cert('INACTIVE', { deleted: true }), true, 'AWSIOT-DEL-010', ['404 ResourceNotFoundException']],
  ];
  for (const [name, c, force, rule, outcomes] of table) {
    test(name, () => {
      const e = expectDelete(c, force);
      expect(e.rule).toBe(rule);
      expect(answers(e)).toEqual(outcomes);
    });
  }
});

test('aws-iot model: UpdateCertificate expectations', () => {
  expect(expectUpdate(cert('INACTIVE', { deleted: true }), 'ACTIVE').rule).toBe('AWSIOT-UPD-004');
  expect(answers(expectUpdate(cert('INACTIVE'), 'PENDING_TRANSFER'))).toEqual(['400 InvalidRequestException', '406 CertificateStateException']);
  expect(expectUpdate(cert('ACTIVE'), 'ACTIVE').rule).toBe('AWSIOT-UPD-002');
  expect(answers(expectUpdate(cert('INACTIVE'), 'ACTIVE'))).toEqual(['200']);
  // Leaving REVOKED is undocumented: both the success and the state refusal stand.
  expect(answers(expectUpdate(cert('REVOKED'), 'ACTIVE'))).toEqual(['200', '406 CertificateStateException']);
});

test('aws-iot model: a delete cascades the attachments and a re-registration starts fresh', () => {
  const c = cert('INACTIVE', { policies: ['p1', 'p2'] });
  expect(expectReRegister(c).rule).toBe('AWSIOT-REG-001');
  applyDelete(c);
  expect(c.deleted).toBe(true);
  expect(c.cascaded).toEqual(['p1', 'p2']);
  expect(c.policies.size + c.things.size).toBe(0);
  expect(answers(expectReRegister(c))).toEqual(['200']);
  applyReRegister(c, 'ACTIVE');
  expect(c).toMatchObject({ deleted: false, status: 'ACTIVE', cascaded: [] });
});

test('aws-iot model: command preconditions are pure predicates over the model', () => {
  const m: Model = { certs: [cert('INACTIVE'), cert('INACTIVE', { deleted: true })], policies: ['p'], things: ['t'] };
  expect(new AttachPolicy(0, 0).check(m)).toBe(true);
  expect(new AttachPolicy(1, 0).check(m)).toBe(false); // deleted certificates get no attachments
  expect(new DetachThing(0, 0).check(m)).toBe(false); // nothing attached to detach
  m.certs[0]!.things.add('t');
  expect(new DetachThing(0, 0).check(m)).toBe(true);
  expect(pick(m.certs, 3)).toBe(m.certs[1]);
  expect(new RegisterCertificate('ACTIVE', 'EC-P256').check({ ...m, certs: Array(MAX_CERTS).fill(m.certs[0]) })).toBe(false);
});
