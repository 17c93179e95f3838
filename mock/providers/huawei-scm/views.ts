import type { CertRecord } from './state.ts';

const DAY_MS = 86_400_000;
const MONTH_MS = (365.25 / 12) * DAY_MS;

/** `2027-11-23 15:57:09.0` (UTC): the timestamp format of the spec's examples. */
export function scmTime(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')}.0`;
}

/** SINGLE_DOMAIN / WILDCARD / MULTI_DOMAIN, from the names the certificate covers. */
function domainType(names: string[]): string {
  if (names.length > 1) return 'MULTI_DOMAIN';
  return names[0]?.startsWith('*.') ? 'WILDCARD' : 'SINGLE_DOMAIN';
}

/** Fields ShowCertificate and ListCertificates share, derived from the certificate. */
function common(r: CertRecord) {
  const { facts } = r;
  return {
    id: r.id,
    name: r.name,
    status: r.status,
    type: '',
    brand: '',
    signature_algorithm: facts.signatureAlgorithm,
    validity_period: Math.round((facts.notAfter - facts.notBefore) / MONTH_MS),
    domain_type: domainType(facts.names),
    domain: facts.domain,
    // The sources show only single-name examples; several names are comma-separated here.
    sans: facts.sans.join(','),
    domain_count: facts.names.length,
    wildcard_count: facts.names.filter((n) => n.startsWith('*.')).length,
    description: '',
    enterprise_project_id: r.enterpriseProjectId,
  };
}

/**
 * ShowCertificate's body. Order, CA-validation and push fields stay empty for an uploaded
 * certificate, as in the spec's example; issue_time likewise ('' there: it is the CA's
 * issuance of a purchased certificate, not the uploaded certificate's notBefore).
 */
export function showView(r: CertRecord) {
  return {
    ...common(r),
    order_id: '',
    push_support: 'OFF',
    revoke_reason: '',
    issue_time: '',
    not_before: scmTime(r.facts.notBefore),
    not_after: scmTime(r.facts.notAfter),
    validation_method: '',
    multi_domain_type: '',
    fingerprint: r.facts.fingerprint,
    shared: false,
    application_info: {},
    authentification: [],
  };
}

/** One ListCertificates entry (CertificateDetail). */
export function detailView(r: CertRecord, domainId: string) {
  return { ...common(r), deploy_support: true, expire_time: scmTime(r.facts.notAfter), domain_id: domainId };
}
