import type { IotState } from '../../providers/aws-iot/state.ts';
import { mapReplies, wrapHandler } from '../apply.ts';
import type { Mutant } from '../mutant.ts';
import { certOf, isApiError, pairsOf, withoutPairs } from './helpers.ts';

const forced = (input: { query: Record<string, unknown> }) => input.query.forceDelete === true;

/** DeleteCertificate: the documented preconditions and answers, each broken once. */
export const deleteCertificate: Mutant[] = [
  {
    name: 'aws-iot/delete-active-allowed',
    description: 'DeleteCertificate deletes an ACTIVE certificate instead of answering CertificateStateException',
    rules: ['AWSIOT-DEL-001'],
    module: (m) =>
      wrapHandler<IotState>(m, 'DeleteCertificate', (next) => (input, state, ctx) => {
        const cert = certOf(state, input);
        if (cert?.status === 'ACTIVE') cert.status = 'INACTIVE';
        return next(input, state, ctx);
      }),
  },
  {
    name: 'aws-iot/force-delete-active-allowed',
    description: 'forceDelete=true also lifts the ACTIVE block: an ACTIVE certificate is force-deleted',
    rules: ['AWSIOT-DEL-001'],
    module: (m) =>
      wrapHandler<IotState>(m, 'DeleteCertificate', (next) => (input, state, ctx) => {
        const cert = certOf(state, input);
        if (cert?.status === 'ACTIVE' && forced(input)) cert.status = 'INACTIVE';
        return next(input, state, ctx);
      }),
  },
  {
    name: 'aws-iot/delete-ignores-things',
    description: 'without forceDelete, an attached thing does not block the delete (its attachment goes with the certificate)',
    rules: ['AWSIOT-DEL-002'],
    module: (m) =>
      wrapHandler<IotState>(m, 'DeleteCertificate', (next) => (input, state, ctx) => {
        const cert = certOf(state, input);
        if (!cert || forced(input)) return next(input, state, ctx);
        return withoutPairs(state.thingPrincipals, pairsOf(state.thingPrincipals, cert.certificateArn), () => next(input, state, ctx));
      }),
  },
  {
    name: 'aws-iot/force-delete-lifts-thing-block',
    description: 'forceDelete=true also lifts the thing condition: a certificate with a thing attached is force-deleted',
    rules: ['AWSIOT-DEL-003'],
    module: (m) =>
      wrapHandler<IotState>(m, 'DeleteCertificate', (next) => (input, state, ctx) => {
        const cert = certOf(state, input);
        if (!cert || !forced(input)) return next(input, state, ctx);
        return withoutPairs(state.thingPrincipals, pairsOf(state.thingPrincipals, cert.certificateArn), () => next(input, state, ctx));
      }),
  },
  {
    name: 'aws-iot/delete-ignores-policies',
    description: 'without forceDelete, an attached policy does not block the delete',
    rules: ['AWSIOT-DEL-004'],
    module: (m) =>
      wrapHandler<IotState>(m, 'DeleteCertificate', (next) => (input, state, ctx) => {
        const cert = certOf(state, input);
        if (!cert || forced(input)) return next(input, state, ctx);
        return withoutPairs(state.policyTargets, pairsOf(state.policyTargets, cert.certificateArn), () => next(input, state, ctx));
      }),
  },
  {
    name: 'aws-iot/force-delete-ignored',
    description: 'forceDelete=true is ignored: an INACTIVE certificate with policies is still refused with 409',
    rules: ['AWSIOT-DEL-005'],
    module: (m) => wrapHandler<IotState>(m, 'DeleteCertificate', (next) => (input, state, ctx) => next({ ...input, query: { ...input.query, forceDelete: false } }, state, ctx)),
  },
  {
    name: 'aws-iot/force-delete-keeps-policy-attachments',
    description: "a forced delete leaves the deleted certificate's policy attachments, and ListAttachedPolicies of its ARN still lists them",
    rules: ['AWSIOT-DEL-006'],
    module: (m) => {
      wrapHandler<IotState>(m, 'DeleteCertificate', (next) => async (input, state, ctx) => {
        const cert = certOf(state, input);
        const kept = cert ? pairsOf(state.policyTargets, cert.certificateArn) : [];
        const reply = await next(input, state, ctx);
        for (const [policy, arn] of kept) state.policyTargets.add(policy, arn);
        return reply;
      });
      wrapHandler<IotState>(m, 'ListAttachedPolicies', (next) => async (input, state, ctx) => {
        try {
          return await next(input, state, ctx);
        } catch (e) {
          const left = state.policyTargets.leftsOf(String(input.path.target));
          if (!isApiError(e, 404) || !left.length) throw e;
          return { status: 200, body: { policies: left.map((policyName) => ({ policyName, policyArn: state.policies.get(policyName)?.policyArn })) } };
        }
      });
    },
  },
  {
    name: 'aws-iot/second-delete-succeeds',
    description: 'deleting a certificate that was deleted before answers 200 again (never-registered ids are still 404)',
    rules: ['AWSIOT-DEL-010'],
    module: (m) => {
      const deleted = new WeakMap<IotState, Set<string>>();
      wrapHandler<IotState>(m, 'DeleteCertificate', (next) => async (input, state, ctx) => {
        const id = String(input.path.certificateId).toLowerCase();
        try {
          const reply = await next(input, state, ctx);
          deleted.set(state, (deleted.get(state) ?? new Set()).add(id));
          return reply;
        } catch (e) {
          if (isApiError(e, 404) && deleted.get(state)?.has(id)) return { status: 200 };
          throw e;
        }
      });
    },
  },
  {
    name: 'aws-iot/delete-unknown-succeeds',
    description: 'deleting a well-formed id that names no certificate answers 200 instead of ResourceNotFoundException',
    rules: ['AWSIOT-DEL-011', 'AWSIOT-DEL-010'],
    module: (m) =>
      wrapHandler<IotState>(m, 'DeleteCertificate', (next) => async (input, state, ctx) => {
        try {
          return await next(input, state, ctx);
        } catch (e) {
          if (isApiError(e, 404)) return { status: 200 };
          throw e;
        }
      }),
  },
  {
    name: 'aws-iot/partly-hex-id-deleted',
    description: 'DeleteCertificate of a 64-character id with a non-hex character answers 200 (nothing was there to delete)',
    rules: ['AWSIOT-DEL-014'],
    module: (m) =>
      wrapHandler<IotState>(m, 'DeleteCertificate', (next) => (input, state, ctx) =>
        /[^0-9a-fA-F]/.test(String(input.path.certificateId).replace(/^0x/, '')) ? { status: 200 } : next(input, state, ctx),
      ),
  },
  {
    name: 'aws-iot/delete-answers-204',
    description: 'a successful DeleteCertificate answers 204 No Content instead of 200 with an empty body',
    rules: ['AWSIOT-DEL-012'],
    class: 'status',
    module: (m) => mapReplies(m, 'DeleteCertificate', (r) => (r.status === 200 ? { ...r, status: 204 } : r)),
  },
  {
    name: 'aws-iot/delete-answers-json-body',
    description: 'a successful DeleteCertificate answers 200 with a JSON body {} instead of an empty body',
    rules: ['AWSIOT-DEL-012'],
    class: 'body',
    module: (m) => mapReplies(m, 'DeleteCertificate', (r) => (r.status === 200 ? { ...r, body: {} } : r)),
  },
];
