import { randomUUID } from 'node:crypto';
import { thingArn, type Where } from './arn.ts';
import { certificateByArn, DEFAULT_PAGE_SIZE } from './certificates.ts';
import { alreadyExists, invalidRequest, notFound, versionConflict } from './errors.ts';
import { paginate, type PageRequest } from './paging.ts';
import type { IotState, ThingRecord } from './state.ts';

export interface CreateThingRequest {
  thingTypeName?: string;
  billingGroupName?: string;
  attributePayload?: { attributes?: Record<string, string> };
}

function findThing(state: IotState, thingName: string): ThingRecord {
  const thing = state.things.get(thingName);
  if (!thing) throw notFound(`The thing ${thingName} does not exist.`);
  return thing;
}

/** Only certificates are principals here; another principal (a Cognito id) is not found. */
function findPrincipal(state: IotState, principal: string): string {
  if (!certificateByArn(state, principal)) throw notFound(`The principal ${principal} does not exist.`);
  return principal;
}

const sameConfig = (t: ThingRecord, r: CreateThingRequest, attributes: Record<string, string>) =>
  t.thingTypeName === r.thingTypeName &&
  t.billingGroupName === r.billingGroupName &&
  JSON.stringify(Object.entries(t.attributes).sort()) === JSON.stringify(Object.entries(attributes).sort());

/** Same name and configuration again: the existing thing. The mock has no thing types or billing groups. */
export function createThing(state: IotState, thingName: string, req: CreateThingRequest, where: Where) {
  if (req.thingTypeName) throw notFound(`The thing type ${req.thingTypeName} does not exist.`);
  if (req.billingGroupName) throw notFound(`The billing group ${req.billingGroupName} does not exist.`);
  const attributes = { ...req.attributePayload?.attributes };
  const existing = state.things.get(thingName);
  if (existing && !sameConfig(existing, req, attributes)) {
    throw alreadyExists(`Thing ${thingName} already exists in account with different attributes`, existing.thingId, existing.thingArn);
  }
  const thing = existing ?? { thingName, thingId: randomUUID(), thingArn: thingArn(where, thingName), attributes, version: 1 };
  state.things.set(thingName, thing);
  return { thingName, thingArn: thing.thingArn, thingId: thing.thingId };
}

export function describeThing(state: IotState, thingName: string) {
  const { attributes, ...thing } = findThing(state, thingName);
  return { defaultClientId: thingName, ...thing, attributes: { ...attributes } };
}

/**
 * A missing thing is a success (AWSIOT-ATT-007). A thing with principals attached is refused
 * with InvalidRequestException: the documentation names no conflict for DeleteThing, and
 * deleting it would silently drop the attachment that keeps its certificate undeletable.
 */
export function deleteThing(state: IotState, thingName: string, expectedVersion: number | undefined): void {
  const thing = state.things.get(thingName);
  if (!thing) return;
  if (expectedVersion !== undefined && expectedVersion !== thing.version) {
    throw versionConflict(`The version for thing ${thingName} does not match the expected version.`);
  }
  if (state.thingPrincipals.rightsOf(thingName).length) {
    throw invalidRequest(`Cannot delete. Thing ${thingName} is still attached to one or more principals`);
  }
  state.things.delete(thingName);
}

/** Attaching again is a no-op (AWSIOT-ATT-003). */
export function attachThingPrincipal(state: IotState, thingName: string, principal: string): void {
  findThing(state, thingName);
  state.thingPrincipals.add(thingName, findPrincipal(state, principal));
}

/** Detaching what is not attached leaves the state as asked: a success. */
export function detachThingPrincipal(state: IotState, thingName: string, principal: string): void {
  findThing(state, thingName);
  state.thingPrincipals.delete(thingName, principal);
}

export function listThingPrincipals(state: IotState, thingName: string, paging: Partial<PageRequest>) {
  findThing(state, thingName);
  const req = { size: paging.size ?? DEFAULT_PAGE_SIZE, marker: paging.marker };
  const { page, next } = paginate(state.thingPrincipals.rightsOf(thingName), (p) => [p], req);
  return next ? { principals: page, nextToken: next } : { principals: page };
}

export function listPrincipalThings(state: IotState, principal: string, paging: Partial<PageRequest>) {
  findPrincipal(state, principal);
  const req = { size: paging.size ?? DEFAULT_PAGE_SIZE, marker: paging.marker };
  const { page, next } = paginate(state.thingPrincipals.leftsOf(principal), (t) => [t], req);
  return next ? { things: page, nextToken: next } : { things: page };
}
