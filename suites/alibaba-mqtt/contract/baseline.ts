import { verificationCertificate } from '../../support/certs/generate.ts';
import type { ApiClient } from '../../support/http/client.ts';
import type { CallInput } from '../../support/http/wire.ts';
import type { NegativeCase } from '../../support/negative/cases.ts';
import { newCa } from '../support/ca.ts';
import { instanceOf } from '../support/instance.ts';

/**
 * A valid request for each operation, touching nothing that exists (serial numbers nobody
 * registered), except RegisterCaCertificate: its baseline is a real registration, so that the
 * one broken parameter is the only thing wrong with it.
 */
export async function baseline(api: ApiClient, operationId: string, runId: string): Promise<CallInput> {
  const instance = instanceOf(api.target);
  if (operationId === 'RegisterCaCertificate') {
    const code = (await api.call('GetRegisterCode', { query: { MqttInstanceId: instance } })).body as { RegisterCode?: string };
    const ca = await newCa(runId);
    const verification = await verificationCertificate(ca, code.RegisterCode ?? '');
    return { query: { MqttInstanceId: instance, CaName: `cc-${runId}-neg`, CaContent: ca.pem, VerificationContent: verification.pem } };
  }
  const op = api.spec.operations.get(operationId)!;
  const values: Record<string, string> = { MqttInstanceId: instance, Sn: `ccneg${runId}`, CaSn: `ccneg${runId}`, DeviceSn: `ccnegdev${runId}`, PageNo: '1', PageSize: '10' };
  const query: Record<string, string> = {};
  for (const p of op.parameters) {
    const v = values[p.name];
    if (p.required && v !== undefined) query[p.name] = v;
  }
  return { query };
}

/** The catalog rule that covers a case, where one does; else the generic SPEC-002. */
export function ruleFor(operationId: string, c: NegativeCase): string {
  const length = c.constraint === 'maxLength' || c.constraint === 'x-maxBytes';
  if (operationId === 'DeleteCaCertificate' && c.name === 'Sn' && c.constraint === 'maxLength') return 'ALIMQTT-DEL-006';
  if (operationId === 'DeleteCaCertificate' && c.name === 'Sn' && c.constraint === 'x-maxBytes') return 'ALIMQTT-DEL-007';
  if (operationId === 'DeleteCaCertificate' && c.constraint === 'required') return 'ALIMQTT-DEL-009';
  if (operationId === 'GetDeviceCertificate' && length) return 'ALIMQTT-GET-002';
  if (operationId === 'RegisterCaCertificate' && c.constraint === 'required' && c.name !== 'MqttInstanceId') return 'ALIMQTT-REG-005';
  return 'ALIMQTT-SPEC-002';
}
