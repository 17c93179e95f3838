import { expect, test } from '@playwright/test';
import { allExamples } from '../../lib/spec/examples.ts';
import { loadSpec } from '../../lib/spec/load.ts';
import { validatorFor } from '../../lib/spec/validator.ts';
import { ApiError } from '../../mock/host/api-error.ts';
import { errorReply, invalid } from '../../mock/providers/huawei-scm/dialect.ts';
import * as errors from '../../mock/providers/huawei-scm/errors.ts';

// The error constructors and the dialect against the spec: one body shape, documented lengths,
// and the messages the spec's examples give for the same codes.
const spec = loadSpec('huawei-scm');
const ERROR_SCHEMA = `#/components/schemas/${spec.dialect.errorSchema}`;
const every = Object.values(errors).map((make) => (make as (s: string) => ApiError)('detail'));

test('every constructor makes a body the spec accepts, at a 4xx status', () => {
  for (const e of every) {
    expect(e.status, e.code).toBeGreaterThanOrEqual(400);
    expect(e.status, e.code).toBeLessThan(500);
    expect(validatorFor(spec).validate(ERROR_SCHEMA, errorReply(e).body).errors, e.code).toEqual([]);
  }
});

test('where the spec has an example for a code, the message starts with the example message', () => {
  const examples = allExamples(spec)
    .map((x) => x.value as { error_code?: string; error_msg?: string })
    .filter((v) => /^SCM\.\d{4}$/.test(v?.error_code ?? ''));
  expect(examples.length).toBeGreaterThan(0);
  for (const ex of examples) {
    const made = every.find((e) => e.code === ex.error_code);
    expect(made?.message, ex.error_code).toContain(ex.error_msg!);
  }
});

test('messages are cut to the documented maximum', () => {
  const body = errorReply(errors.incorrectParameter('x'.repeat(5000))).body as { error_msg: string };
  expect(body.error_msg.length).toBe(1024);
  expect(validatorFor(spec).validate(ERROR_SCHEMA, body).errors).toEqual([]);
});

test('invalid(): a refused certificate_id is SCM.0008, anything else SCM.0005', () => {
  const del = spec.operations.get('DeleteCertificate');
  expect(invalid(del, ["path parameter 'certificate_id' must NOT have fewer than 16 characters"]).code).toBe('SCM.0008');
  expect(invalid(spec.operations.get('ImportCertificate'), ['body/name must match pattern']).code).toBe('SCM.0005');
  expect(invalid(undefined, ['the request body is too large']).code).toBe('SCM.0005');
});
