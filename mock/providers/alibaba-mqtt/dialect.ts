import { randomUUID } from 'node:crypto';
import type { ApiError } from '../../host/api-error.ts';
import type { Operation } from '../../../lib/spec/operations.ts';
import type { Reply, WireRequest } from '../../host/types.ts';
import { internalError, parameterFieldCheckFailed, systemOverFlow } from './errors.ts';

/** The service's request ids look like upper-case UUIDs (`020F6A43-19E6-4B6E-B846-44EB31DF****`). */
export const newRequestId = () => randomUUID().toUpperCase();

/** The endpoint host a real error names in HostId; the mock names the host the client used. */
const DEFAULT_HOST = 'onsmqtt.cn-hangzhou.aliyuncs.com';

/** A success: 200 and a JSON body that always carries RequestId and never a Code (pop-core raises on one). */
export const ok = (body: Record<string, unknown>): Reply => ({ status: 200, body: { RequestId: newRequestId(), ...body } });

/** The RPC error body, `{RequestId, HostId, Code, Message, Recommend}` (official-models.md §3.3). */
export function errorReply(err: ApiError, req: WireRequest): Reply {
  return {
    status: err.status,
    headers: err.headers,
    body: {
      RequestId: newRequestId(),
      HostId: req.headers.host || DEFAULT_HOST,
      Code: err.code,
      Message: err.message,
      Recommend: `https://api.aliyun.com/troubleshoot?q=${encodeURIComponent(err.code)}&product=OnsMqtt`,
      ...err.extra,
    },
  };
}

/** Whatever the spec rejects (missing, too long, wrong pattern or enum) is ParameterFieldCheckFailed. */
export const invalid = (_op: Operation | undefined, problems: string[]): ApiError => parameterFieldCheckFailed(problems.join('; '));

/**
 * An Action the spec does not have. Alibaba's gateway says InvalidAction.NotFound (404), which
 * no source of ours documents for this service; the documented code nearest to it is the
 * invalid-parameter one, and Action is a parameter.
 */
export const unknownRoute = (req: WireRequest): ApiError =>
  parameterFieldCheckFailed(`unknown Action '${req.path.slice(1)}' for OnsMqtt 2020-04-20`);

/** Fault injection answers with the documented transient codes, at the statuses errors.ts reads. */
export const faults = {
  throttle: () => systemOverFlow(),
  unavailable: () => internalError('injected fault'),
};
