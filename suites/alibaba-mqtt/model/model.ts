import type { GeneratedCert } from '../../support/certs/generate.ts';
import type { Checker } from '../../support/checks/checker.ts';
import type { ApiClient } from '../../support/http/client.ts';
import type { Ledger } from '../../support/ledger.ts';

/**
 * The suite's reading of the docs (official-models.md §3, the DeleteCaCertificate seed): CAs
 * registered with one instance, each active ("1") or inactive ("0") and holding the device
 * certificates the broker registered for it. Deleting a CA deletes its devices with it.
 */
export type Status = '0' | '1';

export interface CaState {
  sn: string;
  name: string;
  status: Status;
  /** DeviceSn -> status. */
  devices: Map<string, Status>;
}

export interface Model {
  cas: Map<string, CaState>;
  /** Deleted CA Sn -> the DeviceSns that went with it (the cascade). */
  deletedCas: Map<string, string[]>;
  /** Devices deleted one by one: DeviceSn -> CaSn. */
  deletedDevices: Map<string, string>;
}

/** What commands act on: the target and the test's checker, ledger and run id. */
export interface Real {
  api: ApiClient;
  check: Checker;
  ledger: Ledger;
  runId: string;
  instance: string;
  /** Every Sn this sequence registered (teardown deletes what is left). */
  created: Set<string>;
  /** The CA certificates, to issue more devices from. */
  certs: Map<string, GeneratedCert>;
}

export const emptyModel = (): Model => ({ cas: new Map(), deletedCas: new Map(), deletedDevices: new Map() });

export function addCa(m: Model, sn: string, name: string): void {
  m.cas.set(sn, { sn, name, status: '1', devices: new Map() });
}

export function addDevice(m: Model, caSn: string, deviceSn: string): void {
  m.cas.get(caSn)?.devices.set(deviceSn, '1');
}

/** DeleteCaCertificate succeeded: the CA and, with it, all its device certificates are gone. */
export function deleteCa(m: Model, sn: string): void {
  const ca = m.cas.get(sn);
  if (!ca) return;
  m.cas.delete(sn);
  m.deletedCas.set(sn, [...ca.devices.keys()]);
}

export function deleteDevice(m: Model, caSn: string, deviceSn: string): void {
  if (m.cas.get(caSn)?.devices.delete(deviceSn)) m.deletedDevices.set(deviceSn, caSn);
}

export const liveCas = (m: Model): CaState[] => [...m.cas.values()];
export const liveDevices = (m: Model): { caSn: string; deviceSn: string; status: Status }[] =>
  liveCas(m).flatMap((ca) => [...ca.devices].map(([deviceSn, status]) => ({ caSn: ca.sn, deviceSn, status })));

/** Resolves a generated index against what exists when the command runs (shrinks well). */
export const pick = <T>(items: T[], index: number): T | undefined => (items.length ? items[index % items.length] : undefined);

export const short = (sn: string) => (sn.length > 10 ? `${sn.slice(0, 8)}..` : sn);
