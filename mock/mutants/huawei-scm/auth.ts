import type { WireRequest } from '../../host/types.ts';
import { authenticationFailed } from '../../providers/huawei-scm/errors.ts';
import type { ScmState } from '../../providers/huawei-scm/state.ts';
import { wrapHandler } from '../apply.ts';
import type { Mutant } from '../mutant.ts';

const anonymous = (req: WireRequest) => req.headers['x-auth-token'] === undefined && req.headers.authorization === undefined;

/** Authentication (X-Auth-Token or AK/SK), each requirement broken once. */
export const auth: Mutant[] = [
  {
    name: 'huawei-scm/anonymous-delete-allowed',
    description: 'DeleteCertificate without X-Auth-Token and without an AK/SK signature is served',
    rules: ['HWSCM-AUTH-001'],
    module: (m) => {
      const authenticate = m.authenticate;
      m.authenticate = (req, op, ctx) => (op.operationId === 'DeleteCertificate' && anonymous(req) ? undefined : authenticate(req, op, ctx));
    },
  },
  {
    name: 'huawei-scm/aksk-refused-on-delete',
    description: 'DeleteCertificate signed with AK/SK (no X-Auth-Token, as the SDKs send it) is refused with 401',
    rules: ['HWSCM-AUTH-003'],
    module: (m) => {
      const authenticate = m.authenticate;
      m.authenticate = (req, op, ctx) =>
        op.operationId === 'DeleteCertificate' && req.headers['x-auth-token'] === undefined && req.headers.authorization !== undefined
          ? authenticationFailed('this operation takes an X-Auth-Token only')
          : authenticate(req, op, ctx);
    },
  },
  {
    name: 'huawei-scm/anonymous-import-creates-then-401',
    description: 'an ImportCertificate without credentials stores the certificate before it answers 401',
    rules: ['HWSCM-AUTH-004'],
    module: (m) => {
      const authenticate = m.authenticate;
      m.authenticate = (req, op, ctx) => (op.operationId === 'ImportCertificate' && anonymous(req) ? undefined : authenticate(req, op, ctx));
      wrapHandler<ScmState>(m, 'ImportCertificate', (next) => async (input, s, ctx) => {
        const reply = await next(input, s, ctx);
        if (anonymous(input.wire)) throw authenticationFailed('neither X-Auth-Token nor an SDK-HMAC-SHA256 signature was sent');
        return reply;
      });
    },
  },
];
