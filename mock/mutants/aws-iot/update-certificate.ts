import { certificateState } from '../../providers/aws-iot/errors.ts';
import type { IotState } from '../../providers/aws-iot/state.ts';
import { wrapHandler } from '../apply.ts';
import type { Mutant } from '../mutant.ts';
import { certOf, isApiError } from './helpers.ts';

const newStatus = (input: { query: Record<string, unknown> }) => String(input.query.newStatus);

/** UpdateCertificate: the refused statuses, idempotence, the effect and not-found, each broken once. */
export const updateCertificate: Mutant[] = [
  {
    name: 'aws-iot/pending-status-accepted',
    description: 'UpdateCertificate sets PENDING_TRANSFER and PENDING_ACTIVATION like any status instead of refusing them',
    rules: ['AWSIOT-UPD-001'],
    module: (m) =>
      wrapHandler<IotState>(m, 'UpdateCertificate', (next) => async (input, state, ctx) => {
        if (!newStatus(input).startsWith('PENDING_')) return next(input, state, ctx);
        // The engine refuses these: let it apply a harmless change, then set the status anyway.
        const cert = certOf(state, input);
        const reply = await next({ ...input, query: { ...input.query, newStatus: cert?.status ?? 'INACTIVE' } }, state, ctx);
        if (cert) cert.status = newStatus(input);
        return reply;
      }),
  },
  {
    name: 'aws-iot/same-status-refused',
    description: 'setting the status a certificate already has answers 406 CertificateStateException instead of 200',
    rules: ['AWSIOT-UPD-002'],
    module: (m) =>
      wrapHandler<IotState>(m, 'UpdateCertificate', (next) => (input, state, ctx) => {
        if (certOf(state, input)?.status === newStatus(input)) throw certificateState(`The certificate is already ${newStatus(input)}.`);
        return next(input, state, ctx);
      }),
  },
  {
    name: 'aws-iot/revoke-not-applied',
    description: 'UpdateCertificate to REVOKED answers 200 but the certificate keeps its status',
    rules: ['AWSIOT-UPD-003'],
    module: (m) =>
      wrapHandler<IotState>(m, 'UpdateCertificate', (next) => (input, state, ctx) => {
        const cert = certOf(state, input);
        if (newStatus(input) !== 'REVOKED' || !cert) return next(input, state, ctx);
        return next({ ...input, query: { ...input.query, newStatus: cert.status } }, state, ctx);
      }),
  },
  {
    name: 'aws-iot/update-unknown-succeeds',
    description: 'updating a well-formed id that names no certificate answers 200 instead of ResourceNotFoundException',
    rules: ['AWSIOT-UPD-004'],
    module: (m) =>
      wrapHandler<IotState>(m, 'UpdateCertificate', (next) => async (input, state, ctx) => {
        try {
          return await next(input, state, ctx);
        } catch (e) {
          if (isApiError(e, 404)) return { status: 200 };
          throw e;
        }
      }),
  },
];
