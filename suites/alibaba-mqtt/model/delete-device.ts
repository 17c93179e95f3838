import fc from 'fast-check';
import { deleteDevice, liveDevices, pick, short, type Model, type Real } from './model.ts';

/** DeleteDeviceCertificate of a live device: 200 echoing DeviceSn; its CA stays. */
export class DeleteDevice implements fc.AsyncCommand<Model, Real> {
  private resolved = 'DeleteDeviceCertificate';
  constructor(private readonly index: number) {}
  check = (m: Readonly<Model>) => liveDevices(m as Model).length > 0;

  async run(m: Model, r: Real): Promise<void> {
    const d = pick(liveDevices(m), this.index)!;
    const ex = await r.api.call('DeleteDeviceCertificate', { query: { MqttInstanceId: r.instance, CaSn: d.caSn, DeviceSn: d.deviceSn } });
    this.resolved = `DeleteDeviceCertificate(CaSn=${short(d.caSn)}, DeviceSn=${short(d.deviceSn)}) -> ${ex.status}${ex.code ? ` ${ex.code}` : ''}`;
    r.check.outcome('ALIMQTT-DEV-006', ex);
    const sn = (ex.body as { DeviceSn?: string }).DeviceSn;
    r.check.that('ALIMQTT-DEV-006', sn === d.deviceSn, `DeviceSn ${JSON.stringify(sn)}`, `DeviceSn ${d.deviceSn}`);
    deleteDevice(m, d.caSn, d.deviceSn);
  }

  toString = () => this.resolved;
}

export const deleteDeviceArb = fc.nat().map((i) => new DeleteDevice(i));
