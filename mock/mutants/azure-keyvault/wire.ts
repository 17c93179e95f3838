import type { Reply } from '../../host/types.ts';
import { mapReplies } from '../apply.ts';
import type { Mutant } from '../mutant.ts';

type ErrorBody = { error?: { code?: string; message?: string } & Record<string, unknown> };

/** The KeyVaultError dialect and the bodies of success answers, each broken once. */
export const wire: Mutant[] = [
  {
    name: 'azure-keyvault/error-code-in-header',
    description: 'errors carry their code in an x-ms-error-code header; the body error has no code member',
    rules: ['AZKV-FMT-005', 'AZKV-DEL-010', 'AZKV-GET-002'],
    class: 'error-type',
    module: (m) => {
      const reply = m.errorReply;
      m.errorReply = (err, req): Reply => {
        const r = reply(err, req);
        const { code, ...rest } = (r.body as ErrorBody).error ?? {};
        return { ...r, headers: { ...r.headers, 'x-ms-error-code': String(code) }, body: { error: rest } };
      };
    },
  },
  {
    name: 'azure-keyvault/error-body-unwrapped',
    description: 'error bodies are {"code","message"} at the top level instead of {"error":{"code","message"}}',
    rules: ['AZKV-FMT-005', 'AZKV-DEL-010', 'AZKV-GET-002'],
    class: 'error-shape',
    module: (m) => {
      const reply = m.errorReply;
      m.errorReply = (err, req): Reply => {
        const r = reply(err, req);
        return { ...r, body: (r.body as ErrorBody).error };
      };
    },
  },
  {
    name: 'azure-keyvault/delete-answers-200-without-body',
    description: 'DeleteCertificate answers 200 with an empty body instead of the deleted bundle',
    rules: ['AZKV-SPEC-001', 'AZKV-DEL-002'],
    class: 'body',
    module: (m) => mapReplies(m, 'DeleteCertificate', (r) => (r.status === 200 ? { ...r, body: undefined } : r)),
  },
  {
    name: 'azure-keyvault/encoded-api-version-ignored',
    description: 'a percent-encoded query name (api%2Dversion=7.0, as the official SDK sends it) is not read as api-version',
    rules: ['AZKV-FMT-002'],
    module: (m) => {
      m.toSpecRequest = (req) => {
        if (!/(^|&)api%2Dversion=/i.test(req.rawQuery ?? '') || /(^|&)api-version=/.test(req.rawQuery ?? '')) return req;
        const query = new URLSearchParams(req.query);
        query.delete('api-version');
        return { ...req, query };
      };
    },
  },
];
