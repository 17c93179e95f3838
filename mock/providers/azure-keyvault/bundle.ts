import type { Certificate, Deleted, Version } from './vault.ts';

// Wire views of the stores. Ids are absolute URLs built from the origin the client used, so
// the same state answers correctly under any host name (the SDK parses every id as a URL).

type Obj = Record<string, unknown>;

const url = (origin: string, ...segments: string[]) => [origin, ...segments.map(encodeURIComponent)].join('/');
export const latest = (c: Certificate): Version => c.versions[c.versions.length - 1]!;

function attributes(v: Version, recoveryLevel: string): Obj {
  const { enabled, nbf, exp, created, updated } = v;
  return { enabled, nbf, exp, created, updated, recoveryLevel };
}

const withTags = (v: Version): Obj => (v.tags ? { tags: { ...v.tags } } : {});

/** CertificateBundle of one version, with the certificate's policy. */
export function certificateBundle(origin: string, c: Certificate, v: Version, recoveryLevel: string): Obj {
  return {
    id: url(origin, 'certificates', c.name, v.version),
    kid: url(origin, 'keys', c.name, v.version),
    sid: url(origin, 'secrets', c.name, v.version),
    x5t: v.x5t,
    cer: v.cer,
    contentType: v.contentType,
    attributes: attributes(v, recoveryLevel),
    ...withTags(v),
    policy: policyView(origin, c),
  };
}

/** CertificatePolicy of a certificate, with its id {vault}/certificates/{name}/policy. */
export const policyView = (origin: string, c: Certificate): Obj => ({ id: url(origin, 'certificates', c.name, 'policy'), ...structuredClone(c.policy) });

/** What the deleted store adds to a bundle or an item. */
const deletion = (origin: string, d: Deleted): Obj => ({
  recoveryId: url(origin, 'deletedcertificates', d.certificate.name),
  deletedDate: d.deletedDate,
  scheduledPurgeDate: d.scheduledPurgeDate,
});

/** DeletedCertificateBundle: the latest version's bundle and when it will be purged. */
export function deletedBundle(origin: string, d: Deleted, recoveryLevel: string): Obj {
  const c = d.certificate;
  return { ...deletion(origin, d), ...certificateBundle(origin, c, latest(c), recoveryLevel) };
}

/** CertificateItem: the name's id without version, and the latest version's metadata. */
export function certificateItem(origin: string, c: Certificate, recoveryLevel: string): Obj {
  const v = latest(c);
  return { id: url(origin, 'certificates', c.name), x5t: v.x5t, attributes: attributes(v, recoveryLevel), ...withTags(v) };
}

export function deletedItem(origin: string, d: Deleted, recoveryLevel: string): Obj {
  return { ...deletion(origin, d), ...certificateItem(origin, d.certificate, recoveryLevel) };
}
