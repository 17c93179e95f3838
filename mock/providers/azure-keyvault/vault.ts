import type { Clock } from '../../host/clock.ts';
import { get } from '../../../lib/spec/pointer.ts';
import { spec } from './spec.ts';

/** One version of a certificate: what the import produced, in wire units (unix seconds, base64). */
export interface Version {
  version: string;
  cer: string;
  x5t: string;
  nbf: number;
  exp: number;
  created: number;
  updated: number;
  enabled: boolean;
  contentType: string;
  tags?: Record<string, string>;
}

/** A certificate name with all its versions (latest last) and its policy (without its id). */
export interface Certificate {
  name: string;
  versions: Version[];
  policy: Record<string, unknown>;
}

/** A certificate in the soft-delete store, moved there whole by DeleteCertificate. */
export interface Deleted {
  certificate: Certificate;
  deletedDate: number;
  scheduledPurgeDate: number;
  /** Clock time (ms) from which the deleted store shows it: the service's processing delay. */
  visibleAtMs: number;
}

export interface VaultOptions {
  /** Tenant named in the 401 challenge. */
  tenantId: string;
  /** One of the 7.0 DeletionRecoveryLevel values; Recoverable* turns soft delete on. */
  recoveryLevel: string;
  /** Soft-delete retention, 7..90 days (default 90); under 90 the level reads CustomizedRecoverable*. */
  retentionDays: number;
  /** How long after a delete GetDeletedCertificate still answers 404 (default 0). */
  deletedVisibleAfterMs: number;
}

export const DEFAULT_OPTIONS: VaultOptions = {
  tenantId: '00000000-0000-0000-0000-000000000000',
  recoveryLevel: 'Recoverable+Purgeable',
  retentionDays: 90,
  deletedVisibleAfterMs: 0,
};

/**
 * Two stores keyed by lower-cased name (Key Vault object names are case-insensitive): live
 * certificates and deleted ones. A certificate is in at most one of them at any time.
 */
export interface Vault {
  live: Map<string, Certificate>;
  deleted: Map<string, Deleted>;
  options: VaultOptions;
  clock: Clock;
}

export const keyOf = (name: string) => name.toLowerCase();

const LEVEL_AT = '#/components/schemas/CertificateAttributes/properties/recoveryLevel';

/**
 * The recovery level the vault reports: a soft-delete vault whose retention is not the default
 * 90 days reports the CustomizedRecoverable* form (later api-versions' names, which real 7.0
 * vaults answer with too: specs/recordings/azure-keyvault/).
 */
export function reportedLevel(o: VaultOptions): string {
  const customize = o.retentionDays !== 90 && o.recoveryLevel.startsWith('Recoverable');
  return customize ? `Customized${o.recoveryLevel}` : o.recoveryLevel;
}

export function createVault(clock: Clock, options: Partial<VaultOptions> = {}): Vault {
  const o = { ...DEFAULT_OPTIONS, ...options };
  if (!Number.isInteger(o.retentionDays) || o.retentionDays < 7 || o.retentionDays > 90) {
    throw new RangeError(`retentionDays must be an integer in 7..90, got ${o.retentionDays}`);
  }
  const known = (get(spec().doc, `${LEVEL_AT}/x-extensible-enum`) ?? []) as string[];
  if (!known.includes(o.recoveryLevel)) throw new RangeError(`recoveryLevel ${o.recoveryLevel}: not one of ${known.join(', ')}`);
  if (!(o.deletedVisibleAfterMs >= 0)) throw new RangeError(`deletedVisibleAfterMs must be >= 0, got ${o.deletedVisibleAfterMs}`);
  return { live: new Map(), deleted: new Map(), options: o, clock };
}

/** Plain JSON of both stores and the options, for a control API and for debugging. */
export function snapshot(vault: Vault) {
  return structuredClone({
    options: vault.options,
    certificates: [...vault.live.values()],
    deletedCertificates: [...vault.deleted.values()],
  });
}

/** Empties both stores (the clock is the host's to reset). */
export function reset(vault: Vault): void {
  vault.live.clear();
  vault.deleted.clear();
}
