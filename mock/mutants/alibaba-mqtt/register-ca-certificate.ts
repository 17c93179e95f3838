import { parsePem, serialOf } from '../../providers/alibaba-mqtt/certs.ts';
import type { MqttState } from '../../providers/alibaba-mqtt/state.ts';
import { wrapHandler } from '../apply.ts';
import type { Mutant } from '../mutant.ts';
import { onSuccess } from './reply-edits.ts';

/** RegisterCaCertificate: its answer, the state a new CA starts in, the uniqueness check. */
export const registerCaCertificate: Mutant[] = [
  {
    name: 'alibaba-mqtt/register-answers-empty-sn',
    description: 'a successful registration answers Sn "" (the CA is registered under its real serial)',
    rules: ['ALIMQTT-REG-001'],
    module: (m) => onSuccess(m, 'RegisterCaCertificate', (body) => void (body.Sn = '')),
  },
  {
    name: 'alibaba-mqtt/registered-ca-starts-inactive',
    description: 'a newly registered CA starts inactive (Status "0") instead of active',
    rules: ['ALIMQTT-REG-002', 'ALIMQTT-REG-003'],
    module: (m) =>
      wrapHandler<MqttState>(m, 'RegisterCaCertificate', (next) => async (input, state, ctx) => {
        const reply = await next(input, state, ctx);
        const sn = (reply.body as { Sn?: string } | undefined)?.Sn;
        const ca = sn === undefined ? undefined : state.instances.get(String(input.query.MqttInstanceId))?.cas.get(sn);
        if (ca) ca.status = '0';
        return reply;
      }),
  },
  {
    name: 'alibaba-mqtt/duplicate-sn-replaces',
    description: 'registering a CA whose serial number is already registered replaces it (200) instead of SnNotUnique',
    rules: ['ALIMQTT-REG-004'],
    module: (m) =>
      wrapHandler<MqttState>(m, 'RegisterCaCertificate', (next) => (input, state, ctx) => {
        const cert = parsePem(String(input.query.CaContent ?? ''));
        if (cert) state.instances.get(String(input.query.MqttInstanceId))?.cas.delete(serialOf(cert));
        return next(input, state, ctx);
      }),
  },
];
