import { ApiError } from '../../host/api-error.ts';
import type { ScmState } from '../../providers/huawei-scm/state.ts';
import { mapReplies, wrapHandler } from '../apply.ts';
import type { Mutant } from '../mutant.ts';

type Obj = Record<string, any>;
const LAG_MS = 10_000;

/** ListCertificates and ShowCertificate: what they show, each broken once. */
export const listings: Mutant[] = [
  {
    name: 'huawei-scm/list-lags-imports',
    description: `ListCertificates shows a certificate only ${LAG_MS / 1000} s after its import (longer than any client waits)`,
    rules: ['HWSCM-LST-002'],
    module: (m) =>
      wrapHandler<ScmState>(m, 'ListCertificates', (next) => (input, s, ctx) => {
        const settled = [...s.certificates].filter(([, r]) => r.createdAt <= ctx.clock.now() - LAG_MS);
        return next(input, { ...s, certificates: new Map(settled) }, ctx);
      }),
  },
  {
    name: 'huawei-scm/total-count-below-rows',
    description: "total_count is the page's last row index (rows - 1) instead of the number of matching certificates",
    rules: ['HWSCM-LST-003'],
    module: (m) =>
      mapReplies(m, 'ListCertificates', (r) => {
        const b = r.body as Obj | undefined;
        return Array.isArray(b?.certificates) ? { ...r, body: { ...b, total_count: Math.max(0, b.certificates.length - 1) } } : r;
      }),
  },
  {
    name: 'huawei-scm/show-unknown-answers-200',
    description: 'ShowCertificate of an id nobody holds answers 200 with an empty object',
    rules: ['HWSCM-SHOW-001', 'HWSCM-DEL-003'],
    module: (m) =>
      wrapHandler<ScmState>(m, 'ShowCertificate', (next) => async (input, s, ctx) => {
        try {
          return await next(input, s, ctx);
        } catch (e) {
          if (e instanceof ApiError && e.code === 'SCM.0008') return { status: 200, body: {} };
          throw e;
        }
      }),
  },
  {
    name: 'huawei-scm/show-unknown-answers-403',
    description: 'ShowCertificate of an id nobody holds (never issued or deleted) answers 403 Access denied instead of 400 or 404',
    rules: ['HWSCM-SHOW-001', 'HWSCM-DEL-003'],
    class: 'status',
    module: (m) =>
      wrapHandler<ScmState>(m, 'ShowCertificate', (next) => async (input, s, ctx) => {
        try {
          return await next(input, s, ctx);
        } catch (e) {
          if (e instanceof ApiError && e.code === 'SCM.0008') throw new ApiError(403, 'APIG.0302', 'Access denied.');
          throw e;
        }
      }),
  },
];
