import { ApiError } from '../../host/api-error.ts';
import { ok } from '../../providers/alibaba-mqtt/dialect.ts';
import { mqttOwnerCheckError } from '../../providers/alibaba-mqtt/errors.ts';
import type { Instance, MqttState } from '../../providers/alibaba-mqtt/state.ts';
import { wrapHandler } from '../apply.ts';
import type { Mutant } from '../mutant.ts';
import { onSuccess, withSignByte } from './reply-edits.ts';

const DELETE = 'DeleteCaCertificate';
const isNotFound = (e: unknown) => e instanceof ApiError && e.code === 'FindCaBySnError';
// Serial numbers deleted per instance, for the mutant that answers a second delete with 200.
const deletedSns = new WeakMap<Instance, Set<string>>();

/** DeleteCaCertificate: its answer and what it leaves behind, each broken once. */
export const deleteCaCertificate: Mutant[] = [
  {
    name: 'alibaba-mqtt/delete-echoes-other-sn',
    description: 'a successful delete echoes the Sn with a DER sign byte ("00" + Sn), not the requested Sn',
    rules: ['ALIMQTT-DEL-001'],
    module: (m) => onSuccess(m, DELETE, (body) => void (body.Sn = withSignByte(body.Sn))),
  },
  {
    name: 'alibaba-mqtt/delete-unknown-sn-succeeds',
    description: 'deleting a serial number that is not registered answers 200 echoing it instead of FindCaBySnError',
    rules: ['ALIMQTT-DEL-004', 'ALIMQTT-DEL-005'],
    module: (m) =>
      wrapHandler<MqttState>(m, DELETE, (next) => async (input, state, ctx) => {
        try {
          return await next(input, state, ctx);
        } catch (e) {
          if (isNotFound(e)) return ok({ Sn: String(input.query.Sn) });
          throw e;
        }
      }),
  },
  {
    name: 'alibaba-mqtt/second-delete-succeeds',
    description: 'deleting a serial number that was deleted before answers 200 again (never-registered ones are still FindCaBySnError)',
    rules: ['ALIMQTT-DEL-005'],
    module: (m) =>
      wrapHandler<MqttState>(m, DELETE, (next) => async (input, state, ctx) => {
        const instance = state.instances.get(String(input.query.MqttInstanceId));
        const sn = String(input.query.Sn);
        try {
          const reply = await next(input, state, ctx);
          if (instance) deletedSns.set(instance, (deletedSns.get(instance) ?? new Set()).add(sn));
          return reply;
        } catch (e) {
          if (isNotFound(e) && instance && deletedSns.get(instance)?.has(sn)) return ok({ Sn: sn });
          throw e;
        }
      }),
  },
  {
    name: 'alibaba-mqtt/unknown-instance-is-owner-error',
    description: 'deleting on an instance id that does not exist answers MqttOwnerCheckError instead of MqttInstanceNotFound',
    rules: ['ALIMQTT-DEL-010'],
    module: (m) =>
      wrapHandler<MqttState>(m, DELETE, (next) => (input, state, ctx) => {
        const id = String(input.query.MqttInstanceId);
        if (!state.instances.has(id)) throw mqttOwnerCheckError(id);
        return next(input, state, ctx);
      }),
  },
  {
    name: 'alibaba-mqtt/delete-takes-next-ca',
    description: 'deleting a CA also deletes the CA registered right after it (a splice of two entries)',
    rules: ['ALIMQTT-DEL-012'],
    module: (m) =>
      wrapHandler<MqttState>(m, DELETE, (next) => async (input, state, ctx) => {
        const instance = state.instances.get(String(input.query.MqttInstanceId));
        const order = [...(instance?.cas.keys() ?? [])];
        const following = order[order.indexOf(String(input.query.Sn)) + 1];
        const reply = await next(input, state, ctx);
        if (following !== undefined && order.includes(String(input.query.Sn))) instance!.cas.delete(following);
        return reply;
      }),
  },
  {
    name: 'alibaba-mqtt/delete-answers-empty-request-id',
    description: 'a successful delete answers RequestId "" (still a string, so the schema holds)',
    rules: ['ALIMQTT-FMT-001'],
    module: (m) => onSuccess(m, DELETE, (body) => void (body.RequestId = '')),
  },
  {
    name: 'alibaba-mqtt/delete-success-carries-code',
    description: 'a successful delete answers with a Code member pop-core does not read as success ("0") beside RequestId and Sn',
    rules: ['ALIMQTT-FMT-005'],
    module: (m) => onSuccess(m, DELETE, (body) => void (body.Code = '0')),
  },
];
