import type { ApiClient } from '../../support/http/client.ts';
import type { Exchange } from '../../support/http/exchange.ts';
import { instanceOf } from './instance.ts';

export interface CaEntry { Sn: string; CaName?: string; Status?: string }
export interface DeviceEntry { CaSn: string; DeviceSn: string; Status?: string }
interface Page<T> { Data?: { PageNo?: number; PageSize?: number; Total?: number } & Record<string, T[] | number | undefined> }

/** Every page of one listing, and whether Total held still while walking (no concurrent change). */
export interface Walk<T> { entries: T[]; pages: Exchange[]; stable: boolean; failed?: Exchange }

const MAX_PAGES = 50;
const ATTEMPTS = 4;

async function walkOnce<T>(api: ApiClient, op: string, key: string, query: Record<string, string>, pageSize: number, contract: boolean): Promise<Walk<T>> {
  const out: Walk<T> = { entries: [], pages: [], stable: true };
  let total: number | undefined;
  for (let no = 1; no <= MAX_PAGES; no++) {
    const ex = await api.call(op, { query: { ...query, PageNo: String(no), PageSize: String(pageSize) } }, { label: `${op}(page ${no})`, contract });
    if (ex.status !== 200) return { ...out, failed: ex };
    out.pages.push(ex);
    const data = (ex.body as Page<T>).Data ?? {};
    const items = (data[key] as T[] | undefined) ?? [];
    out.entries.push(...items);
    if (total !== undefined && data.Total !== total) out.stable = false;
    total = data.Total as number | undefined;
    if (items.length < pageSize || (total !== undefined && no * pageSize >= total)) break;
  }
  return out;
}

/**
 * Walks a paged listing. Other tests share the instance, so entries can move between pages
 * while we walk: a walk whose Total changed is repeated (bounded) before anyone draws a
 * conclusion from what it did not see.
 */
async function walk<T>(api: ApiClient, op: string, key: string, query: Record<string, string>, pageSize: number, contract = true): Promise<Walk<T>> {
  let last: Walk<T> | undefined;
  for (let i = 0; i < ATTEMPTS; i++) {
    last = await walkOnce<T>(api, op, key, query, pageSize, contract);
    if (last.failed || last.stable) return last;
  }
  return last!;
}

/** `contract: false` only for re-reads whose exchanges the same run checks elsewhere (cost). */
export const listCas = (api: ApiClient, pageSize = 100, contract = true) =>
  walk<CaEntry>(api, 'ListCaCertificate', 'CaCertificateVOS', { MqttInstanceId: instanceOf(api.target) }, pageSize, contract);

export const listDevices = (api: ApiClient, pageSize = 100, contract = true) =>
  walk<DeviceEntry>(api, 'ListDeviceCertificate', 'DeviceCertificateVOS', { MqttInstanceId: instanceOf(api.target) }, pageSize, contract);

export const listDevicesByCa = (api: ApiClient, caSn: string, pageSize = 100) =>
  walk<DeviceEntry>(api, 'ListDeviceCertificateByCaSn', 'DeviceCertificateVOS', { MqttInstanceId: instanceOf(api.target), CaSn: caSn }, pageSize);
