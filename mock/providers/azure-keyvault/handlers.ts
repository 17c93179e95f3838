import type { Handler, OpInput, Reply } from '../../host/types.ts';
import { certificateBundle, certificateItem, deletedBundle, deletedItem, latest, policyView } from './bundle.ts';
import * as engine from './engine.ts';
import { decodeSkiptoken, nextLink, pageAfter, SKIPTOKEN } from './paging.ts';
import { maxPageSize, success } from './spec.ts';
import { keyOf, reportedLevel, type Vault } from './vault.ts';

// Validated input -> engine -> wire view. Statuses (200, purge's bodiless 204) are the spec's.

const name = (i: OpInput) => String(i.path['certificate-name']);
const origin = (i: OpInput) => i.wire.origin;
const level = (v: Vault) => reportedLevel(v.options);

function ok(i: OpInput, body?: unknown): Reply {
  const { status, hasBody } = success(i.op);
  return { status, body: hasBody ? body : undefined };
}

/** One page of a listing: `maxresults` (spec maximum when absent) items after the skiptoken. */
function page<T>(i: OpInput, sorted: T[], key: (t: T) => string, view: (t: T) => unknown): Reply {
  const size = (i.query.maxresults as number | undefined) ?? maxPageSize(i.op.operationId);
  const token = i.wire.query.get(SKIPTOKEN);
  const { items, next } = pageAfter(sorted, key, token === null ? undefined : decodeSkiptoken(token), size);
  const link = next === undefined ? null : nextLink(origin(i), i.op.path, String(i.query['api-version']), next, size);
  return ok(i, { value: items.map(view), nextLink: link });
}

export const handlers: Record<string, Handler<Vault>> = {
  ImportCertificate(i, v) {
    const { certificate, version } = engine.importCertificate(v, name(i), i.body as engine.ImportParameters);
    return ok(i, certificateBundle(origin(i), certificate, version, level(v)));
  },
  GetCertificate(i, v) {
    const { certificate, version } = engine.getCertificate(v, name(i));
    return ok(i, certificateBundle(origin(i), certificate, version, level(v)));
  },
  GetCertificateVersion(i, v) {
    const { certificate, version } = engine.getCertificate(v, name(i), String(i.path['certificate-version']));
    return ok(i, certificateBundle(origin(i), certificate, version, level(v)));
  },
  /** The live certificate's policy: a deleted name's policy went with it (seed). */
  GetCertificatePolicy(i, v) {
    return ok(i, policyView(origin(i), engine.getCertificate(v, name(i)).certificate));
  },
  GetCertificates(i, v) {
    return page(i, engine.listCertificates(v), (c) => keyOf(c.name), (c) => certificateItem(origin(i), c, level(v)));
  },
  DeleteCertificate(i, v) {
    const { certificate, deleted } = engine.deleteCertificate(v, name(i));
    const body = deleted
      ? deletedBundle(origin(i), deleted, level(v))
      : certificateBundle(origin(i), certificate, latest(certificate), level(v));
    return ok(i, body);
  },
  GetDeletedCertificate(i, v) {
    return ok(i, deletedBundle(origin(i), engine.getDeletedCertificate(v, name(i)), level(v)));
  },
  GetDeletedCertificates(i, v) {
    const list = engine.listDeletedCertificates(v);
    return page(i, list, (d) => keyOf(d.certificate.name), (d) => deletedItem(origin(i), d, level(v)));
  },
  RecoverDeletedCertificate(i, v) {
    const certificate = engine.recoverDeletedCertificate(v, name(i));
    return ok(i, certificateBundle(origin(i), certificate, latest(certificate), level(v)));
  },
  PurgeDeletedCertificate(i, v) {
    engine.purgeDeletedCertificate(v, name(i));
    return ok(i);
  },
};
