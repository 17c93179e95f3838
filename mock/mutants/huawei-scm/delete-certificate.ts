import { incorrectParameter } from '../../providers/huawei-scm/errors.ts';
import type { ScmState } from '../../providers/huawei-scm/state.ts';
import { showView } from '../../providers/huawei-scm/views.ts';
import { wrapHandler } from '../apply.ts';
import type { Mutant } from '../mutant.ts';
import { idOf, rememberDeleted } from './deleted.ts';

/** DeleteCertificate: its answer, what it leaves visible and what it refuses, each broken once. */
export const deleteCertificate: Mutant[] = [
  {
    name: 'huawei-scm/delete-answers-200-with-body',
    description: 'DeleteCertificate answers 200 with a JSON body instead of 204 without one',
    rules: ['HWSCM-DEL-001', 'HWSCM-SPEC-001'],
    class: 'body',
    module: (m) =>
      wrapHandler<ScmState>(m, 'DeleteCertificate', (next) => async (input, s, ctx) => {
        const reply = await next(input, s, ctx);
        return reply.status === 204 ? { ...reply, status: 200, body: { certificate_id: idOf(input) } } : reply;
      }),
  },
  {
    name: 'huawei-scm/deleted-still-listed',
    description: 'a deleted certificate still appears in ListCertificates results',
    rules: ['HWSCM-DEL-002'],
    module: (m) => {
      const deleted = rememberDeleted(m);
      wrapHandler<ScmState>(m, 'ListCertificates', (next) => (input, s, ctx) =>
        next(input, { ...s, certificates: new Map([...deleted(s), ...s.certificates]) }, ctx),
      );
    },
  },
  {
    name: 'huawei-scm/show-serves-deleted',
    description: 'ShowCertificate of a deleted certificate answers 200 with its details',
    rules: ['HWSCM-DEL-003'],
    module: (m) => {
      const deleted = rememberDeleted(m);
      wrapHandler<ScmState>(m, 'ShowCertificate', (next) => (input, s, ctx) => {
        const ghost = deleted(s).get(idOf(input));
        return ghost && !s.certificates.has(ghost.id) ? { status: 200, body: showView(ghost) } : next(input, s, ctx);
      });
    },
  },
  {
    name: 'huawei-scm/second-delete-answers-204',
    description: 'deleting an already deleted certificate answers 204 again',
    rules: ['HWSCM-DEL-004'],
    module: (m) => {
      const deleted = rememberDeleted(m);
      wrapHandler<ScmState>(m, 'DeleteCertificate', (next) => (input, s, ctx) =>
        deleted(s).has(idOf(input)) && !s.certificates.has(idOf(input)) ? { status: 204 } : next(input, s, ctx),
      );
    },
  },
  {
    name: 'huawei-scm/delete-unknown-answers-204',
    description: 'deleting a well-formed id that never existed answers 204',
    rules: ['HWSCM-DEL-006'],
    module: (m) => {
      const deleted = rememberDeleted(m);
      wrapHandler<ScmState>(m, 'DeleteCertificate', (next) => (input, s, ctx) =>
        s.certificates.has(idOf(input)) || deleted(s).has(idOf(input)) ? next(input, s, ctx) : { status: 204 },
      );
    },
  },
  {
    name: 'huawei-scm/delete-json-content-type-refused',
    description: 'a DELETE with Content-Type: application/json and no body (as the SDKs send it) is refused with 400 SCM.0005',
    rules: ['HWSCM-DEL-007'],
    module: (m) =>
      wrapHandler<ScmState>(m, 'DeleteCertificate', (next) => (input, s, ctx) => {
        if ((input.wire.headers['content-type'] ?? '').includes('json')) throw incorrectParameter('a DELETE takes no JSON body.');
        return next(input, s, ctx);
      }),
  },
];
