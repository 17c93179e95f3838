import type { ApiClient } from '../support/http/client.ts';
import type { LedgerEntry } from '../support/ledger.ts';

/**
 * Deletes one ledger entry's resource. A CA: DeleteCaCertificate on the instance it was
 * registered with (its devices go with it, per the docs). A device: DeleteDeviceCertificate
 * under its CA, when the entry names the CA. Not found means already gone.
 */
export async function cleanup(api: ApiClient, entry: LedgerEntry): Promise<'deleted' | 'gone' | string> {
  const instance = entry.extra?.instanceId ?? api.target.credentials.instanceId ?? api.target.mqtt?.instanceId;
  if (!instance) return 'no instance id for this entry (set ALIBABA_MQTT_INSTANCE_ID)';
  if (entry.kind === 'ca') {
    const ex = await api.call('DeleteCaCertificate', { query: { MqttInstanceId: instance, Sn: entry.id } }, { label: 'cleanup', contract: false });
    if (ex.status === 200) return 'deleted';
    if (ex.code === 'FindCaBySnError') return 'gone';
    return `DeleteCaCertificate answered ${ex.status} ${ex.code ?? ''}`.trim();
  }
  if (entry.kind === 'device') {
    const caSn = entry.extra?.caSn;
    if (!caSn) return 'gone'; // enrolled devices are not in the ledger: their CA's delete takes them
    const ex = await api.call('DeleteDeviceCertificate', { query: { MqttInstanceId: instance, CaSn: caSn, DeviceSn: entry.id } }, { label: 'cleanup', contract: false });
    if (ex.status === 200) return 'deleted';
    if (ex.code === 'FindDeviceBySnError' || ex.code === 'FindCaBySnError') return 'gone';
    return `DeleteDeviceCertificate answered ${ex.status} ${ex.code ?? ''}`.trim();
  }
  return `unknown kind '${entry.kind}' for alibaba-mqtt`;
}
