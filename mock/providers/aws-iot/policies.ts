import { randomBytes } from 'node:crypto';
import { policyArn, type Where } from './arn.ts';
import { certificateByArn, DEFAULT_PAGE_SIZE } from './certificates.ts';
import { alreadyExists, deleteConflict, malformedPolicy, notFound } from './errors.ts';
import { paginate, type PageRequest } from './paging.ts';
import type { IotState, PolicyRecord } from './state.ts';

function findPolicy(state: IotState, policyName: string): PolicyRecord {
  const policy = state.policies.get(policyName);
  if (!policy) throw notFound(`The policy ${policyName} does not exist.`);
  return policy;
}

/** Targets here are certificate ARNs; thing groups and Cognito ids do not exist in the mock. */
function findTarget(state: IotState, target: string): string {
  if (!certificateByArn(state, target)) throw notFound(`The target ${target} does not exist.`);
  return target;
}

/** A policy document is a JSON object; anything else is MalformedPolicyException. */
function checkDocument(doc: string): void {
  let parsed: unknown;
  try {
    parsed = JSON.parse(doc);
  } catch {
    throw malformedPolicy('Policy document is not valid JSON.');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw malformedPolicy('Policy document must be a JSON object.');
  }
}

export function createPolicy(
  state: IotState,
  policyName: string,
  policyDocument: string,
  tags: PolicyRecord['tags'],
  where: Where,
  now: number,
) {
  const existing = state.policies.get(policyName);
  if (existing) throw alreadyExists(`Policy ${policyName} already exists.`, policyName, existing.policyArn);
  checkDocument(policyDocument);
  const policy: PolicyRecord = {
    policyName,
    policyArn: policyArn(where, policyName),
    policyDocument,
    defaultVersionId: '1', // a new policy's first version is its default (the spec's CreatePolicy)
    creationDate: now,
    lastModifiedDate: now,
    generationId: randomBytes(32).toString('hex'),
    tags: tags.map((t) => ({ ...t })),
  };
  state.policies.set(policyName, policy);
  return { policyName, policyArn: policy.policyArn, policyDocument, policyVersionId: policy.defaultVersionId };
}

export function getPolicy(state: IotState, policyName: string) {
  const { tags: _tags, ...policy } = findPolicy(state, policyName);
  return policy;
}

/** Refused while attached (AWSIOT-ATT-002); the mock keeps one version per policy. */
export function deletePolicy(state: IotState, policyName: string): void {
  findPolicy(state, policyName);
  if (state.policyTargets.rightsOf(policyName).length) {
    throw deleteConflict(`The policy cannot be deleted as the policy is attached to one or more principals (name=${policyName})`);
  }
  state.policies.delete(policyName);
}

/** Attaching again is a no-op (AWSIOT-ATT-003). */
export function attachPolicy(state: IotState, policyName: string, target: string): void {
  findPolicy(state, policyName);
  state.policyTargets.add(policyName, findTarget(state, target));
}

/**
 * The model documents no not-found outcome for DetachPolicy: detaching what is not attached
 * (unknown policy or target included) leaves the state as asked, a success.
 */
export function detachPolicy(state: IotState, policyName: string, target: string): void {
  state.policyTargets.delete(policyName, target);
}

/**
 * DetachPrincipalPolicy (deprecated, the seed's name for the detach): the model documents
 * ResourceNotFoundException for it, so an unknown policy or principal is a 404, as for
 * AttachPolicy; a pair that is not attached is left as asked, as DetachPolicy leaves it.
 */
export function detachPrincipalPolicy(state: IotState, policyName: string, principal: string): void {
  findPolicy(state, policyName);
  state.policyTargets.delete(policyName, findTarget(state, principal));
}

export function listAttachedPolicies(state: IotState, target: string, paging: Partial<PageRequest>) {
  findTarget(state, target);
  const req = { size: paging.size ?? DEFAULT_PAGE_SIZE, marker: paging.marker };
  const { page, next } = paginate(state.policyTargets.leftsOf(target), (p) => [p], req);
  const policies = page.map((name) => ({ policyName: name, policyArn: state.policies.get(name)!.policyArn }));
  return next ? { policies, nextMarker: next } : { policies };
}
