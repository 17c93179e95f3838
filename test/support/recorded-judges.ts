import { asObj, nameOfItem } from '../../suites/azure-keyvault/support/bundle.ts';
import { hasRecoveryLevel, missingDetails, missingNamed, retentionProblem, x5tOfCer } from '../../suites/azure-keyvault/support/deleted-bundle.ts';

/** One recorded exchange as specs/recordings/azure-keyvault/ holds it (README there). */
export interface Recorded {
  operationId: string;
  request: { method: string; path: string; query: Record<string, string> };
  response: { status: number; headers?: Record<string, string>; body?: unknown; omitted?: string[] };
  judgedBy: string[];
  known?: { issuedVersion?: boolean };
  repeat?: number;
  note?: string;
}

type Judge = (e: Recorded, before: Recorded[]) => string | undefined;

const nameIn = (path: string) => decodeURIComponent(path.split('/')[2] ?? '');
const pathOf = (u: unknown) => (typeof u === 'string' && URL.canParse(u) ? new URL(u).pathname : undefined);
const missing = (what: string[], rule: string) => (what.length ? `bundle without ${what.join(', ')} (${rule})` : undefined);

/**
 * The predicates the suite applies for each rule beyond its outcome set (shared with the suite
 * where it has them as functions: suites/azure-keyvault/support/deleted-bundle.ts); a rule that
 * is judged by its outcome alone is absent here.
 */
const JUDGES: Record<string, Judge> = {
  'AZKV-DEL-002': (e) => missing(missingNamed(e.response.body, false), 'id, attributes, scheduledPurgeDate'),
  'AZKV-DEL-020': (e) => missing(missingDetails(e.response.body, e.known?.issuedVersion ?? true), 'cer, x5t, recoveryId, deletedDate'),
  'AZKV-DEL-007': (e) => (hasRecoveryLevel(e.response.body) ? undefined : 'no attributes.recoveryLevel'),
  'AZKV-DEL-008': (e) => thumbprint(e),
  'AZKV-IMP-020': (e) => thumbprint(e),
  'AZKV-DEL-006': (e) => retentionProblem(e.response.body),
  'AZKV-DEL-005': (e) => {
    const b = asObj(e.response.body);
    return Number(b.scheduledPurgeDate) > Number(b.deletedDate) ? undefined : 'scheduledPurgeDate is not after deletedDate';
  },
  'AZKV-DEL-004': (e) => {
    const b = asObj(e.response.body);
    const name = nameIn(e.request.path);
    if (pathOf(b.recoveryId) !== `/deletedcertificates/${name}`) return `recoveryId ${String(b.recoveryId)}`;
    return pathOf(b.id)?.startsWith(`/certificates/${name}/`) ? undefined : `id ${String(b.id)}`;
  },
  'AZKV-FMT-004': (e) => {
    const b = asObj(e.response.body);
    const [, kind, name, version] = (pathOf(b.id) ?? '').split('/');
    if (kind !== 'certificates' || name !== nameIn(e.request.path) || !/^[0-9a-f]{32}$/i.test(version ?? '')) return `id ${String(b.id)}`;
    const same = (u: unknown, k: string) => pathOf(u) === `/${k}/${name}/${version}`;
    return same(b.kid, 'keys') && same(b.sid, 'secrets') ? undefined : `kid ${String(b.kid)}, sid ${String(b.sid)}`;
  },
  'AZKV-PUR-001': (e) => (e.response.status === 204 && e.response.body !== undefined ? 'a 204 with a body' : undefined),
  'AZKV-AUTH-001': (e) => {
    const c = e.response.headers?.['www-authenticate'] ?? '';
    return /^Bearer /.test(c) && /authorization="[^"]+"/.test(c) && /resource="[^"]+"/.test(c) ? undefined : `WWW-Authenticate ${JSON.stringify(c)}`;
  },
  // The deleted store repeats what the delete returned (the suite compares the same three members).
  'AZKV-GET-003': (e, before) => {
    const del = [...before].reverse().find((x) => x.operationId === 'DeleteCertificate' && x.response.status === 200 && nameIn(x.request.path) === nameIn(e.request.path));
    if (!del) return undefined;
    const [a, b] = [asObj(del.response.body), asObj(e.response.body)];
    const differ = ['recoveryId', 'id', 'deletedDate'].filter((k) => a[k] !== b[k]);
    return differ.length ? `${differ.join(', ')} differ from the delete's answer` : undefined;
  },
  'AZKV-LST-002': (e) => {
    const items = (asObj(e.response.body).value ?? []) as unknown[];
    const bad = items.map(asObj).filter((i) => !i.recoveryId || !i.deletedDate || !i.scheduledPurgeDate || !nameOfItem(i.id));
    return bad.length ? `${bad.length} items without recoveryId, deletedDate, scheduledPurgeDate or an id` : undefined;
  },
  'AZKV-LST-005': (e) => {
    const link = asObj(e.response.body).nextLink;
    return link === null || link === undefined || (typeof link === 'string' && URL.canParse(link)) ? undefined : `nextLink ${JSON.stringify(link)}`;
  },
};

function thumbprint(e: Recorded): string | undefined {
  const t = x5tOfCer(e.response.body);
  return t.ok ? undefined : `x5t ${JSON.stringify(asObj(e.response.body).x5t)}, SHA-1 of cer ${t.expected}`;
}

/** Why the rule refuses the recorded answer, or undefined. */
export const judge = (ruleId: string, e: Recorded, before: Recorded[]) => JUDGES[ruleId]?.(e, before);
