import type { ApiError } from '../../host/api-error.ts';
import type { WireRequest } from '../../host/types.ts';
import { missingParameter, parameterFieldCheckFailed } from './errors.ts';
import { isForm, parseForm } from './form.ts';

/** One RPC call as the client sent and signed it, before it became a pseudo-path request. */
export interface RpcCall {
  action: string;
  /** Query and form-body parameters as sent (Action included), what a V1 signature covers. */
  params: Record<string, string>;
  wire: WireRequest;
}

// The host hands authenticate() the mapped request; the signature covers the original one
// (method, Action, path, query), so the mapping remembers it here, private to this provider.
const calls = new WeakMap<WireRequest, RpcCall>();
export const rpcCallOf = (mapped: WireRequest): RpcCall | undefined => calls.get(mapped);

const ACTION = /^[A-Z][A-Za-z0-9]{0,63}$/;

/**
 * `GET|POST /` with the action in `Action` (query or form body, V1) or `x-acs-action` (V3) ->
 * `POST /<Action>` with every parameter in the query (specs/alibaba-mqtt.yaml, info). V3
 * carries the version as `x-acs-version`; it becomes `Version` so the spec checks it too.
 */
export function toSpecRequest(wire: WireRequest): WireRequest | ApiError {
  if (wire.path !== '/') return parameterFieldCheckFailed(`RPC actions are served at '/', not '${wire.path.slice(0, 100)}'`);
  const method = wire.method.toUpperCase();
  if (method !== 'GET' && method !== 'POST') return parameterFieldCheckFailed(`RPC actions are GET or POST, not ${method}`);
  // No prototype: a parameter named __proto__ stays a parameter.
  const params: Record<string, string> = Object.create(null);
  for (const [k, v] of wire.query) params[k] = v;
  if (wire.rawBody.length > 0 && isForm(wire.headers['content-type'])) {
    const form = parseForm(wire.rawBody);
    if (form instanceof Error) return parameterFieldCheckFailed(form.message);
    // Later wins, as in the SDKs that build the signed set with Object.assign(query, body).
    for (const [k, v] of form) params[k] = v;
  }
  // Bodies of other types carry no RPC parameters; a V3 signature still covers their hash.
  const header = wire.headers['x-acs-action'];
  if (params.Action !== undefined && header !== undefined && params.Action !== header) {
    return parameterFieldCheckFailed(`Action '${params.Action}' and x-acs-action '${header}' disagree`);
  }
  const action = params.Action ?? header;
  if (action === undefined || action === '') return missingParameter('Action');
  if (!ACTION.test(action)) return parameterFieldCheckFailed(`'${action.slice(0, 64)}' is not an action name`);
  const query = new URLSearchParams(Object.entries(params).filter(([k]) => k !== 'Action'));
  const version = wire.headers['x-acs-version'];
  if (!query.has('Version') && version !== undefined) query.set('Version', version);
  const mapped: WireRequest = { ...wire, method: 'POST', path: `/${action}`, query, rawBody: Buffer.alloc(0) };
  calls.set(mapped, { action, params, wire });
  return mapped;
}
