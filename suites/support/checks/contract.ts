import { RULE_PREFIX } from '../../../lib/providers.ts';
import { documentedCodes } from '../../../lib/spec/dialect.ts';
import type { Spec } from '../../../lib/spec/load.ts';
import { validatorFor } from '../../../lib/spec/validator.ts';
import { describeAnswer, type Exchange } from '../http/exchange.ts';
import type { Checker } from './checker.ts';

/**
 * <PREFIX>-SPEC-001 on one exchange, read from the spec at run time: the status is documented
 * for the operation, a documented JSON body is there and validates (ajv) against the schema of
 * that status, documented required headers are present, and an error code is one the
 * documentation lists for that status (where it lists a closed set).
 *
 * A violation is recorded without stopping the test: the test still judges its own rules on
 * the answer (a MUST rule broken by the same answer must fail as itself, not go unjudged
 * behind this SHOULD rule), and fails at its end if nothing else stopped it.
 */
export function checkContract(check: Checker, ex: Exchange): void {
  const ruleId = `${RULE_PREFIX[check.spec.provider]}-SPEC-001`;
  const violation = contractViolation(check.spec, ex);
  if (violation) check.softFail(ruleId, violation.received, violation.documented);
  else check.pass(ruleId);
}

/** The first way the exchange departs from the spec, or undefined (also run on recorded traffic). */
export function contractViolation(spec: Spec, ex: Pick<Exchange, 'op' | 'status' | 'headers' | 'text' | 'body' | 'code'>): { received: string; documented: string } | undefined {
  const op = ex.op;
  const documented = [...op.responses.keys()].join(', ');
  const r = op.responses.get(String(ex.status)) ?? op.responses.get(`${String(ex.status)[0]}XX`) ?? op.responses.get('default');
  if (!r) return { received: `${describeAnswer(ex)} from ${op.operationId}`, documented: `one of ${documented}` };
  for (const h of r.headers) {
    if (h.required && ex.headers[h.name.toLowerCase()] === undefined) return { received: `${ex.status} without header ${h.name}`, documented: `${h.name} on every ${ex.status} of ${op.operationId}` };
  }
  const json = r.content.find((c) => c.mediaType.includes('json'));
  if (json?.schemaAt) {
    if (ex.body === undefined) return { received: `${ex.status} with body ${JSON.stringify(ex.text.slice(0, 200))}`, documented: `a JSON body of ${op.operationId}'s ${r.status} schema` };
    const verdict = validatorFor(spec).validate(json.schemaAt, ex.body);
    if (!verdict.ok) return { received: `${ex.status} body: ${verdict.errors.slice(0, 5).join('; ')}`, documented: `${op.operationId}'s ${r.status} schema (${json.schemaAt})` };
  }
  if (ex.status >= 400) {
    const codes = documentedCodes(spec, op, r.status);
    if (codes && !(ex.code && codes.includes(ex.code))) return { received: describeAnswer(ex), documented: `${r.status} with one of ${codes.join(', ')}` };
  }
  return undefined;
}
