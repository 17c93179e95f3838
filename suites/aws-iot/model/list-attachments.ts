import fc from 'fast-check';
import { short } from '../helpers/ids.ts';
import { poll } from '../helpers/poll.ts';
import { pick, type CertModel, type Model } from './model.ts';
import type { Cmd, Real } from './real.ts';

const same = (a: string[], b: Set<string>) => a.length === b.size && a.every((x) => b.has(x));

async function listed(r: Real, c: CertModel) {
  const ps = await r.api.call('ListAttachedPolicies', { path: { target: c.arn } }, { label: `ListAttachedPolicies(${short(c.id)})` });
  const ts = await r.api.call('ListPrincipalThings', { headers: { 'x-amzn-principal': c.arn } }, { label: `ListPrincipalThings(${short(c.id)})` });
  return {
    ps, ts,
    policies: ((ps.body as { policies?: { policyName: string }[] })?.policies ?? []).map((p) => p.policyName),
    things: (ts.body as { things?: string[] })?.things ?? [],
  };
}

/** A live certificate's policies and things, as listed, are exactly the model's (ATT-005, ATT-006). */
export class ListAttachments implements Cmd {
  private text = '';
  constructor(readonly cert: number) {}

  check = (m: Readonly<Model>) => m.certs.length > 0 && !pick(m.certs, this.cert).deleted;

  async run(m: Model, r: Real): Promise<void> {
    const c = pick(m.certs, this.cert);
    const recent = c.detachedAt !== undefined && Date.now() - c.detachedAt < 10_000;
    const settled = (l: Awaited<ReturnType<typeof listed>>) => same(l.policies, c.policies) && same(l.things, c.things);
    const got = recent ? await poll(() => listed(r, c), (l) => !settled(l)) : await listed(r, c);
    this.text = `ListAttachments(id=${short(c.id)}) -> policies [${got.policies.map((p) => p.split('-').pop()).join(',')}], things [${got.things.map((t) => t.split('-').pop()).join(',')}]`;
    r.check.outcome('AWSIOT-ATT-005', got.ps, [{ status: 200 }]);
    r.check.outcome('AWSIOT-ATT-006', got.ts, [{ status: 200 }]);
    r.check.that('AWSIOT-ATT-005', same(got.policies, c.policies), `policies [${got.policies.join(', ')}]`, `[${[...c.policies].join(', ')}]`);
    r.check.that('AWSIOT-ATT-006', same(got.things, c.things), `things [${got.things.join(', ')}]`, `[${[...c.things].join(', ')}]`);
  }

  toString = () => this.text || `ListAttachments(#${this.cert})`;
}

export const listAttachments = fc.nat().map((cert) => new ListAttachments(cert));
