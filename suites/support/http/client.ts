import { errorCodeOf } from '../../../lib/spec/dialect.ts';
import type { Spec } from '../../../lib/spec/load.ts';
import { operation } from '../../../lib/spec/load.ts';
import { registerSecret } from '../signing/redact.ts';
import type { SignableRequest } from '../signing/request.ts';
import type { Target } from '../target/targets.ts';
import type { Checker } from '../checks/checker.ts';
import { checkContract } from '../checks/contract.ts';
import { parseJson, type Exchange } from './exchange.ts';
import { pace } from './pace.ts';
import { answers, gone, isConnectionFailure, skipIfGone, TargetUnreachable, unreachable } from './reachability.ts';
import { backoffMs, isTransient } from './transient.ts';
import { send, type RawResponse } from './transport.ts';
import type { CallInput, Wire } from './wire.ts';

export interface CallOptions {
  /** What the step means, for the report (default: the operation id). */
  label?: string;
  /** 'sign' (default); 'none' sends no credentials; a function tampers with the signed request. */
  auth?: 'sign' | 'none' | ((signed: SignableRequest) => SignableRequest);
  /** Retry documented transient answers (default true; off for rules about throttling). */
  retry?: boolean;
  /** Check the exchange against the spec (SPEC-001; default true). */
  contract?: boolean;
}

const MAX_RETRIES = 6;

/**
 * A provider client for the suites: encodes an operation per the spec and the wire dialect,
 * signs it with the provider's own signing code, sends it, retries documented transient
 * answers, records the redacted step and checks the answer against the contract.
 */
export class ApiClient {
  constructor(
    readonly target: Target,
    readonly spec: Spec,
    private readonly wire: Wire,
    private readonly check: Checker,
  ) {
    for (const s of wire.secrets(target)) registerSecret(s);
    skipIfGone(new URL(target.url).origin); // a test that starts after the target died is skipped
  }

  async call(operationId: string, input: CallInput = {}, opts: CallOptions = {}): Promise<Exchange> {
    const op = operation(this.spec, operationId);
    const unsigned = this.wire.encode(op, input, this.target);
    const origin = new URL(this.target.url).origin;
    const transport = async (r: SignableRequest) => {
      const found = gone(origin); // another worker saw it die: this test stops with the same sentence
      if (found) throw new TargetUnreachable(found);
      try {
        return await send(r, { caFile: this.target.caFile });
      } catch (e) {
        if (isConnectionFailure(e) && !(await answers(origin))) throw unreachable(origin, String((e as { code?: string }).code ?? (e as Error).message));
        throw e;
      }
    };
    let retries = 0;
    for (;;) {
      let req = unsigned;
      if (opts.auth !== 'none') {
        req = await this.wire.authorize(unsigned, this.target, async (r) => (await pace(), transport(r)));
        if (typeof opts.auth === 'function') req = opts.auth(req);
      }
      await pace();
      const res: RawResponse = await transport(req);
      const body = parseJson(res.text);
      const code = res.status >= 400 ? errorCodeOf(this.spec, res.headers, body) : undefined;
      if (opts.retry !== false && isTransient(res.status, code) && retries < MAX_RETRIES) {
        retries++;
        this.check.verdicts.retries++;
        await new Promise((r) => setTimeout(r, backoffMs(retries, res)));
        continue;
      }
      const label = opts.label ?? operationId;
      const step = this.check.log.record(label, operationId, req, res, code, retries, this.target.caFile);
      const ex: Exchange = { op, label, status: res.status, headers: res.headers, text: res.text, body, code, step };
      // A 401/403 to a request carrying the run's own credentials untouched is the credentials'
      // answer, not the API's: the step that sent it judges it (a rule about it, or preparation,
      // where it is a setup error); the contract check stays out of it.
      const refused = (opts.auth === undefined || opts.auth === 'sign') && (res.status === 401 || res.status === 403);
      if (opts.contract !== false && !refused) checkContract(this.check, ex);
      return ex;
    }
  }
}
