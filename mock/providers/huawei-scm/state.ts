/** What the mock knows about one certificate, derived once at import from the real PEM. */
export interface CertFacts {
  /** Subject CN, else the first SAN: SCM's "bound domain name". */
  domain: string;
  /** Subject alternative names (DNS and IP), in certificate order. */
  sans: string[];
  /** Distinct names the certificate covers (CN and SANs). */
  names: string[];
  signatureAlgorithm: string;
  notBefore: number;
  notAfter: number;
  /** SHA-1 of the DER, upper-case hex: the format of the spec's ShowCertificate example. */
  fingerprint: string;
  /** SHA-256 of the DER: what "identical certificate" means for duplicate_check. */
  identity: string;
}

export interface CertRecord {
  id: string;
  name: string;
  /** Imported certificates are UPLOAD (reference §4.1) and never change status here. */
  status: 'UPLOAD';
  enterpriseProjectId: string;
  certificate: string;
  chain: string[];
  facts: CertFacts;
  createdAt: number;
  updatedAt: number;
}

export interface ScmState {
  certificates: Map<string, CertRecord>;
  /** Last timestamp spent on an id: ids are never reused, even after a delete. */
  lastIdMs: number;
  domainId: string;
}

export const createState = (domainId: string): ScmState => ({ certificates: new Map(), lastIdMs: 0, domainId });

/** Forgets every certificate in place (the host keeps the same state object). */
export function reset(state: ScmState): void {
  state.certificates.clear();
  state.lastIdMs = 0;
}

/** Plain JSON of the state for a control API (no private keys: the mock never keeps them). */
export function snapshot(state: ScmState) {
  return {
    domainId: state.domainId,
    lastIdMs: state.lastIdMs,
    certificates: [...state.certificates.values()].map((r) => ({ ...r, chain: [...r.chain], facts: { ...r.facts } })),
  };
}
