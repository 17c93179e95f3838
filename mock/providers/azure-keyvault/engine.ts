import { randomBytes } from 'node:crypto';
import { latest } from './bundle.ts';
import { readImportValue, thumbprint } from './certificate.ts';
import * as E from './errors.ts';
import { importPolicy, keyFacts } from './policy.ts';
import { keyOf, type Certificate, type Deleted, type Vault, type Version } from './vault.ts';

// Key Vault certificate semantics over the two stores, no HTTP. Every operation is one
// synchronous step, so no request ever sees a name in both stores or half moved; each
// starts with the lazy system purge, so moving the clock is all retention needs.

export interface ImportParameters {
  value: string;
  pwd?: string;
  policy?: Record<string, unknown>;
  attributes?: { enabled?: boolean };
  tags?: Record<string, string>;
}

const DAY_S = 86_400;
const unix = (date: string) => Math.floor(Date.parse(date) / 1000);
const softDelete = (v: Vault) => v.options.recoveryLevel.includes('Recoverable');

/** The system purge at the end of the retention interval, applied lazily. */
function expire(v: Vault): void {
  const now = v.clock.nowSeconds();
  for (const [k, d] of v.deleted) if (d.scheduledPurgeDate <= now) v.deleted.delete(k);
}

/** The service shows a deletion in the deleted store only once it has been processed. */
const visible = (v: Vault, d: Deleted) => v.clock.now() >= d.visibleAtMs;

/** Import adds a version (the first one makes the certificate); a deleted name is refused. */
export function importCertificate(v: Vault, name: string, p: ImportParameters): { certificate: Certificate; version: Version } {
  expire(v);
  const k = keyOf(name);
  if (v.deleted.has(k)) throw E.deletedButRecoverable(name);
  const { cert, contentType } = readImportValue(p.value, p.pwd);
  const key = keyFacts(cert);
  if (!key) throw E.badParameter(`Key Vault holds RSA and EC (P-256, P-384, P-521, P-256K) keys only, not ${cert.publicKey.asymmetricKeyType}.`);
  const now = v.clock.nowSeconds();
  const version: Version = {
    version: randomBytes(16).toString('hex'),
    cer: cert.raw.toString('base64'),
    x5t: thumbprint(cert),
    nbf: unix(cert.validFrom),
    exp: unix(cert.validTo),
    created: now,
    updated: now,
    enabled: p.attributes?.enabled ?? true,
    contentType,
    ...(p.tags ? { tags: { ...p.tags } } : {}),
  };
  const existing = v.live.get(k);
  const policy = importPolicy(cert, key, contentType, p.policy, now);
  const certificate: Certificate = existing
    ? { ...existing, versions: [...existing.versions, version], policy }
    : { name, versions: [version], policy };
  v.live.set(k, certificate);
  return { certificate, version };
}

/** The latest version, or the named one. */
export function getCertificate(v: Vault, name: string, version?: string): { certificate: Certificate; version: Version } {
  expire(v);
  const certificate = v.live.get(keyOf(name));
  if (!certificate) throw E.certificateNotFound(name);
  if (version === undefined) return { certificate, version: latest(certificate) };
  const found = certificate.versions.find((x) => x.version === version.toLowerCase());
  if (!found) throw E.certificateVersionNotFound(name, version);
  return { certificate, version: found };
}

export function listCertificates(v: Vault): Certificate[] {
  expire(v);
  return [...v.live.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, c]) => c);
}

/**
 * Moves every version and the policy to the deleted store in a soft-delete vault; removes
 * them for good otherwise (then there is no `deleted` to report).
 */
export function deleteCertificate(v: Vault, name: string): { certificate: Certificate; deleted?: Deleted } {
  expire(v);
  const k = keyOf(name);
  const certificate = v.live.get(k);
  if (!certificate) throw E.certificateNotFound(name);
  if (!softDelete(v)) {
    v.live.delete(k);
    return { certificate };
  }
  const nowMs = v.clock.now();
  const deletedDate = Math.floor(nowMs / 1000);
  const deleted: Deleted = {
    certificate,
    deletedDate,
    scheduledPurgeDate: deletedDate + v.options.retentionDays * DAY_S,
    visibleAtMs: nowMs + v.options.deletedVisibleAfterMs,
  };
  v.live.delete(k);
  v.deleted.set(k, deleted);
  return { certificate, deleted };
}

export function getDeletedCertificate(v: Vault, name: string): Deleted {
  expire(v);
  const d = v.deleted.get(keyOf(name));
  if (!d || !visible(v, d)) throw E.deletedCertificateNotFound(name);
  return d;
}

export function listDeletedCertificates(v: Vault): Deleted[] {
  expire(v);
  return [...v.deleted.entries()]
    .filter(([, d]) => visible(v, d))
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([, d]) => d);
}

/** Moves the certificate back, all versions and policy as they were. */
export function recoverDeletedCertificate(v: Vault, name: string): Certificate {
  expire(v);
  const k = keyOf(name);
  const d = v.deleted.get(k);
  if (!d) throw E.deletedCertificateNotFound(name);
  if (!visible(v, d)) throw E.beingDeleted();
  v.deleted.delete(k);
  v.live.set(k, d.certificate);
  return d.certificate;
}

/**
 * Removes the certificate for good; the name is free again. While the deletion is still being
 * processed nothing is purged: 409 ObjectIsBeingDeleted, as the service answers (recorded at 7.0).
 */
export function purgeDeletedCertificate(v: Vault, name: string): void {
  expire(v);
  const k = keyOf(name);
  const d = v.deleted.get(k);
  if (!d) throw E.deletedCertificateNotFound(name);
  if (!visible(v, d)) throw E.beingDeleted();
  if (!v.options.recoveryLevel.includes('Purgeable')) throw E.purgeNotAllowed(name, v.options.recoveryLevel);
  v.deleted.delete(k);
}
