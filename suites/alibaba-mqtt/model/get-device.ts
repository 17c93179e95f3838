import fc from 'fast-check';
import { liveDevices, pick, short, type Model, type Real, type Status } from './model.ts';

type Known = { caSn: string; deviceSn: string; status?: Status };

/**
 * GetDeviceCertificate of a device the sequence knows: a live one answers 200 with the model's
 * status; one deleted with its CA is not found (the cascade, DEV-003).
 */
export class GetDevice implements fc.AsyncCommand<Model, Real> {
  private resolved = 'GetDeviceCertificate';
  constructor(private readonly index: number) {}
  private known = (m: Model): Known[] => [...liveDevices(m), ...[...m.deletedCas].flatMap(([caSn, ds]) => ds.map((deviceSn) => ({ caSn, deviceSn })))];
  check = (m: Readonly<Model>) => this.known(m as Model).length > 0;

  async run(m: Model, r: Real): Promise<void> {
    const d = pick(this.known(m), this.index)!;
    const ex = await r.api.call('GetDeviceCertificate', { query: { MqttInstanceId: r.instance, CaSn: d.caSn, DeviceSn: d.deviceSn } });
    const data = (ex.body as { Data?: { DeviceSn?: string; CaSn?: string; Status?: string } } | undefined)?.Data;
    this.resolved = `GetDeviceCertificate(DeviceSn=${short(d.deviceSn)}, ${d.status ? `live ${d.status}` : 'CA deleted'}) -> ${ex.status}${ex.code ? ` ${ex.code}` : ''}`;
    if (!d.status) return r.check.outcome('ALIMQTT-DEV-003', ex);
    r.check.outcome('ALIMQTT-STA-005', ex, [{ status: 200 }]);
    r.check.that('ALIMQTT-STA-005', data?.DeviceSn === d.deviceSn && data?.CaSn === d.caSn && data?.Status === d.status, JSON.stringify(data).slice(0, 200), `DeviceSn ${d.deviceSn}, CaSn ${d.caSn}, Status "${d.status}"`);
  }

  toString = () => this.resolved;
}

export const getDeviceArb = fc.nat().map((i) => new GetDevice(i));
