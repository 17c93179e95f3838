import { ApiError } from '../../host/api-error.ts';
import type { OpInput, ProviderModule, Reply, WireRequest } from '../../host/types.ts';
import type { Relation } from '../../providers/aws-iot/relation.ts';
import type { CertificateRecord, IotState } from '../../providers/aws-iot/state.ts';

/** The certificate a request's certificateId path parameter names (ids compare without case). */
export const certOf = (state: IotState, input: OpInput): CertificateRecord | undefined =>
  state.certificates.get(String(input.path.certificateId).toLowerCase());

/** The documented error of that status (and code, if given) that an engine threw. */
export const isApiError = (e: unknown, status: number, code?: string): e is ApiError =>
  e instanceof ApiError && e.status === status && (code === undefined || e.code === code);

/**
 * Runs `fn` with some pairs of a relation taken out (a mutant that ignores an attachment), and
 * puts them back if `fn` refuses, so a refused request still changes nothing.
 */
export async function withoutPairs<T>(relation: Relation, pairs: [string, string][], fn: () => T | Promise<T>): Promise<T> {
  for (const [l, r] of pairs) relation.delete(l, r);
  try {
    return await fn();
  } catch (e) {
    for (const [l, r] of pairs) relation.add(l, r);
    throw e;
  }
}

/** Rewrites every error the dialect serialises (handler, validation, auth and fault errors alike). */
export function mapErrors(m: ProviderModule<any>, map: (reply: Reply, err: ApiError, req: WireRequest) => Reply): void {
  const errorReply = m.errorReply;
  m.errorReply = (err, req) => map(errorReply(err, req), err, req);
}

/** Every pair of a relation whose right side (a certificate ARN) is `arn`. */
export const pairsOf = (relation: Relation, arn: string): [string, string][] => relation.leftsOf(arn).map((l) => [l, arn]);
