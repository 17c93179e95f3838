import type { WireRequest } from '../../host/types.ts';
import { ApiError } from '../../host/api-error.ts';
import { authenticationFailed } from '../../providers/huawei-scm/errors.ts';
import type { ScmState } from '../../providers/huawei-scm/state.ts';
import { wrapHandler } from '../apply.ts';
import type { Mutant } from '../mutant.ts';

/** The 403 the mock gives a caller whose IAM grant lacks the operation's action. */
const permissionRefusal = (e: ApiError | undefined) => e?.status === 403 && e.message.includes("Policy doesn't allow");

const anonymous = (req: WireRequest) => req.headers['x-auth-token'] === undefined && req.headers.authorization === undefined;

/** Authentication (X-Auth-Token or AK/SK) and the IAM grant, each requirement broken once. */
export const auth: Mutant[] = [
  {
    name: 'huawei-scm/narrow-grant-delete-allowed',
    description: 'an IAM user whose grant lacks scm:cert:delete deletes the certificate (204)',
    rules: ['HWSCM-AUTH-005', 'HWSCM-AUTH-006'],
    module: (m) => {
      const authenticate = m.authenticate;
      m.authenticate = async (req, op, ctx) => {
        const refusal = await authenticate(req, op, ctx);
        return permissionRefusal(refusal) ? undefined : refusal;
      };
    },
  },
  {
    name: 'huawei-scm/narrow-grant-refused-with-400',
    description: 'a DeleteCertificate whose caller lacks scm:cert:delete is refused with 400 SCM.0003 instead of 403',
    rules: ['HWSCM-AUTH-006'],
    module: (m) => {
      const authenticate = m.authenticate;
      m.authenticate = async (req, op, ctx) => {
        const refusal = await authenticate(req, op, ctx);
        return permissionRefusal(refusal) ? new ApiError(400, 'SCM.0003', 'Tenant has no privilege.') : refusal;
      };
    },
  },
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
