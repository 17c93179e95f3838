import type { OpInput, ProviderModule, Reply, WireRequest } from '../../host/types.ts';
import type { ApiError } from '../../host/api-error.ts';
import type { MqttState } from '../../providers/alibaba-mqtt/state.ts';
import { wrapHandler } from '../apply.ts';

type Body = Record<string, any>;

/** Edits the JSON body of an action's 200 answers (errors pass through untouched). */
export function onSuccess(m: ProviderModule<MqttState>, operationId: string, edit: (body: Body, input: OpInput) => Body | void): void {
  wrapHandler<MqttState>(m, operationId, (next) => async (input, state, ctx) => {
    const reply = await next(input, state, ctx);
    if (reply.status !== 200 || !reply.body) return reply;
    const body = structuredClone(reply.body) as Body;
    return { ...reply, body: edit(body, input) ?? body };
  });
}

/**
 * Rewrites serialised errors: every documented error (engine, validation, auth, faults)
 * reaches the wire through the dialect's errorReply, so this is where the dialect is broken.
 */
export function onError(m: ProviderModule<MqttState>, edit: (reply: Reply, err: ApiError, req: WireRequest) => Reply | void): void {
  const serialise = m.errorReply;
  m.errorReply = (err, req) => {
    const reply = serialise(err, req);
    const copy: Reply = { ...reply, body: structuredClone(reply.body) };
    return edit(copy, err, req) ?? copy;
  };
}

/** The serial number as it would read with a DER sign byte kept: another Sn for the same CA. */
export const withSignByte = (sn: unknown) => `00${String(sn)}`;
