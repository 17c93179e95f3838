import { Relation } from './relation.ts';

/** Statuses are the spec's CertificateStatus enum; the host has validated every value. */
export type CertificateStatus = string;

export interface CertificateRecord {
  certificateId: string;
  certificateArn: string;
  status: CertificateStatus;
  certificatePem: string;
  ownedBy: string;
  /** Epoch seconds (with milliseconds) from the host clock. */
  creationDate: number;
  lastModifiedDate: number;
  customerVersion: number;
  generationId: string;
  validity: { notBefore: number; notAfter: number };
  certificateMode: 'SNI_ONLY';
  /** Registration order, the tie-breaker of equal creation dates. */
  seq: number;
}

export interface ThingRecord {
  thingName: string;
  thingId: string;
  thingArn: string;
  thingTypeName?: string;
  billingGroupName?: string;
  attributes: Record<string, string>;
  version: number;
}

export interface PolicyRecord {
  policyName: string;
  policyArn: string;
  policyDocument: string;
  defaultVersionId: string;
  creationDate: number;
  lastModifiedDate: number;
  generationId: string;
  tags: { Key: string; Value?: string }[];
}

export interface IotState {
  /** The account every ARN and ownedBy names (the spec's examples use this one). */
  readonly account: string;
  readonly certificates: Map<string, CertificateRecord>;
  readonly things: Map<string, ThingRecord>;
  readonly policies: Map<string, PolicyRecord>;
  /** thing name -> principal (certificate ARN). */
  readonly thingPrincipals: Relation;
  /** policy name -> target (certificate ARN). */
  readonly policyTargets: Relation;
  seq: number;
}

export const MOCK_ACCOUNT = '123456789012';

export function createState(): IotState {
  return {
    account: MOCK_ACCOUNT,
    certificates: new Map(),
    things: new Map(),
    policies: new Map(),
    thingPrincipals: new Relation(),
    policyTargets: new Relation(),
    seq: 0,
  };
}

/** Empties the state in place (the host keeps a reference to it). */
export function reset(state: IotState): void {
  state.certificates.clear();
  state.things.clear();
  state.policies.clear();
  state.thingPrincipals.clear();
  state.policyTargets.clear();
  state.seq = 0;
}

/** The whole state as plain JSON, for the control API and for test assertions. */
export function snapshot(state: IotState) {
  return {
    account: state.account,
    certificates: [...state.certificates.values()].map((c) => ({ ...c, validity: { ...c.validity } })),
    things: [...state.things.values()].map((t) => ({ ...t, attributes: { ...t.attributes } })),
    policies: [...state.policies.values()].map((p) => ({ ...p, tags: p.tags.map((t) => ({ ...t })) })),
    thingPrincipals: state.thingPrincipals.pairs().map(([thingName, principal]) => ({ thingName, principal })),
    policyTargets: state.policyTargets.pairs().map(([policyName, target]) => ({ policyName, target })),
  };
}
