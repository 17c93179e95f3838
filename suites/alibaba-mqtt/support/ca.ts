import type { ApiClient } from '../../support/http/client.ts';
import { randomBytes } from 'node:crypto';
import type { Exchange } from '../../support/http/exchange.ts';
import { selfSigned, verificationCertificate, type GeneratedCert } from '../../support/certs/generate.ts';
import type { KeyAlg } from '../../support/certs/crypto.ts';
import type { Ledger } from '../../support/ledger.ts';
import { preparationFailed } from '../../support/verdict/failure.ts';
import { instanceOf } from './instance.ts';

export const PROVIDER = 'alibaba-mqtt';

/** A CA this run registered: the certificate (to issue devices) and the Sn the target gave it. */
export interface RegisteredCa {
  sn: string;
  name: string;
  cert: GeneratedCert;
  register: Exchange;
}

/** A fresh CA certificate named after the run (the Sn comes from its serial, so each is unique). */
export const newCa = (runId: string, keyAlg: KeyAlg = 'EC-P256') =>
  selfSigned({ subject: [{ CN: [`cc-${runId}-ca-${Math.random().toString(36).slice(2, 8)}`] }], keyAlg });

/**
 * RegisterCaCertificate the documented way: the instance's registration code (GetRegisterCode)
 * becomes the CN of a verification certificate signed by the CA. Returns the raw exchange so
 * callers check it under their own rule; a 200 is recorded in the ledger at once.
 */
export async function registerCa(api: ApiClient, ledger: Ledger, runId: string, cert?: GeneratedCert): Promise<{ ex: Exchange; ca?: RegisteredCa }> {
  const instance = instanceOf(api.target);
  const code = await api.call('GetRegisterCode', { query: { MqttInstanceId: instance } });
  const registerCode = (code.body as { RegisterCode?: string } | undefined)?.RegisterCode;
  if (code.status !== 200 || !registerCode) throw preparationFailed('GetRegisterCode (to register a CA)', code, 200);
  const ca = cert ?? (await newCa(runId));
  const verification = await verificationCertificate(ca, registerCode);
  const name = `cc-${runId}-${ca.serialNumber.slice(0, 8)}`;
  const ex = await api.call('RegisterCaCertificate', {
    query: { MqttInstanceId: instance, CaName: name, CaContent: ca.pem, VerificationContent: verification.pem },
  });
  const sn = (ex.body as { Sn?: string } | undefined)?.Sn;
  if (ex.status !== 200 || !sn) return { ex };
  ledger.created(PROVIDER, 'ca', sn, { instanceId: instance });
  return { ex, ca: { sn, name, cert: ca, register: ex } };
}

/**
 * A serial number nobody registered that looks like one (hex digits, as the seed's example):
 * the seed names no character set, so a target may refuse other characters as invalid.
 */
export const unregisteredSn = () => `00cc${randomBytes(14).toString('hex')}`;

/** Registers or throws: for tests whose subject is not the registration itself. */
export async function mustRegisterCa(api: ApiClient, ledger: Ledger, runId: string): Promise<RegisteredCa> {
  const { ex, ca } = await registerCa(api, ledger, runId);
  if (!ca && (ex.status === 401 || ex.status === 403)) throw preparationFailed('RegisterCaCertificate', ex);
  if (!ca) throw new Error(`RegisterCaCertificate answered ${ex.status} ${ex.code ?? ''} ${ex.text.slice(0, 200)}`);
  return ca;
}

/** DeleteCaCertificate on the caller's instance, recorded in the ledger when it succeeds. */
export async function deleteCa(api: ApiClient, ledger: Ledger, sn: string, label?: string): Promise<Exchange> {
  const ex = await api.call('DeleteCaCertificate', { query: { MqttInstanceId: instanceOf(api.target), Sn: sn } }, { label });
  if (ex.status === 200) ledger.deleted(PROVIDER, 'ca', sn);
  return ex;
}

/** Teardown: delete what is still there; a not-found means an earlier step already did. */
export async function cleanupCas(api: ApiClient, ledger: Ledger, sns: Iterable<string>): Promise<void> {
  for (const sn of sns) {
    const ex = await deleteCa(api, ledger, sn, 'teardown');
    if (ex.code === 'FindCaBySnError') ledger.deleted(PROVIDER, 'ca', sn);
  }
}
