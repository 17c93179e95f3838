import fc from 'fast-check';
import { liveDevices, pick, short, type Model, type Real, type Status } from './model.ts';

const OP = { '0': 'InactivateDeviceCertificate', '1': 'ActiveDeviceCertificate' } as const;

/** InactivateDeviceCertificate / ActiveDeviceCertificate of a live device: 200 echoing DeviceSn. */
export class SetDeviceStatus implements fc.AsyncCommand<Model, Real> {
  private resolved: string;
  constructor(private readonly index: number, private readonly status: Status) {
    this.resolved = OP[status];
  }
  check = (m: Readonly<Model>) => liveDevices(m as Model).length > 0;

  async run(m: Model, r: Real): Promise<void> {
    const d = pick(liveDevices(m), this.index)!;
    const ex = await r.api.call(OP[this.status], { query: { MqttInstanceId: r.instance, CaSn: d.caSn, DeviceSn: d.deviceSn } });
    this.resolved = `${OP[this.status]}(DeviceSn=${short(d.deviceSn)}, was ${d.status}) -> ${ex.status}${ex.code ? ` ${ex.code}` : ''}`;
    r.check.outcome('ALIMQTT-STA-004', ex);
    const sn = (ex.body as { DeviceSn?: string }).DeviceSn;
    r.check.that('ALIMQTT-STA-004', sn === d.deviceSn, `DeviceSn ${JSON.stringify(sn)}`, `DeviceSn ${d.deviceSn}`);
    m.cas.get(d.caSn)!.devices.set(d.deviceSn, this.status);
  }

  toString = () => this.resolved;
}

export const setDeviceStatusArb = fc.tuple(fc.nat(), fc.constantFrom<Status>('0', '1')).map(([i, s]) => new SetDeviceStatus(i, s));
