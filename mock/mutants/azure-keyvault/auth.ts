import type { Mutant } from '../mutant.ts';

const BEARER = /^Bearer\s+\S+/i;

/** A body the ImportCertificate schema would refuse: not JSON, or no string `value`. */
function badImportBody(raw: Buffer): boolean {
  try {
    return typeof (JSON.parse(raw.toString('utf8')) as { value?: unknown })?.value !== 'string';
  } catch {
    return true;
  }
}

/** The bearer challenge and the permission model, each broken once. */
export const auth: Mutant[] = [
  {
    name: 'azure-keyvault/challenge-without-www-authenticate',
    description: 'the 401 for a request without a bearer token carries no WWW-Authenticate challenge',
    rules: ['AZKV-AUTH-001', 'AZKV-SPEC-001'],
    module: (m) => {
      const reply = m.errorReply;
      m.errorReply = (err, req) => {
        const r = reply(err, req);
        if (r.status !== 401) return r;
        const headers = Object.fromEntries(Object.entries(r.headers ?? {}).filter(([h]) => h.toLowerCase() !== 'www-authenticate'));
        return { ...r, headers };
      };
    },
  },
  {
    name: 'azure-keyvault/body-validated-before-challenge',
    description: "an ImportCertificate without token and with a missing or invalid body answers 400, not the 401 challenge the SDK's first leg needs",
    rules: ['AZKV-AUTH-002'],
    module: (m) => {
      const authenticate = m.authenticate;
      m.authenticate = (req, op, ctx) => {
        if (op.operationId === 'ImportCertificate' && !BEARER.test(req.headers.authorization ?? '') && badImportBody(req.rawBody)) {
          return m.invalid(op, ['the request body is missing or invalid']);
        }
        return authenticate(req, op, ctx);
      };
    },
  },
  {
    name: 'azure-keyvault/delete-ignores-permission',
    description: 'the vault hands out a token without certificates/delete (credentials.noDeleteBearerToken) but deletes with it anyway',
    rules: ['AZKV-AUTH-003'],
    module: (m) => {
      const authenticate = m.authenticate;
      m.authenticate = async (req, op, ctx) => {
        const denied = await authenticate(req, op, ctx);
        return denied?.status === 403 ? undefined : denied;
      };
    },
  },
  {
    name: 'azure-keyvault/permission-refused-with-401',
    description: 'a caller without certificates/delete is refused with 401 and a challenge instead of 403 (still refused, nothing deleted)',
    rules: ['AZKV-AUTH-004'],
    class: 'status',
    module: (m) => {
      const authenticate = m.authenticate;
      m.authenticate = async (req, op, ctx) => {
        const denied = await authenticate(req, op, ctx);
        // The answer a request without a token gets: 401 with the challenge.
        return denied?.status === 403 ? authenticate({ ...req, headers: { ...req.headers, authorization: '' } }, op, ctx) : denied;
      };
    },
  },
];
