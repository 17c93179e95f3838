import type { Exchange } from '../../support/http/exchange.ts';
import { rules } from '../../support/rules.ts';
import { certName } from '../support/names.ts';
import { deleteCert } from '../support/ops.ts';
import { test } from '../support/test.ts';

const text = (v: unknown) => typeof v === 'string' && v.length > 0;

// The schema requires no member of KeyVaultError (the swagger does not), but the SDK builds its
// RestError from error.code and error.message: one error answer of each kind the suite provokes.
test('error answers name their code and message', rules(['AZKV-FMT-005', 'AZKV-SPEC-001'], '@readonly'), async ({ api, check, info }) => {
  const name = certName(info.runId, 'errshape');
  const answers: Exchange[] = [
    await deleteCert(api, name, { auth: 'none', label: 'DeleteCertificate without Authorization (401)' }),
    await deleteCert(api, name, { label: 'DeleteCertificate of a name that never existed (404)' }),
    await api.call('GetCertificates', { query: { maxresults: 0 } }, { label: 'GetCertificates maxresults=0 (400)' }),
  ];
  for (const ex of answers) {
    if (ex.status < 400) {
      check.notApplicable('AZKV-FMT-005', `${ex.label} answered ${ex.status}: no error to judge`);
      continue;
    }
    const error = (ex.body as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
    check.that('AZKV-FMT-005', text(error?.code) && text(error?.message), `${ex.label}: ${ex.text.slice(0, 200) || '(empty body)'}`, '{"error": {"code": "<string>", "message": "<string>"}}');
  }
});
