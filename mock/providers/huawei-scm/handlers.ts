import type { Handler, OpInput } from '../../host/types.ts';
import { deleteCertificate, importCertificate, listCertificates, showCertificate, type ImportBody } from './engine.ts';
import type { ListQuery } from './list.ts';
import type { ScmState } from './state.ts';

/** Validated input -> engine -> reply; the host has already checked it against the spec. */
const certificateId = (input: OpInput) => String(input.path.certificate_id);

export const handlers: Record<string, Handler<ScmState>> = {
  ImportCertificate: (input, state, ctx) => ({
    status: 200,
    body: importCertificate(state, input.body as ImportBody, ctx.clock.now()),
  }),
  ShowCertificate: (input, state) => ({ status: 200, body: showCertificate(state, certificateId(input)) }),
  ListCertificates: (input, state, ctx) => ({
    status: 200,
    body: listCertificates(state, input.query as ListQuery, ctx.clock.now()),
  }),
  DeleteCertificate: (input, state) => {
    deleteCertificate(state, certificateId(input));
    return { status: 204, body: undefined };
  },
};
