import type { Reply } from '../../host/types.ts';
import type { Mutant } from '../mutant.ts';

type ErrorBody = { error_code?: string; error_msg?: string };

/** Rewrites every error answer after the dialect has serialised it. */
const rewriteErrors = (edit: (r: Reply, body: ErrorBody) => Reply): Mutant['module'] => (m) => {
  const reply = m.errorReply;
  m.errorReply = (err, req) => {
    const r = reply(err, req);
    return edit(r, (r.body ?? {}) as ErrorBody);
  };
};

/** The SCM error dialect and the request id header, each broken once. */
export const wire: Mutant[] = [
  {
    name: 'huawei-scm/error-msg-over-1024',
    description: 'error_msg carries a diagnostic tail that makes it 1025 characters, one above the documented 1024',
    rules: ['HWSCM-FMT-001', 'HWSCM-SPEC-001'],
    class: 'length',
    module: rewriteErrors((r, b) => ({ ...r, body: { ...b, error_msg: `${b.error_msg ?? ''} trace:`.padEnd(1025, '.').slice(0, 1025) } })),
  },
  {
    name: 'huawei-scm/error-code-in-header',
    description: 'errors carry their code in an X-Error-Code header; the body has only error_msg',
    rules: ['HWSCM-FMT-003'],
    class: 'error-type',
    module: rewriteErrors((r, { error_code, ...rest }) => ({ ...r, headers: { ...r.headers, 'X-Error-Code': String(error_code) }, body: rest })),
  },
  {
    name: 'huawei-scm/error-body-nested',
    description: 'error bodies are {"error":{"error_code","error_msg"}} instead of {"error_code","error_msg"}',
    rules: ['HWSCM-FMT-003'],
    class: 'error-shape',
    module: rewriteErrors((r, b) => ({ ...r, body: { error: b } })),
  },
  {
    name: 'huawei-scm/no-request-id',
    description: 'answers carry no X-Request-Id header',
    rules: ['HWSCM-FMT-002'],
    module: (m) => {
      m.commonHeaders = undefined;
    },
  },
];
