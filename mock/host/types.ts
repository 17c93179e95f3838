import type { Operation } from '../../lib/spec/operations.ts';
import type { Provider } from '../../lib/providers.ts';
import type { Spec } from '../../lib/spec/load.ts';
import type { FixtureAdapter } from '../state/adapter.ts';
import type { ApiError } from './api-error.ts';
import type { Clock } from './clock.ts';

/** A request as it arrived, before it is mapped to a spec operation. */
export interface WireRequest {
  method: string;
  /** Path without query string, percent-decoding left to the router. */
  path: string;
  query: URLSearchParams;
  /** The query string as sent, without '?' (percent-encoding intact: `api%2Dversion` is not `api-version` to every server). */
  rawQuery?: string;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  rawBody: Buffer;
  /** Scheme + host the client used (for ids that are absolute URLs, e.g. Azure). */
  origin: string;
}

/** The validated input of one operation, with values coerced to the spec's types. */
export interface OpInput {
  op: Operation;
  path: Record<string, unknown>;
  query: Record<string, unknown>;
  headers: Record<string, string>;
  body: unknown;
  wire: WireRequest;
}

export interface Reply {
  status: number;
  headers?: Record<string, string>;
  /** JSON-serialisable body; undefined means no body at all. */
  body?: unknown;
}

export interface HostContext {
  clock: Clock;
  spec: Spec;
}

export type Handler<S> = (input: OpInput, state: S, ctx: HostContext) => Reply | Promise<Reply>;

/** What a provider contributes to the host: its dialect, its auth, its engine's handlers. */
export interface ProviderModule<S = unknown> {
  provider: Provider;
  /** Serve over HTTPS (Azure: the official client refuses plain http with bearer tokens). */
  tls?: boolean;
  /** The credentials the mock accepts, printed by `certconform mock` for clients to use. */
  credentials?: Record<string, string>;
  createState(ctx: HostContext): S;
  /** Maps the wire format to the spec's pseudo-paths (Alibaba RPC); absent = identity. */
  toSpecRequest?(req: WireRequest): WireRequest | ApiError;
  /** undefined when the request is authenticated, else the documented 401/403. */
  authenticate(req: WireRequest, op: Operation, ctx: HostContext): ApiError | undefined | Promise<ApiError | undefined>;
  /** The documented error for a request the spec rejects (bad length, pattern, missing field). */
  invalid(op: Operation | undefined, problems: string[]): ApiError;
  /** The provider's answer to a path or method no operation has. */
  unknownRoute(req: WireRequest): ApiError;
  /** Serialises an error in the wire dialect (body shape, error-type header, request id). */
  errorReply(err: ApiError, req: WireRequest): Reply;
  /** Headers every reply carries (request ids). */
  commonHeaders?(req: WireRequest): Record<string, string>;
  handlers: Record<string, Handler<S>>;
  /** Plain JSON of the state, for the control API's GET /__certconform/state. */
  snapshot?(state: S): unknown;
  /** The documented transient errors fault injection may answer with. */
  faults?: { throttle(op: Operation): ApiError; unavailable(op: Operation): ApiError };
  /** Provider-specific control routes under /__certconform/<name> (e.g. seeding devices). */
  control?: Record<string, (body: unknown, state: S, ctx: HostContext) => Reply | Promise<Reply>>;
  /** The state as a fixtures section and back, for `certconform mock --state` (mock/state/). */
  fixtures?: FixtureAdapter<S>;
}

/** Keeps the state beyond the process (`certconform mock --state`, mock/state/store.ts). */
export interface Persistence<S> {
  /** The state to start with, instead of module.createState. */
  load(ctx: HostContext): Promise<S>;
  /**
   * Before every reply. `readOnly` (GET, HEAD, OPTIONS) cannot have changed the state, but its
   * answer may show another request's change: durably kept, it waits until that is on disk too.
   */
  persist(state: S, ctx: HostContext, readOnly: boolean): Promise<void>;
}
