import fc from 'fast-check';
import { describeAnswer } from '../../support/http/exchange.ts';
import { short } from '../helpers/ids.ts';
import { poll } from '../helpers/poll.ts';
import { applyDelete, expectDelete } from './expectations.ts';
import { pick, type Model } from './model.ts';
import type { Cmd, Real } from './real.ts';

/** A detachment this recent may not have reached DeleteCertificate yet on the real service. */
const PROPAGATION_MS = 10_000;

export class DeleteCertificate implements Cmd {
  private text = '';
  constructor(
    readonly cert: number,
    readonly force: boolean | undefined,
  ) {}

  check = (m: Readonly<Model>) => m.certs.length > 0;

  async run(m: Model, r: Real): Promise<void> {
    const c = pick(m.certs, this.cert);
    const want = expectDelete(c, this.force);
    const send = () => r.api.call('DeleteCertificate', { path: { certificateId: c.id }, query: { forceDelete: this.force } }, { label: `DeleteCertificate(${short(c.id)})` });
    const recent = c.detachedAt !== undefined && Date.now() - c.detachedAt < PROPAGATION_MS;
    const success = want.outcomes.some((o) => o.status === 200);
    // Only a success the model expects right after a detach is polled for; anything else is final.
    const ex = success && recent ? await poll(send, (e) => e.status === 409, PROPAGATION_MS) : await send();
    const state = c.deleted ? 'deleted' : `${c.status}${c.things.size ? ', thing' : ''}${c.policies.size ? ', policy' : ''}`;
    this.text = `DeleteCertificate(id=${short(c.id)}, ${state}, force=${this.force}) -> ${describeAnswer(ex)}`;
    r.check.outcome(want.rule, ex, want.outcomes);
    if (ex.status === 200) {
      r.check.that('AWSIOT-DEL-012', ex.text.trim() === '', `body ${JSON.stringify(ex.text.slice(0, 80))}`, 'an empty HTTP body');
      applyDelete(c);
    }
  }

  toString = () => this.text || `DeleteCertificate(#${this.cert}, force=${this.force})`;
}

export const deleteCertificate = fc
  .tuple(fc.nat(), fc.constantFrom(undefined, false, true))
  .map(([cert, force]) => new DeleteCertificate(cert, force));
