// The suite's reading of Key Vault soft delete (seed DeleteCertificate page, reference §2.3):
// a live store (every name with its versions), a deleted store (recoverable until purged or
// scheduledPurgeDate), and names that were purged (free again). Pure data and transitions;
// commands send requests and call these only after the target answered.

export type CertState = 'absent' | 'live' | 'deleted' | 'purged';

export interface CertEntry {
  state: Exclude<CertState, 'absent'>;
  /** Version ids in import order; the last one is what GetCertificate serves. */
  versions: string[];
  x5t: string;
  /** Set by recover: the live GET may lag behind (reference §2.4, the SDK polls). */
  recovered: boolean;
  /** What the delete returned, which the deleted store must repeat (GET-003, LST-002). */
  deletion?: { recoveryId: unknown; deletedDate: unknown; id: unknown };
}

export interface KvModel {
  /** The names one sequence works on (fresh per sequence, so sequences never meet). */
  readonly names: readonly string[];
  readonly certs: Map<string, CertEntry>;
  /** Learned from the first recoveryLevel seen: does the vault keep deleted certificates? */
  softDelete?: boolean;
}

export const newModel = (names: readonly string[]): KvModel => ({ names, certs: new Map() });

export const stateOf = (m: KvModel, name: string): CertState => m.certs.get(name)?.state ?? 'absent';

/** Import into a live name adds a version; into an absent or purged name starts afresh. */
export function applyImport(m: KvModel, name: string, version: string, x5t: string, softDelete: boolean): void {
  const c = m.certs.get(name);
  m.softDelete ??= softDelete;
  if (c?.state === 'live') m.certs.set(name, { ...c, versions: [...c.versions, version], x5t, recovered: false });
  else m.certs.set(name, { state: 'live', versions: [version], x5t, recovered: false });
}

/** Delete moves every version to the deleted store, or drops it for good without soft delete. */
export function applyDelete(m: KvModel, name: string, deletion: CertEntry['deletion']): void {
  const c = m.certs.get(name);
  if (c?.state !== 'live') throw new Error(`model: delete of ${name} in state ${stateOf(m, name)}`);
  m.certs.set(name, m.softDelete === false ? { ...c, state: 'purged', deletion: undefined } : { ...c, state: 'deleted', deletion });
}

export function applyRecover(m: KvModel, name: string): void {
  const c = m.certs.get(name);
  if (c?.state !== 'deleted') throw new Error(`model: recover of ${name} in state ${stateOf(m, name)}`);
  m.certs.set(name, { ...c, state: 'live', recovered: true, deletion: undefined });
}

export function applyPurge(m: KvModel, name: string): void {
  const c = m.certs.get(name);
  if (c?.state !== 'deleted') throw new Error(`model: purge of ${name} in state ${stateOf(m, name)}`);
  m.certs.set(name, { ...c, state: 'purged', versions: [], deletion: undefined });
}

/** Names in a given state, in the sequence's order (listings and invariants look at these). */
export const namesIn = (m: KvModel, state: CertState): string[] => m.names.filter((n) => stateOf(m, n) === state);

/** `cc-r1ab-m-3f9a0c1d` -> `m-3f9a..`: short enough for a readable shrunk sequence. */
export const short = (name: string) => name.replace(/^cc-[0-9a-zA-Z]+-/, '').slice(0, 8);
