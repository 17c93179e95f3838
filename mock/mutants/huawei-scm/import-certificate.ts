import { ApiError } from '../../host/api-error.ts';
import type { ImportBody } from '../../providers/huawei-scm/engine.ts';
import type { ScmState } from '../../providers/huawei-scm/state.ts';
import { mapReplies, wrapHandler } from '../apply.ts';
import type { Mutant } from '../mutant.ts';

type Obj = Record<string, any>;
const UNPARSABLE_CERTIFICATE = ['SCM.0006', 'SCM.0053', 'SCM.0054'];

/** ImportCertificate with duplicate_check forced to one value. */
const forceDuplicateCheck = (value: boolean): Mutant['module'] => (m) =>
  wrapHandler<ScmState>(m, 'ImportCertificate', (next) => (input, s, ctx) =>
    next({ ...input, body: { ...(input.body as ImportBody), duplicate_check: value } }, s, ctx),
  );

/** ImportCertificate: its answer, the record it makes and what it refuses, each broken once. */
export const importCertificate: Mutant[] = [
  {
    name: 'huawei-scm/import-answers-201',
    description: 'ImportCertificate answers 201 Created instead of 200',
    rules: ['HWSCM-IMP-001', 'HWSCM-SPEC-001'],
    class: 'status',
    module: (m) => mapReplies(m, 'ImportCertificate', (r) => (r.status === 200 ? { ...r, status: 201 } : r)),
  },
  {
    name: 'huawei-scm/import-answers-200-without-body',
    description: 'ImportCertificate answers 200 with an empty body (no certificate_id)',
    rules: ['HWSCM-IMP-001', 'HWSCM-SPEC-001'],
    class: 'body',
    module: (m) => mapReplies(m, 'ImportCertificate', (r) => (r.status === 200 ? { ...r, body: undefined } : r)),
  },
  {
    name: 'huawei-scm/import-returns-15-character-id',
    description: 'the certificate_id ImportCertificate returns is cut to 15 characters',
    rules: ['HWSCM-IMP-002', 'HWSCM-SPEC-001'],
    class: 'length',
    module: (m) =>
      mapReplies(m, 'ImportCertificate', (r) => {
        const id = (r.body as Obj | undefined)?.certificate_id;
        return typeof id === 'string' ? { ...r, body: { ...(r.body as Obj), certificate_id: id.slice(0, 15) } } : r;
      }),
  },
  {
    name: 'huawei-scm/imported-status-issued',
    description: 'an imported certificate gets status ISSUED instead of UPLOAD',
    rules: ['HWSCM-IMP-003', 'HWSCM-LST-002'],
    module: (m) =>
      wrapHandler<ScmState>(m, 'ImportCertificate', (next) => async (input, s, ctx) => {
        const reply = await next(input, s, ctx);
        const record = s.certificates.get(String((reply.body as Obj | undefined)?.certificate_id));
        if (record) (record as { status: string }).status = 'ISSUED';
        return reply;
      }),
  },
  {
    name: 'huawei-scm/duplicate-check-ignored',
    description: 'with duplicate_check true an identical certificate is accepted again',
    rules: ['HWSCM-IMP-006'],
    module: forceDuplicateCheck(false),
  },
  {
    name: 'huawei-scm/duplicate-always-refused',
    description: 'with duplicate_check false an identical certificate is refused',
    rules: ['HWSCM-IMP-009'],
    module: forceDuplicateCheck(true),
  },
  {
    name: 'huawei-scm/unparsable-certificate-answers-500',
    description: 'a certificate that is not a parsable PEM certificate gets 500 (it reaches code that assumes a parsed one) instead of 400',
    rules: ['HWSCM-IMP-008'],
    module: (m) =>
      wrapHandler<ScmState>(m, 'ImportCertificate', (next) => async (input, s, ctx) => {
        try {
          return await next(input, s, ctx);
        } catch (e) {
          if (e instanceof ApiError && UNPARSABLE_CERTIFICATE.includes(e.code)) throw new ApiError(500, 'SCM.0500', 'Internal server error.');
          throw e;
        }
      }),
  },
];
