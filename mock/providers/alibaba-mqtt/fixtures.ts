import { randomBytes } from 'node:crypto';
import type { HostContext } from '../../host/types.ts';
import { entries, FixtureError, type FixtureAdapter, type Section } from '../../state/adapter.ts';
import { checkSpec } from '../../state/spec-check.ts';
import { commonName, fingerprintOf, isCa, issuedBy, parsePem, serialOf } from './certs.ts';
import { DEFAULT_INSTANCE_ID, type CaRecord, type Instance, type MqttState, type Status } from './state.ts';

// The alibaba-mqtt section of a state file (mock/state/state.schema.json), in the API's own
// member names: instances with their registration codes, registered CAs, and device
// certificates under the CA that signed them (what a first MQTT connect registers).

interface InstanceEntry {
  MqttInstanceId: string;
  RegisterCode?: string;
}
interface CaEntry {
  MqttInstanceId?: string;
  CaContent: string;
  CaName?: string;
  Sn?: string;
  Status?: string;
  VerificationContent?: string;
  RegistrationCode?: string;
}
interface DeviceEntry {
  MqttInstanceId?: string;
  DeviceContent: string;
  CaSn?: string;
  DeviceSn?: string;
  DeviceName?: string;
  Status?: string;
}

const STATUS = '#/components/schemas/CertificateStatus';

function instanceOf(state: MqttState, id: string | undefined, ptr: string): Instance {
  const instance = state.instances.get(id ?? DEFAULT_INSTANCE_ID);
  if (!instance) throw new FixtureError(`${ptr}/MqttInstanceId`, `no instance ${id} (list it in instances)`);
  return instance;
}

function certificate(pem: string, ptr: string) {
  const cert = parsePem(pem);
  if (!cert) throw new FixtureError(ptr, 'is not a PEM certificate');
  return cert;
}

function sameSerial(given: string | undefined, sn: string, ptr: string): void {
  if (given !== undefined && given !== sn) throw new FixtureError(ptr, `is ${given}, but the certificate's serial number is ${sn}`);
}

async function fill(state: MqttState, section: Section, ctx: HostContext, at: string): Promise<void> {
  const listed = new Set<string>();
  for (const [e, ptr] of entries<InstanceEntry>(section, 'instances', at)) {
    if (state.foreign.has(e.MqttInstanceId)) throw new FixtureError(`${ptr}/MqttInstanceId`, `${e.MqttInstanceId} is the mock's instance of another account (MqttOwnerCheckError)`);
    if (state.standard.has(e.MqttInstanceId)) {
      throw new FixtureError(`${ptr}/MqttInstanceId`, `${e.MqttInstanceId} is the mock's instance below Platinum Edition (no certificate actions)`);
    }
    if (listed.has(e.MqttInstanceId)) throw new FixtureError(`${ptr}/MqttInstanceId`, `instance ${e.MqttInstanceId} is listed twice`);
    listed.add(e.MqttInstanceId);
    // The mock's own instance always exists (createState); the file may give its code.
    const instance = state.instances.get(e.MqttInstanceId) ?? { id: e.MqttInstanceId, registerCode: randomBytes(10).toString('hex'), cas: new Map() };
    if (e.RegisterCode !== undefined) instance.registerCode = e.RegisterCode;
    state.instances.set(instance.id, instance);
  }
  for (const [e, ptr] of entries<CaEntry>(section, 'caCertificates', at)) {
    const instance = instanceOf(state, e.MqttInstanceId, ptr);
    const cert = certificate(e.CaContent, `${ptr}/CaContent`);
    if (!isCa(cert)) throw new FixtureError(`${ptr}/CaContent`, 'is not a CA certificate (basicConstraints cA is not set)');
    const sn = serialOf(cert);
    sameSerial(e.Sn, sn, `${ptr}/Sn`);
    if (instance.cas.has(sn)) throw new FixtureError(ptr, `CA ${sn} is listed twice in instance ${instance.id}`);
    if (e.Status !== undefined) checkSpec(ctx.spec, STATUS, e.Status, `${ptr}/Status`);
    const record: CaRecord = {
      sn,
      name: e.CaName ?? commonName(cert) ?? '',
      pem: e.CaContent,
      verificationPem: e.VerificationContent ?? '',
      registrationCode: e.RegistrationCode ?? instance.registerCode,
      status: (e.Status ?? '1') as Status,
      validBegin: cert.notBefore.getTime(),
      validEnd: cert.notAfter.getTime(),
      cert,
      devices: new Map(),
    };
    instance.cas.set(sn, record);
  }
  for (const [e, ptr] of entries<DeviceEntry>(section, 'deviceCertificates', at)) {
    const instance = instanceOf(state, e.MqttInstanceId, ptr);
    const cert = certificate(e.DeviceContent, `${ptr}/DeviceContent`);
    let ca: CaRecord | undefined;
    if (e.CaSn !== undefined) {
      ca = instance.cas.get(e.CaSn);
      if (!ca) throw new FixtureError(`${ptr}/CaSn`, `no CA ${e.CaSn} in ${at}/caCertificates (instance ${instance.id})`);
      if (!(await issuedBy(cert, ca.cert))) throw new FixtureError(`${ptr}/DeviceContent`, `is not signed by CA ${e.CaSn}`);
    } else {
      for (const c of instance.cas.values()) if (!ca && (await issuedBy(cert, c.cert))) ca = c;
      if (!ca) throw new FixtureError(`${ptr}/DeviceContent`, `no CA in ${at}/caCertificates (instance ${instance.id}) signed it (issuer ${cert.issuer})`);
    }
    const deviceSn = serialOf(cert);
    sameSerial(e.DeviceSn, deviceSn, `${ptr}/DeviceSn`);
    if (ca.devices.has(deviceSn)) throw new FixtureError(ptr, `device certificate ${deviceSn} is listed twice under CA ${ca.sn}`);
    if (e.Status !== undefined) checkSpec(ctx.spec, STATUS, e.Status, `${ptr}/Status`);
    ca.devices.set(deviceSn, {
      caSn: ca.sn,
      deviceSn,
      name: e.DeviceName ?? commonName(cert) ?? cert.subject,
      pem: cert.toString('pem'),
      fingerprint: fingerprintOf(cert),
      status: (e.Status ?? '1') as Status,
      validBegin: cert.notBefore.getTime(),
      validEnd: cert.notAfter.getTime(),
    });
  }
}

function dump(state: MqttState): Section {
  const instances = [...state.instances.values()];
  const cas = instances.flatMap((i) => [...i.cas.values()].map((ca) => ({ i, ca })));
  return {
    instances: instances.map((i) => ({ MqttInstanceId: i.id, RegisterCode: i.registerCode })),
    caCertificates: cas.map(({ i, ca }) => ({
      MqttInstanceId: i.id,
      Sn: ca.sn,
      CaName: ca.name,
      CaContent: ca.pem,
      VerificationContent: ca.verificationPem,
      RegistrationCode: ca.registrationCode,
      Status: ca.status,
    })),
    deviceCertificates: cas.flatMap(({ i, ca }) =>
      [...ca.devices.values()].map((d) => ({ MqttInstanceId: i.id, CaSn: d.caSn, DeviceSn: d.deviceSn, DeviceName: d.name, DeviceContent: d.pem, Status: d.status })),
    ),
  };
}

export const alibabaMqttFixtures: FixtureAdapter<MqttState> = {
  fill,
  dump,
  keys: {
    instances: (e: InstanceEntry) => e.MqttInstanceId,
    caCertificates: (e: CaEntry) => `${e.MqttInstanceId}/${e.Sn}`,
    deviceCertificates: (e: DeviceEntry) => `${e.MqttInstanceId}/${e.CaSn}/${e.DeviceSn}`,
  },
};
