import { commonName, isCa, issuedBy, parsePem, serialOf } from './certs.ts';
import { certificateContentError, registerCodeError, snNotUnique } from './errors.ts';
import { caOf, instanceOf } from './instance.ts';
import type { CaRecord, MqttState, Status } from './state.ts';

export interface CaRegistration {
  name: string;
  caPem: string;
  verificationPem: string;
}

/**
 * RegisterCaCertificate: the CA must be a CA (basicConstraints cA), the verification
 * certificate must be signed by it and name the instance's registration code as its CN.
 * Bad content is CertificateContentError, a wrong code RegisterCodeError, a registered
 * serial SnNotUnique. The new CA is active ("1").
 */
export async function registerCa(state: MqttState, instanceId: string, reg: CaRegistration): Promise<CaRecord> {
  const instance = instanceOf(state, instanceId);
  const cert = parsePem(reg.caPem);
  if (!cert) throw certificateContentError('CaContent is not a PEM certificate');
  if (!isCa(cert)) throw certificateContentError('CaContent is not a CA certificate (basicConstraints cA is not set)');
  const verification = parsePem(reg.verificationPem);
  if (!verification) throw certificateContentError('VerificationContent is not a PEM certificate');
  if (!(await issuedBy(verification, cert))) throw certificateContentError('the verification certificate is not signed by the CA');
  // Everything below runs without an await in between: two concurrent registrations of one
  // CA cannot both pass the uniqueness check.
  if (commonName(verification) !== instance.registerCode) {
    throw registerCodeError('the common name of the verification certificate is not the registration code of the instance');
  }
  const sn = serialOf(cert);
  if (instance.cas.has(sn)) throw snNotUnique(sn);
  const record: CaRecord = {
    sn,
    name: reg.name,
    pem: reg.caPem,
    verificationPem: reg.verificationPem,
    registrationCode: instance.registerCode,
    status: '1',
    validBegin: cert.notBefore.getTime(),
    validEnd: cert.notAfter.getTime(),
    cert,
    devices: new Map(),
  };
  instance.cas.set(sn, record);
  return record;
}

/** GetRegisterCode: one code per instance, the CN every verification certificate must carry. */
export const registerCodeOf = (state: MqttState, instanceId: string) => instanceOf(state, instanceId).registerCode;

export const getCa = (state: MqttState, instanceId: string, sn: string) => caOf(instanceOf(state, instanceId), sn);

/** Registration order, the order a page walk sees. */
export const listCas = (state: MqttState, instanceId: string) => [...instanceOf(state, instanceId).cas.values()];

/** Active/Inactivate: idempotent, no source documents an error for the state it already has. */
export function setCaStatus(state: MqttState, instanceId: string, sn: string, status: Status): CaRecord {
  const ca = getCa(state, instanceId, sn);
  ca.status = status;
  return ca;
}

/** Deletes the CA and with it every device certificate it issued: one map entry, one step. */
export function deleteCa(state: MqttState, instanceId: string, sn: string): CaRecord {
  const instance = instanceOf(state, instanceId);
  const ca = caOf(instance, sn);
  instance.cas.delete(sn);
  return ca;
}
