import { createHash } from 'node:crypto';
import type { Reply } from '../../host/types.ts';
import { invalidRequest } from '../../providers/aws-iot/errors.ts';
import type { IotState } from '../../providers/aws-iot/state.ts';
import { mapReplies, wrapHandler } from '../apply.ts';
import type { Mutant } from '../mutant.ts';
import { isApiError } from './helpers.ts';

type Registered = { certificateId: string; certificateArn: string };

/** Rewrites the id and ARN a successful registration answers (the stored certificate is unchanged). */
const rewrite = (edit: (r: Registered) => Registered) => (r: Reply) => (r.status === 200 ? { ...r, body: edit(r.body as Registered) } : r);

/** RegisterCertificateWithoutCA: uniqueness, validation and the identity it answers, each broken once. */
export const registerCertificate: Mutant[] = [
  {
    name: 'aws-iot/register-twice-accepted',
    description: 'registering a certificate that is already registered answers 200 with its id instead of ResourceAlreadyExistsException',
    rules: ['AWSIOT-REG-001'],
    module: (m) =>
      wrapHandler<IotState>(m, 'RegisterCertificateWithoutCA', (next) => async (input, state, ctx) => {
        try {
          return await next(input, state, ctx);
        } catch (e) {
          if (!isApiError(e, 409)) throw e;
          return { status: 200, body: { certificateId: e.extra.resourceId, certificateArn: e.extra.resourceArn } };
        }
      }),
  },
  {
    name: 'aws-iot/already-exists-names-nothing',
    description: 'the 409 ResourceAlreadyExistsException body leaves out resourceId and resourceArn',
    rules: ['AWSIOT-REG-002'],
    class: 'error-shape',
    module: (m) => {
      const errorReply = m.errorReply;
      m.errorReply = (err, req) => {
        const reply = errorReply(err, req);
        if (err.code !== 'ResourceAlreadyExistsException') return reply;
        const { resourceId: _id, resourceArn: _arn, ...body } = reply.body as Record<string, unknown>;
        return { ...reply, body };
      };
    },
  },
  {
    name: 'aws-iot/invalid-pem-accepted',
    description: 'a certificatePem that is not an X.509 certificate answers 200 (with the SHA-256 of the text as id) instead of CertificateValidationException',
    rules: ['AWSIOT-REG-003'],
    module: (m) =>
      wrapHandler<IotState>(m, 'RegisterCertificateWithoutCA', (next) => async (input, state, ctx) => {
        try {
          return await next(input, state, ctx);
        } catch (e) {
          if (!isApiError(e, 400, 'CertificateValidationException')) throw e;
          const id = createHash('sha256').update(String((input.body as { certificatePem: string }).certificatePem)).digest('hex');
          return { status: 200, body: { certificateId: id, certificateArn: `arn:aws:iot:us-east-1:${state.account}:cert/${id}` } };
        }
      }),
  },
  {
    name: 'aws-iot/invalid-pem-invalid-request',
    description: 'a certificatePem that is not an X.509 certificate answers InvalidRequestException instead of CertificateValidationException',
    rules: ['AWSIOT-REG-003'],
    module: (m) =>
      wrapHandler<IotState>(m, 'RegisterCertificateWithoutCA', (next) => async (input, state, ctx) => {
        try {
          return await next(input, state, ctx);
        } catch (e) {
          if (isApiError(e, 400, 'CertificateValidationException')) throw invalidRequest(e.message);
          throw e;
        }
      }),
  },
  {
    name: 'aws-iot/register-id-40-hex',
    description: 'the registration answers a 40-character id (a SHA-1 length) and an ARN ending with it',
    rules: ['AWSIOT-REG-004'],
    module: (m) => mapReplies(m, 'RegisterCertificateWithoutCA', rewrite(({ certificateId: id, certificateArn: arn }) => ({ certificateId: id.slice(0, 40), certificateArn: arn.replace(id, id.slice(0, 40)) }))),
  },
  {
    name: 'aws-iot/register-arn-other-id',
    description: "the registration answers an ARN that does not end with the certificate's id",
    rules: ['AWSIOT-REG-005'],
    module: (m) => mapReplies(m, 'RegisterCertificateWithoutCA', rewrite((r) => ({ ...r, certificateArn: r.certificateArn.replace(/[0-9a-f]$/, (d) => (d === '0' ? '1' : '0')) }))),
  },
  {
    name: 'aws-iot/register-arn-without-region',
    description: 'the registration answers an ARN with an empty region (arn:aws:iot::<account>:cert/<id>)',
    rules: ['AWSIOT-REG-006'],
    module: (m) => mapReplies(m, 'RegisterCertificateWithoutCA', rewrite((r) => ({ ...r, certificateArn: r.certificateArn.replace(/^(arn:[^:]+:iot:)[^:]*:/, '$1:') }))),
  },
  {
    name: 'aws-iot/register-status-ignored',
    description: 'the status given at registration is ignored: every certificate starts INACTIVE',
    rules: ['AWSIOT-REG-008'],
    module: (m) =>
      wrapHandler<IotState>(m, 'RegisterCertificateWithoutCA', (next) => (input, state, ctx) => next({ ...input, body: { ...(input.body as object), status: undefined } }, state, ctx)),
  },
];
