import { incorrectParameter } from './errors.ts';
import type { CertRecord } from './state.ts';

/** ListCertificates' query as the host validated and typed it from the spec. */
export interface ListQuery {
  limit?: number;
  offset?: number;
  sort_dir?: 'ASC' | 'DESC';
  sort_key?: 'certExpiredTime' | 'certStatus' | 'certUpdateTime';
  status?: string;
  enterprise_project_id?: string;
  deploy_support?: boolean;
  owned_by_self?: boolean;
  expired_days_since?: number;
  content?: string;
}

const DAY_MS = 86_400_000;
const SORT_VALUE = {
  certExpiredTime: (r: CertRecord) => r.facts.notAfter,
  certStatus: (r: CertRecord) => r.status,
  certUpdateTime: (r: CertRecord) => r.updatedAt,
};

/** The spec types these but gives no lower bound; a negative one is an incorrect parameter. */
function nonNegative(q: ListQuery, key: 'offset' | 'expired_days_since'): number | undefined {
  const v = q[key];
  if (v !== undefined && v < 0) throw incorrectParameter(`query parameter '${key}' must not be negative.`);
  return v;
}

function matches(r: CertRecord, q: ListQuery, now: number): boolean {
  if (q.status && q.status !== 'ALL' && r.status !== q.status) return false;
  const project = q.enterprise_project_id;
  if (project && project !== 'all' && r.enterpriseProjectId !== project) return false;
  if (q.deploy_support === false) return false; // every uploaded certificate can be deployed
  // owned_by_self: every certificate here belongs to the caller (none is shared), so no filter.
  const days = nonNegative(q, 'expired_days_since');
  if (days !== undefined && !(r.facts.notAfter <= now && r.facts.notAfter >= now - days * DAY_MS)) return false;
  const needle = q.content?.toLowerCase();
  return !needle || r.name.toLowerCase().includes(needle) || r.facts.domain.toLowerCase().includes(needle);
}

/**
 * One page: filter, sort (default newest update first; ties by id so pages are stable), then
 * `offset` items skipped and `limit` taken (default 10, the smallest documented page size).
 */
export function selectPage(records: Iterable<CertRecord>, q: ListQuery, now: number) {
  const offset = nonNegative(q, 'offset') ?? 0;
  const value = SORT_VALUE[q.sort_key ?? 'certUpdateTime'];
  const sign = (q.sort_dir ?? 'DESC') === 'ASC' ? 1 : -1;
  const all = [...records]
    .filter((r) => matches(r, q, now))
    .sort((a, b) => {
      const [x, y] = [value(a), value(b)];
      return (x < y ? -sign : x > y ? sign : 0) || (a.id < b.id ? -sign : a.id > b.id ? sign : 0);
    });
  return { page: all.slice(offset, offset + (q.limit ?? 10)), total: all.length };
}
