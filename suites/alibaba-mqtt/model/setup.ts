import type { Checker } from '../../support/checks/checker.ts';
import type { ApiClient } from '../../support/http/client.ts';
import type { Ledger } from '../../support/ledger.ts';
import { cleanupCas, mustRegisterCa } from '../support/ca.ts';
import { enrolDevices } from '../support/enrol.ts';
import { instanceOf } from '../support/instance.ts';
import { addCa, addDevice, emptyModel, type Model, type Real } from './model.ts';

/** Devices enrolled per CA in setup: enrolment is a TLS handshake, so few, up front, in parallel. */
export const DEVICES_PER_CA = [2, 1];

/** A fresh sequence: two CAs of its own, with devices enrolled over MQTT when there is a broker. */
export async function setup(api: ApiClient, check: Checker, ledger: Ledger, runId: string): Promise<{ model: Model; real: Real }> {
  const model = emptyModel();
  const real: Real = { api, check, ledger, runId, instance: instanceOf(api.target), created: new Set(), certs: new Map() };
  const cas = await Promise.all(DEVICES_PER_CA.map(() => mustRegisterCa(api, ledger, runId)));
  for (const ca of cas) {
    real.created.add(ca.sn);
    real.certs.set(ca.sn, ca.cert);
    addCa(model, ca.sn, ca.name);
  }
  if (!api.target.mqtt) return { model, real };
  const enrolled = await Promise.all(cas.map((ca, i) => enrolDevices(api, ca, DEVICES_PER_CA[i] ?? 1)));
  for (const d of enrolled.flat()) addDevice(model, d.caSn, d.deviceSn);
  return { model, real };
}

export const teardown = (real: Real) => cleanupCas(real.api, real.ledger, real.created);
