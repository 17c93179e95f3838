import type { Faults } from './faults.ts';
import { parseFaults } from './faults.ts';
import type { HostContext, ProviderModule, Reply } from './types.ts';
import type { Vary } from '../vary/vary.ts';

/** The control API lives under a prefix no provider uses, on each provider's own port. */
export const CONTROL_PREFIX = '/__certconform/';

export interface ControlState<S> {
  state: S;
  faults: Faults;
  /** With --vary: the choices made so far (GET choices). */
  vary?: Vary;
}

const ok = (body: unknown = { ok: true }): Reply => ({ status: 200, body });
const bad = (message: string): Reply => ({ status: 400, body: { error: message } });

/**
 * reset, state, clock (GET, or POST {advanceMs}), faults (POST {spec: "throttle=0.1"}), choices (GET, --vary), and
 * the provider's own routes. Errors here are plain JSON: this is our API, not a provider's.
 */
export async function control<S>(
  module: ProviderModule<S>,
  live: ControlState<S>,
  ctx: HostContext,
  method: string,
  name: string,
  body: unknown,
): Promise<Reply> {
  const b = (body ?? {}) as Record<string, unknown>;
  if (name === 'reset' && method === 'POST') {
    live.state = module.createState(ctx);
    ctx.clock.reset();
    return ok();
  }
  if (name === 'state' && method === 'GET') return ok(module.snapshot ? module.snapshot(live.state) : {});
  if (name === 'clock') {
    if (method === 'POST') {
      try {
        ctx.clock.advance(Number(b.advanceMs));
      } catch (e) {
        return bad((e as Error).message);
      }
    }
    return ok({ now: ctx.clock.now() });
  }
  if (name === 'faults' && method === 'POST') {
    try {
      live.faults = parseFaults(String(b.spec ?? ''));
    } catch (e) {
      return bad((e as Error).message);
    }
    return ok(live.faults);
  }
  if (name === 'choices' && method === 'GET') {
    return live.vary ? ok(live.vary.list()) : { status: 404, body: { error: 'no choices: the mock was started without --vary' } };
  }
  const own = module.control?.[name];
  if (own) return own(body, live.state, ctx);
  return { status: 404, body: { error: `no control route ${method} ${CONTROL_PREFIX}${name}` } };
}
