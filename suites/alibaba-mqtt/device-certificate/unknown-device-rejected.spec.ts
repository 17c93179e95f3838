import { test } from '../../support/fixtures.ts';
import { rules } from '../../support/rules.ts';
import { cleanupCas, mustRegisterCa } from '../support/ca.ts';
import { instanceOf } from '../support/instance.ts';

test('inactivating a device serial number never registered under a CA is FindDeviceBySnError', rules(['ALIMQTT-STA-006']), async ({ api, check, ledger, info }) => {
  // A registered CA, so that only the device is unknown.
  const ca = await mustRegisterCa(api, ledger, info.runId);
  try {
    const ex = await api.call('InactivateDeviceCertificate', { query: { MqttInstanceId: instanceOf(api.target), CaSn: ca.sn, DeviceSn: `ccnodevice${info.runId}` } });
    check.outcome('ALIMQTT-STA-006', ex);
  } finally {
    await cleanupCas(api, ledger, [ca.sn]);
  }
});
