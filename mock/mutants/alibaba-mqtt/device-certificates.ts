import { ApiError } from '../../host/api-error.ts';
import { ok } from '../../providers/alibaba-mqtt/dialect.ts';
import { enrolDevice } from '../../providers/alibaba-mqtt/engine.ts';
import type { MqttState } from '../../providers/alibaba-mqtt/state.ts';
import { wrapHandler } from '../apply.ts';
import type { Mutant } from '../mutant.ts';
import { onSuccess } from './reply-edits.ts';

type Q = Record<string, unknown>;
const ids = (q: Q) => ({ instanceId: String(q.MqttInstanceId), caSn: String(q.CaSn), deviceSn: String(q.DeviceSn) });

/** Device certificates: the cascade's limits, the device actions' answers and effects. */
export const deviceCertificates: Mutant[] = [
  {
    name: 'alibaba-mqtt/ca-delete-clears-every-device',
    description: 'deleting one CA deletes the device certificates of every CA of the instance (filtered by instance, not by CaSn)',
    rules: ['ALIMQTT-DEV-004'],
    module: (m) =>
      wrapHandler<MqttState>(m, 'DeleteCaCertificate', (next) => async (input, state, ctx) => {
        const reply = await next(input, state, ctx);
        for (const ca of state.instances.get(String(input.query.MqttInstanceId))?.cas.values() ?? []) ca.devices.clear();
        return reply;
      }),
  },
  {
    name: 'alibaba-mqtt/device-delete-takes-its-ca',
    description: 'deleting a device certificate also deletes its issuing CA (the cascade run the wrong way)',
    rules: ['ALIMQTT-DEV-005'],
    module: (m) =>
      wrapHandler<MqttState>(m, 'DeleteDeviceCertificate', (next) => async (input, state, ctx) => {
        const reply = await next(input, state, ctx);
        const { instanceId, caSn } = ids(input.query);
        state.instances.get(instanceId)?.cas.delete(caSn);
        return reply;
      }),
  },
  {
    name: 'alibaba-mqtt/device-delete-keeps-device',
    description: 'DeleteDeviceCertificate answers 200 echoing DeviceSn but the device certificate stays registered',
    rules: ['ALIMQTT-DEV-006'],
    module: (m) =>
      wrapHandler<MqttState>(m, 'DeleteDeviceCertificate', (next) => async (input, state, ctx) => {
        const { instanceId, caSn, deviceSn } = ids(input.query);
        const ca = state.instances.get(instanceId)?.cas.get(caSn);
        const device = ca?.devices.get(deviceSn);
        const reply = await next(input, state, ctx);
        if (device) ca!.devices.set(deviceSn, device);
        return reply;
      }),
  },
  {
    name: 'alibaba-mqtt/verification-certificate-enrolled',
    description: 'RegisterCaCertificate also registers the verification certificate as a device of the new CA',
    rules: ['ALIMQTT-DEV-007'],
    module: (m) =>
      wrapHandler<MqttState>(m, 'RegisterCaCertificate', (next) => async (input, state, ctx) => {
        const reply = await next(input, state, ctx);
        await enrolDevice(state, String(input.query.MqttInstanceId), String(input.query.VerificationContent)).catch(() => undefined);
        return reply;
      }),
  },
  {
    name: 'alibaba-mqtt/device-list-ignores-ca-sn',
    description: 'ListDeviceCertificateByCaSn checks that the CA exists, then lists the devices of every CA of the instance',
    rules: ['ALIMQTT-LST-004'],
    module: (m) => {
      const all = m.handlers.ListDeviceCertificate!;
      wrapHandler<MqttState>(m, 'ListDeviceCertificateByCaSn', (next) => async (input, state, ctx) => {
        await next(input, state, ctx); // FindCaBySnError for an unknown CaSn, as documented
        return all(input, state, ctx);
      });
    },
  },
  {
    name: 'alibaba-mqtt/device-status-echoes-ca-sn',
    description: 'InactivateDeviceCertificate and ActiveDeviceCertificate echo the CaSn in DeviceSn',
    rules: ['ALIMQTT-STA-004'],
    module: (m) => {
      for (const op of ['InactivateDeviceCertificate', 'ActiveDeviceCertificate']) {
        onSuccess(m, op, (body, input) => void (body.DeviceSn = String(input.query.CaSn)));
      }
    },
  },
  {
    name: 'alibaba-mqtt/inactivate-device-activates',
    description: 'InactivateDeviceCertificate runs the activation: the device certificate stays Status "1"',
    rules: ['ALIMQTT-STA-005'],
    module: (m) => void (m.handlers.InactivateDeviceCertificate = m.handlers.ActiveDeviceCertificate!),
  },
  {
    name: 'alibaba-mqtt/inactivate-unknown-device-succeeds',
    description: 'inactivating a device serial number not registered under the CA answers 200 echoing it instead of FindDeviceBySnError',
    rules: ['ALIMQTT-STA-006'],
    module: (m) =>
      wrapHandler<MqttState>(m, 'InactivateDeviceCertificate', (next) => async (input, state, ctx) => {
        try {
          return await next(input, state, ctx);
        } catch (e) {
          if (e instanceof ApiError && e.code === 'FindDeviceBySnError') return ok({ DeviceSn: ids(input.query).deviceSn });
          throw e;
        }
      }),
  },
];
