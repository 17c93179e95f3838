import type { Spec } from '../../lib/spec/load.ts';
import { validatorFor } from '../../lib/spec/validator.ts';
import type { Reply } from './types.ts';

/** What is wrong with a reply by the spec: undocumented status, body or missing required header. */
export function checkReply(spec: Spec, operationId: string, reply: Reply): string[] {
  const op = spec.operations.get(operationId);
  if (!op) return [`no operation ${operationId}`];
  const documented = op.responses.get(String(reply.status));
  if (!documented) return [`status ${reply.status} is not documented for ${operationId}`];
  const problems: string[] = [];
  const json = documented.content.find((c) => c.mediaType.includes('json'));
  if (json?.schemaAt) {
    if (reply.body === undefined) problems.push('a JSON body is documented but none was sent');
    else problems.push(...validatorFor(spec).validate(json.schemaAt, reply.body).errors.map((e) => `body ${e}`));
  } else if (reply.body !== undefined) {
    problems.push(`status ${reply.status} of ${operationId} documents no body, one was sent`);
  }
  const sent = Object.keys(reply.headers ?? {}).map((h) => h.toLowerCase());
  for (const h of documented.headers) {
    if (h.required && !sent.includes(h.name.toLowerCase())) problems.push(`required header ${h.name} missing`);
  }
  return problems;
}
