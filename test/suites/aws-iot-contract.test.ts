import { expect, test } from '@playwright/test';
import { errorCodeOf } from '../../lib/spec/dialect.ts';
import { loadSpec, operation } from '../../lib/spec/load.ts';
import { Checker } from '../../suites/support/checks/checker.ts';
import { checkContract } from '../../suites/support/checks/contract.ts';
import type { Exchange } from '../../suites/support/http/exchange.ts';
import { StepLog } from '../../suites/support/http/steps.ts';
import { Verdicts } from '../../suites/support/verdict/recorder.ts';

// AWSIOT-SPEC-001 on hand-made answers: where the error type travels (header, body, both)
// and which statuses the contract documents for a refused signature.
const spec = loadSpec('aws-iot');

function judge(operationId: string, status: number, headers: Record<string, string>, body: unknown): string[] {
  const verdicts = new Verdicts('aws-iot');
  const check = new Checker(spec, verdicts, new StepLog());
  const ex = {
    op: operation(spec, operationId),
    label: 'hand-made',
    status,
    headers,
    text: JSON.stringify(body),
    body,
    code: errorCodeOf(spec, headers, body),
  } as Exchange;
  checkContract(check, ex);
  return verdicts.deferred.map((f) => `${f.rule}: ${f.received}`);
}

const NOT_FOUND = 'ResourceNotFoundException';

test('an error type named in the body __type alone passes (no x-amzn-ErrorType)', () => {
  expect(judge('DeleteCertificate', 404, {}, { __type: NOT_FOUND, message: 'gone' })).toEqual([]);
});

test("an error type named in the header alone, with AWS's namespace suffix, passes", () => {
  const headers = { 'x-amzn-errortype': `${NOT_FOUND}:http://internal.amazon.com/coral/com.amazonaws.iot/` };
  expect(judge('DeleteCertificate', 404, headers, { message: 'gone' })).toEqual([]);
});

test('an error that names no type anywhere, or an undocumented one, fails', () => {
  expect(judge('DeleteCertificate', 404, {}, { message: 'gone' })).toHaveLength(1);
  expect(judge('DeleteCertificate', 404, {}, { __type: 'CertificateStateException' })).toHaveLength(1);
});

test("AWS's 403 signing errors are documented on every operation; other 403 types are not", () => {
  for (const op of spec.operations.keys()) {
    expect(judge(op, 403, {}, { __type: 'MissingAuthenticationTokenException', message: 'x' }), op).toEqual([]);
    expect(judge(op, 403, { 'x-amzn-errortype': 'InvalidSignatureException' }, { message: 'x' }), op).toEqual([]);
    expect(judge(op, 403, {}, { __type: 'AccessDeniedException' }), op).toHaveLength(1);
  }
});

test('DetachPrincipalPolicy: 200 with an empty body, 404 ResourceNotFoundException', () => {
  expect(judge('DetachPrincipalPolicy', 200, {}, undefined)).toEqual([]);
  expect(judge('DetachPrincipalPolicy', 404, {}, { __type: NOT_FOUND })).toEqual([]);
});
