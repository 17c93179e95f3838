import { atEntry, entries, FixtureError, type FixtureAdapter, type Section } from '../../state/adapter.ts';
import { checkSpec } from '../../state/spec-check.ts';
import type { HostContext } from '../../host/types.ts';
import type { Where } from './arn.ts';
import * as engine from './engine.ts';
import type { IotState, PolicyRecord } from './state.ts';

// The aws-iot section of a state file (mock/state/state.schema.json) into the engine and back.
// Entries go through the engine's own operations, so ids, ARNs and validity come out as a
// RegisterCertificateWithoutCA / CreateThing / CreatePolicy would make them; what the file
// states beyond that (dates, versions, generation ids) is then set on the record.

interface CertificateEntry {
  certificatePem: string;
  status?: string;
  certificateId?: string;
  region?: string;
  creationDate?: number;
  lastModifiedDate?: number;
  customerVersion?: number;
  generationId?: string;
}
interface ThingEntry {
  thingName: string;
  attributes?: Record<string, string>;
  thingId?: string;
  version?: number;
  region?: string;
}
type PolicyEntry = Partial<Omit<PolicyRecord, 'policyArn'>> & { policyName: string; policyDocument: string; region?: string };
interface AttachmentEntry {
  certificateId: string;
  thingName?: string;
  policyName?: string;
}

const S = '#/components/schemas';
const where = (state: IotState, region = 'us-east-1'): Where => ({ region, account: state.account });
const regionOf = (arn: string) => arn.split(':')[3]!;
const idOf = (arn: string) => arn.slice(arn.lastIndexOf('/') + 1);
/** Keeps what the entry states, leaves the rest as the engine made it. */
const given = <T extends object>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;

async function fill(state: IotState, section: Section, ctx: HostContext, at: string): Promise<void> {
  const now = ctx.clock.now() / 1000;
  for (const [c, ptr] of entries<CertificateEntry>(section, 'certificates', at)) {
    if (c.status !== undefined) checkSpec(ctx.spec, `${S}/CertificateStatus`, c.status, `${ptr}/status`);
    const { certificateId } = await atEntry(ptr, () => engine.registerWithoutCa(state, c.certificatePem, c.status, where(state, c.region), c.creationDate ?? now));
    if (c.certificateId !== undefined && c.certificateId !== certificateId) {
      throw new FixtureError(`${ptr}/certificateId`, `does not match the PEM, whose SHA-256 (the certificate id) is ${certificateId}`);
    }
    const { creationDate, lastModifiedDate, customerVersion, generationId } = c;
    Object.assign(state.certificates.get(certificateId)!, given({ lastModifiedDate: lastModifiedDate ?? creationDate, customerVersion, generationId }));
  }
  for (const [t, ptr] of entries<ThingEntry>(section, 'things', at)) {
    checkSpec(ctx.spec, `${S}/ThingName`, t.thingName, `${ptr}/thingName`);
    if (t.attributes) checkSpec(ctx.spec, `${S}/Attributes`, t.attributes, `${ptr}/attributes`);
    if (state.things.has(t.thingName)) throw new FixtureError(`${ptr}/thingName`, `thing ${t.thingName} is listed twice`);
    await atEntry(ptr, () => engine.createThing(state, t.thingName, { attributePayload: { attributes: t.attributes } }, where(state, t.region)));
    Object.assign(state.things.get(t.thingName)!, given({ thingId: t.thingId, version: t.version }));
  }
  for (const [p, ptr] of entries<PolicyEntry>(section, 'policies', at)) {
    checkSpec(ctx.spec, `${S}/PolicyName`, p.policyName, `${ptr}/policyName`);
    await atEntry(ptr, () => engine.createPolicy(state, p.policyName, p.policyDocument, p.tags ?? [], where(state, p.region), p.creationDate ?? now));
    const { defaultVersionId, lastModifiedDate, generationId, creationDate } = p;
    Object.assign(state.policies.get(p.policyName)!, given({ defaultVersionId, lastModifiedDate: lastModifiedDate ?? creationDate, generationId }));
  }
  for (const [a, ptr] of entries<AttachmentEntry>(section, 'attachments', at)) {
    const cert = state.certificates.get(a.certificateId.toLowerCase());
    if (!cert) throw new FixtureError(`${ptr}/certificateId`, `no certificate ${a.certificateId} in ${at}/certificates`);
    if (a.thingName !== undefined) await atEntry(ptr, () => engine.attachThingPrincipal(state, a.thingName!, cert.certificateArn));
    else await atEntry(ptr, () => engine.attachPolicy(state, a.policyName!, cert.certificateArn));
  }
}

function dump(state: IotState): Section {
  return {
    certificates: [...state.certificates.values()].map((c) => ({
      certificateId: c.certificateId,
      certificatePem: c.certificatePem,
      status: c.status,
      region: regionOf(c.certificateArn),
      creationDate: c.creationDate,
      lastModifiedDate: c.lastModifiedDate,
      customerVersion: c.customerVersion,
      generationId: c.generationId,
    })),
    things: [...state.things.values()].map((t) => ({ thingName: t.thingName, attributes: { ...t.attributes }, thingId: t.thingId, version: t.version, region: regionOf(t.thingArn) })),
    policies: [...state.policies.values()].map(({ policyArn, tags, ...p }) => ({ ...p, tags: tags.map((t) => ({ ...t })), region: regionOf(policyArn) })),
    attachments: [
      ...state.thingPrincipals.pairs().map(([thingName, arn]) => ({ certificateId: idOf(arn), thingName })),
      ...state.policyTargets.pairs().map(([policyName, arn]) => ({ certificateId: idOf(arn), policyName })),
    ],
  };
}

export const awsIotFixtures: FixtureAdapter<IotState> = {
  fill,
  dump,
  keys: {
    certificates: (c: CertificateEntry) => c.certificateId!,
    things: (t: ThingEntry) => t.thingName,
    policies: (p: PolicyEntry) => p.policyName,
    attachments: (a: AttachmentEntry) => (a.thingName !== undefined ? `thing:${a.thingName}:${a.certificateId}` : `policy:${a.policyName}:${a.certificateId}`),
  },
};
