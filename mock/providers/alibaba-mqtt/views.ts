import type { CaRecord, DeviceRecord, MqttState } from './state.ts';

// The wire shapes of official-models.md §3.1: Status and the validity window are strings.

export const caView = (ca: CaRecord) => ({
  CaContent: ca.pem,
  CaName: ca.name,
  RegistrationCode: ca.registrationCode,
  Sn: ca.sn,
  Status: ca.status,
  ValidBegin: String(ca.validBegin),
  ValidEnd: String(ca.validEnd),
  VerificationContent: ca.verificationPem,
});

export const deviceView = (d: DeviceRecord) => ({
  CaSn: d.caSn,
  DeviceContent: d.pem,
  DeviceName: d.name,
  DeviceSn: d.deviceSn,
  Status: d.status,
  ValidBegin: String(d.validBegin),
  ValidEnd: String(d.validEnd),
});

/** One page; PageNo and PageSize arrive as strings (the spec checked their patterns) and leave as integers. */
export function page<T>(items: T[], pageNo: string, pageSize: string) {
  const no = Number(pageNo);
  const size = Number(pageSize);
  return { items: items.slice((no - 1) * size, no * size), PageNo: no, PageSize: size, Total: items.length };
}

/** Plain JSON of the whole state, in the wire spelling, for the control API's GET state. */
export function snapshot(state: MqttState) {
  return {
    instances: [...state.instances.values()].map((i) => ({
      MqttInstanceId: i.id,
      RegisterCode: i.registerCode,
      CaCertificates: [...i.cas.values()].map((ca) => ({ ...caView(ca), DeviceCertificates: [...ca.devices.values()].map(deviceView) })),
    })),
    foreignInstances: [...state.foreign],
    standardInstances: [...state.standard],
  };
}
