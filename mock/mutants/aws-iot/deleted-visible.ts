import type { ProviderModule } from '../../host/types.ts';
import type { CertificateRecord, IotState } from '../../providers/aws-iot/state.ts';
import { wrapHandler } from '../apply.ts';
import type { Mutant } from '../mutant.ts';
import { certOf, isApiError } from './helpers.ts';

/**
 * A delete that forgets to forget: the engine deletes, and the mutant keeps a copy of what was
 * deleted (per state, so the control API's reset and other listeners are unaffected) for the
 * read it then lets the deleted certificate leak into.
 */
function keepDeleted(m: ProviderModule<any>): WeakMap<IotState, Map<string, CertificateRecord>> {
  const kept = new WeakMap<IotState, Map<string, CertificateRecord>>();
  wrapHandler<IotState>(m, 'DeleteCertificate', (next) => async (input, state, ctx) => {
    const cert = certOf(state, input);
    const copy = cert && { ...cert, validity: { ...cert.validity } };
    const reply = await next(input, state, ctx);
    if (copy) kept.set(state, (kept.get(state) ?? new Map()).set(copy.certificateId, copy));
    return reply;
  });
  return kept;
}

export const deletedVisible: Mutant[] = [
  {
    name: 'aws-iot/deleted-still-described',
    description: 'DescribeCertificate of a deleted certificate answers 200 with its last description instead of 404',
    rules: ['AWSIOT-DEL-008'],
    module: (m) => {
      const kept = keepDeleted(m);
      wrapHandler<IotState>(m, 'DescribeCertificate', (next) => async (input, state, ctx) => {
        try {
          return await next(input, state, ctx);
        } catch (e) {
          const old = kept.get(state)?.get(String(input.path.certificateId).toLowerCase());
          if (!isApiError(e, 404) || !old) throw e;
          const { seq: _seq, ...description } = old;
          return { status: 200, body: { certificateDescription: { ...description, transferData: {} } } };
        }
      });
    },
  },
  {
    name: 'aws-iot/deleted-still-listed',
    description: 'ListCertificates still lists deleted certificates (on its first page)',
    rules: ['AWSIOT-DEL-009'],
    module: (m) => {
      const kept = keepDeleted(m);
      wrapHandler<IotState>(m, 'ListCertificates', (next) => async (input, state, ctx) => {
        const reply = await next(input, state, ctx);
        const body = reply.body as { certificates: Record<string, unknown>[] };
        if (input.query.marker !== undefined) return reply;
        const ghosts = [...(kept.get(state)?.values() ?? [])].map(({ certificateArn, certificateId, status, certificateMode, creationDate }) => ({ certificateArn, certificateId, status, certificateMode, creationDate }));
        return { ...reply, body: { ...body, certificates: [...body.certificates, ...ghosts] } };
      });
    },
  },
];
