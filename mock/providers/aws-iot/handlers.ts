import type { Handler, HostContext, OpInput, Reply } from '../../host/types.ts';
import type { Where } from './arn.ts';
import { signingRegion } from './auth.ts';
import * as engine from './engine.ts';
import type { CreateThingRequest } from './things.ts';
import type { IotState, PolicyRecord } from './state.ts';

type H = Handler<IotState>;

/** 200 with the result where the spec documents a JSON body, no body where it documents none. */
function ok(input: OpInput, result: unknown = {}): Reply {
  const json = input.op.responses.get('200')?.content.some((c) => c.mediaType.includes('json'));
  return { status: 200, body: json ? result : undefined };
}

/** ARNs name the region the client signed for; the host has authenticated it already. */
const where = (input: OpInput, state: IotState): Where => ({ region: signingRegion(input.wire) ?? 'us-east-1', account: state.account });
const now = (ctx: HostContext) => ctx.clock.now() / 1000;
const path = (input: OpInput, name: string) => String(input.path[name]);
const principal = (input: OpInput) => input.headers['x-amzn-principal']!; // required by the spec
const paging = (input: OpInput, size: string, marker: string) => ({
  size: input.query[size] as number | undefined,
  marker: input.query[marker] as string | undefined,
});
const body = <T>(input: OpInput) => (input.body ?? {}) as T;

const certificates: Record<string, H> = {
  RegisterCertificateWithoutCA: (i, s, c) => {
    const { certificatePem, status } = body<{ certificatePem: string; status?: string }>(i);
    return ok(i, engine.registerWithoutCa(s, certificatePem, status, where(i, s), now(c)));
  },
  DescribeCertificate: (i, s) => ok(i, { certificateDescription: engine.describeCertificate(s, path(i, 'certificateId')) }),
  UpdateCertificate: (i, s, c) => {
    engine.updateCertificate(s, path(i, 'certificateId'), String(i.query.newStatus), now(c));
    return ok(i);
  },
  DeleteCertificate: (i, s) => {
    engine.deleteCertificate(s, path(i, 'certificateId'), i.query.forceDelete === true);
    return ok(i);
  },
  ListCertificates: (i, s) => {
    const { size, marker } = paging(i, 'pageSize', 'marker');
    const descending = i.query.isAscendingOrder !== true;
    return ok(i, engine.listCertificates(s, { size: size ?? engine.DEFAULT_PAGE_SIZE, marker, descending }));
  },
};

const things: Record<string, H> = {
  CreateThing: (i, s) => ok(i, engine.createThing(s, path(i, 'thingName'), body<CreateThingRequest>(i), where(i, s))),
  DescribeThing: (i, s) => ok(i, engine.describeThing(s, path(i, 'thingName'))),
  DeleteThing: (i, s) => {
    engine.deleteThing(s, path(i, 'thingName'), i.query.expectedVersion as number | undefined);
    return ok(i);
  },
  AttachThingPrincipal: (i, s) => {
    engine.attachThingPrincipal(s, path(i, 'thingName'), principal(i));
    return ok(i);
  },
  DetachThingPrincipal: (i, s) => {
    engine.detachThingPrincipal(s, path(i, 'thingName'), principal(i));
    return ok(i);
  },
  ListThingPrincipals: (i, s) => ok(i, engine.listThingPrincipals(s, path(i, 'thingName'), paging(i, 'maxResults', 'nextToken'))),
  ListPrincipalThings: (i, s) => ok(i, engine.listPrincipalThings(s, principal(i), paging(i, 'maxResults', 'nextToken'))),
};

const policies: Record<string, H> = {
  CreatePolicy: (i, s, c) => {
    const { policyDocument, tags = [] } = body<{ policyDocument: string; tags?: PolicyRecord['tags'] }>(i);
    return ok(i, engine.createPolicy(s, path(i, 'policyName'), policyDocument, tags, where(i, s), now(c)));
  },
  GetPolicy: (i, s) => ok(i, engine.getPolicy(s, path(i, 'policyName'))),
  DeletePolicy: (i, s) => {
    engine.deletePolicy(s, path(i, 'policyName'));
    return ok(i);
  },
  AttachPolicy: (i, s) => {
    engine.attachPolicy(s, path(i, 'policyName'), body<{ target: string }>(i).target);
    return ok(i);
  },
  DetachPolicy: (i, s) => {
    engine.detachPolicy(s, path(i, 'policyName'), body<{ target: string }>(i).target);
    return ok(i);
  },
  DetachPrincipalPolicy: (i, s) => {
    engine.detachPrincipalPolicy(s, path(i, 'policyName'), i.headers['x-amzn-iot-principal']!); // required by the spec
    return ok(i);
  },
  ListAttachedPolicies: (i, s) => ok(i, engine.listAttachedPolicies(s, path(i, 'target'), paging(i, 'pageSize', 'marker'))),
};

/** Validated input -> engine call -> reply, one entry per operation of specs/aws-iot.yaml. */
export const handlers: Record<string, H> = { ...certificates, ...things, ...policies };
