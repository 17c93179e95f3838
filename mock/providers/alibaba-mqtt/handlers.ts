import type { Handler, OpInput } from '../../host/types.ts';
import { ok } from './dialect.ts';
import * as engine from './engine.ts';
import type { MqttState } from './state.ts';
import { caView, deviceView, page } from './views.ts';

/** A query parameter the spec has already checked (present when required, a string). */
const q = (input: OpInput, name: string) => String(input.query[name] ?? '');
const id = (input: OpInput) => q(input, 'MqttInstanceId');

/** Thin glue: parameters in, engine call, reply out in the shapes of official-models.md §3.1. */
export const handlers: Record<string, Handler<MqttState>> = {
  GetRegisterCode: (input, state) => ok({ RegisterCode: engine.registerCodeOf(state, id(input)) }),
  RegisterCaCertificate: async (input, state) => {
    const reg = { name: q(input, 'CaName'), caPem: q(input, 'CaContent'), verificationPem: q(input, 'VerificationContent') };
    return ok({ Sn: (await engine.registerCa(state, id(input), reg)).sn });
  },
  GetCaCertificate: (input, state) => ok({ Data: caView(engine.getCa(state, id(input), q(input, 'Sn'))) }),
  ListCaCertificate: (input, state) => {
    const { items, ...rest } = page(engine.listCas(state, id(input)), q(input, 'PageNo'), q(input, 'PageSize'));
    return ok({ Data: { CaCertificateVOS: items.map(caView), ...rest } });
  },
  ActiveCaCertificate: (input, state) => ok({ Sn: engine.setCaStatus(state, id(input), q(input, 'Sn'), '1').sn }),
  InactivateCaCertificate: (input, state) => ok({ Sn: engine.setCaStatus(state, id(input), q(input, 'Sn'), '0').sn }),
  DeleteCaCertificate: (input, state) => ok({ Sn: engine.deleteCa(state, id(input), q(input, 'Sn')).sn }),
  ListDeviceCertificateByCaSn: (input, state) => {
    const all = engine.listDevicesOfCa(state, id(input), q(input, 'CaSn'));
    const { items, ...rest } = page(all, q(input, 'PageNo'), q(input, 'PageSize'));
    return ok({ Data: { DeviceCertificateVOS: items.map(deviceView), ...rest } });
  },
  ListDeviceCertificate: (input, state) => {
    const { items, ...rest } = page(engine.listDevices(state, id(input)), q(input, 'PageNo'), q(input, 'PageSize'));
    return ok({ Data: { DeviceCertificateVOS: items.map(deviceView), ...rest } });
  },
  GetDeviceCertificate: (input, state) => ok({ Data: deviceView(engine.getDevice(state, id(input), q(input, 'CaSn'), q(input, 'DeviceSn'))) }),
  DeleteDeviceCertificate: (input, state) =>
    ok({ DeviceSn: engine.deleteDevice(state, id(input), q(input, 'CaSn'), q(input, 'DeviceSn')).deviceSn }),
  ActiveDeviceCertificate: (input, state) =>
    ok({ DeviceSn: engine.setDeviceStatus(state, id(input), q(input, 'CaSn'), q(input, 'DeviceSn'), '1').deviceSn }),
  InactivateDeviceCertificate: (input, state) =>
    ok({ DeviceSn: engine.setDeviceStatus(state, id(input), q(input, 'CaSn'), q(input, 'DeviceSn'), '0').deviceSn }),
};
