import { notFound } from '../../providers/aws-iot/errors.ts';
import type { IotState } from '../../providers/aws-iot/state.ts';
import { mapReplies, wrapHandler } from '../apply.ts';
import type { Mutant } from '../mutant.ts';
import { isApiError } from './helpers.ts';

const policyName = (input: { path: Record<string, unknown> }) => String(input.path.policyName);

/** Policies and things attached to certificates: the attachments' effects and answers, each broken once. */
export const attachments: Mutant[] = [
  {
    name: 'aws-iot/detach-policy-noop',
    description: 'DetachPolicy answers 200 but the policy stays attached (so the certificate never becomes deletable)',
    rules: ['AWSIOT-ATT-001', 'AWSIOT-ATT-005'],
    // Detaching from a target that holds nothing is the engine's documented no-op success.
    module: (m) => wrapHandler<IotState>(m, 'DetachPolicy', (next) => (input, state, ctx) => next({ ...input, body: { target: 'arn:aws:iot:us-east-1:000000000000:cert/none' } }, state, ctx)),
  },
  {
    name: 'aws-iot/detach-principal-policy-noop',
    description: "DetachPrincipalPolicy (the seed's detach) answers 200 but the policy stays attached",
    rules: ['AWSIOT-ATT-001'],
    module: (m) => wrapHandler<IotState>(m, 'DetachPrincipalPolicy', () => () => ({ status: 200 })),
  },
  {
    name: 'aws-iot/delete-attached-policy-allowed',
    description: 'DeletePolicy deletes a policy that is attached to a certificate (dropping the attachments) instead of DeleteConflictException',
    rules: ['AWSIOT-ATT-002'],
    module: (m) =>
      wrapHandler<IotState>(m, 'DeletePolicy', (next) => (input, state, ctx) => {
        if (state.policies.has(policyName(input))) for (const target of state.policyTargets.rightsOf(policyName(input))) state.policyTargets.delete(policyName(input), target);
        return next(input, state, ctx);
      }),
  },
  {
    name: 'aws-iot/attach-unknown-policy-succeeds',
    description: 'AttachPolicy of a policy name that does not exist answers 200 (attaching nothing) instead of ResourceNotFoundException',
    rules: ['AWSIOT-ATT-004'],
    module: (m) =>
      wrapHandler<IotState>(m, 'AttachPolicy', (next) => async (input, state, ctx) => {
        try {
          return await next(input, state, ctx);
        } catch (e) {
          if (isApiError(e, 404) && !state.policies.has(policyName(input))) return { status: 200 };
          throw e;
        }
      }),
  },
  {
    name: 'aws-iot/principal-things-empty',
    description: 'ListPrincipalThings answers an empty list whatever is attached to the certificate',
    rules: ['AWSIOT-ATT-006'],
    module: (m) => mapReplies(m, 'ListPrincipalThings', (r) => (r.status === 200 ? { ...r, body: { things: [] } } : r)),
  },
  {
    name: 'aws-iot/delete-unknown-thing-not-found',
    description: 'DeleteThing of a thing that does not exist answers 404 ResourceNotFoundException instead of 200',
    rules: ['AWSIOT-ATT-007'],
    module: (m) =>
      wrapHandler<IotState>(m, 'DeleteThing', (next) => (input, state, ctx) => {
        if (!state.things.has(String(input.path.thingName))) throw notFound(`The thing ${String(input.path.thingName)} does not exist.`);
        return next(input, state, ctx);
      }),
  },
];
