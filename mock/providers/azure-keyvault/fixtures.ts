import { randomBytes, X509Certificate } from 'node:crypto';
import type { HostContext } from '../../host/types.ts';
import { atEntry, entries, FixtureError, type FixtureAdapter, type Section } from '../../state/adapter.ts';
import { checkSpec } from '../../state/spec-check.ts';
import { readImportValue, thumbprint } from './certificate.ts';
import { importPolicy, keyFacts } from './policy.ts';
import { selfSignedFromPolicy } from './self-signed.ts';
import { keyOf, type Certificate, type Vault, type Version } from './vault.ts';

// The azure-keyvault section of a state file (mock/state/state.schema.json): live
// certificates and the soft-delete store. A version is read as ImportCertificate reads its
// value (or from the DER the mock wrote); the policy is derived from the latest version as
// an import derives it, under what the file states.

interface VersionEntry {
  version?: string;
  value?: string;
  pwd?: string;
  cer?: string;
  contentType?: string;
  attributes?: { enabled?: boolean; created?: number; updated?: number };
  tags?: Record<string, string>;
}
interface CertificateEntry {
  name: string;
  versions?: VersionEntry[];
  policy?: Record<string, any>;
}
interface DeletedEntry extends CertificateEntry {
  deletedDate?: number;
  scheduledPurgeDate?: number;
  visibleAtMs?: number;
}

const DAY_S = 86_400;
const S = '#/components/schemas';
const unix = (date: string) => Math.floor(Date.parse(date) / 1000);

function versionOf(e: VersionEntry, ctx: HostContext, ptr: string): { version: Version; cert: X509Certificate } {
  const read = e.value !== undefined ? readImportValue(e.value, e.pwd) : { cert: new X509Certificate(Buffer.from(e.cer!, 'base64')), contentType: 'application/x-pkcs12' };
  const { cert } = read;
  if (!keyFacts(cert)) throw new FixtureError(ptr, `Key Vault holds RSA and EC (P-256, P-384, P-521, P-256K) keys only, not ${cert.publicKey.asymmetricKeyType}`);
  if (e.contentType !== undefined) checkSpec(ctx.spec, `${S}/SecretProperties/properties/contentType`, e.contentType, `${ptr}/contentType`);
  if (e.tags) checkSpec(ctx.spec, `${S}/Tags`, e.tags, `${ptr}/tags`);
  const created = e.attributes?.created ?? ctx.clock.nowSeconds();
  const version: Version = {
    version: e.version ?? randomBytes(16).toString('hex'),
    cer: cert.raw.toString('base64'),
    x5t: thumbprint(cert),
    nbf: unix(cert.validFrom),
    exp: unix(cert.validTo),
    created,
    updated: e.attributes?.updated ?? created,
    enabled: e.attributes?.enabled ?? true,
    contentType: e.contentType ?? read.contentType,
    ...(e.tags ? { tags: { ...e.tags } } : {}),
  };
  return { version, cert };
}

async function certificateOf(e: CertificateEntry, ctx: HostContext, ptr: string): Promise<Certificate> {
  checkSpec(ctx.spec, '#/components/parameters/NewCertificateName/schema', e.name, `${ptr}/name`);
  if (e.policy) checkSpec(ctx.spec, `${S}/CertificatePolicy`, e.policy, `${ptr}/policy`);
  let list = e.versions;
  if (!list) {
    if (e.policy?.issuer?.name !== 'Self') throw new FixtureError(ptr, 'has no versions: give versions, or a policy whose issuer name is Self to generate one');
    const cert = await atEntry(`${ptr}/policy`, () => selfSignedFromPolicy(e.name, e.policy!, ctx.clock.now()));
    list = [{ cer: cert.raw.toString('base64'), contentType: e.policy.secret_props?.contentType }];
  }
  const read = await Promise.all(list.map((v, i) => atEntry(`${ptr}/versions/${i}`, () => versionOf(v, ctx, `${ptr}/versions/${i}`))));
  const ids = read.map((r) => r.version.version);
  const twice = ids.findIndex((id, i) => ids.indexOf(id) !== i);
  if (twice >= 0) throw new FixtureError(`${ptr}/versions/${twice}/version`, `version ${ids[twice]} is listed twice`);
  const { version: last, cert } = read.at(-1)!;
  const policy = importPolicy(cert, keyFacts(cert)!, last.contentType, e.policy, ctx.clock.nowSeconds());
  policy.attributes = { ...(policy.attributes as object), ...e.policy?.attributes }; // the file's dates, when it has them
  return { name: e.name, versions: read.map((r) => r.version), policy };
}

async function fill(v: Vault, section: Section, ctx: HostContext, at: string): Promise<void> {
  const taken = new Map<string, string>();
  const claim = (name: string, ptr: string) => {
    if (taken.has(keyOf(name))) throw new FixtureError(`${ptr}/name`, `certificate ${name} is already at ${taken.get(keyOf(name))} (names are case-insensitive)`);
    taken.set(keyOf(name), ptr);
  };
  for (const [e, ptr] of entries<CertificateEntry>(section, 'certificates', at)) {
    claim(e.name, ptr);
    v.live.set(keyOf(e.name), await certificateOf(e, ctx, ptr));
  }
  for (const [e, ptr] of entries<DeletedEntry>(section, 'deleted', at)) {
    claim(e.name, ptr);
    const deletedDate = e.deletedDate ?? ctx.clock.nowSeconds();
    const scheduledPurgeDate = e.scheduledPurgeDate ?? deletedDate + v.options.retentionDays * DAY_S;
    v.deleted.set(keyOf(e.name), { certificate: await certificateOf(e, ctx, ptr), deletedDate, scheduledPurgeDate, visibleAtMs: e.visibleAtMs ?? 0 });
  }
}

const versionEntry = (x: Version): VersionEntry => ({
  version: x.version,
  cer: x.cer,
  contentType: x.contentType,
  attributes: { enabled: x.enabled, created: x.created, updated: x.updated },
  ...(x.tags ? { tags: { ...x.tags } } : {}),
});
const certificateEntry = (c: Certificate): CertificateEntry => ({ name: c.name, versions: c.versions.map(versionEntry), policy: structuredClone(c.policy) });

function dump(v: Vault): Section {
  return {
    certificates: [...v.live.values()].map(certificateEntry),
    deleted: [...v.deleted.values()].map((d) => ({ ...certificateEntry(d.certificate), deletedDate: d.deletedDate, scheduledPurgeDate: d.scheduledPurgeDate, visibleAtMs: d.visibleAtMs })),
  };
}

export const azureKeyVaultFixtures: FixtureAdapter<Vault> = {
  fill,
  dump,
  keys: { certificates: (e: CertificateEntry) => keyOf(e.name), deleted: (e: DeletedEntry) => keyOf(e.name) },
};
