import { loadSpec } from '../../lib/spec/load.ts';
import { ApiError } from '../host/api-error.ts';
import { Router } from '../host/router.ts';
import type { ProviderModule, WireRequest } from '../host/types.ts';

/**
 * The request in the form the spec describes, for Prism to route and validate. For
 * providers whose wire format is the spec's, that is the request itself. For Alibaba RPC
 * (`module.toSpecRequest`) it is the `POST /<Action>` pseudo-path form; an Action the spec does
 * not have is an error here, because Prism would answer a generic 404 problem+json for the
 * pseudo-path, which no Alibaba client understands.
 */
export function specRequestMapper(module: ProviderModule): (wire: WireRequest) => WireRequest | ApiError {
  const map = module.toSpecRequest;
  if (!map) return (wire) => wire;
  const router = new Router(loadSpec(module.provider));
  return (wire) => {
    const mapped = map(wire);
    if (mapped instanceof ApiError) return mapped;
    if (router.match(mapped.method, mapped.path).kind !== 'found') return module.unknownRoute(mapped);
    // The parameters moved to the query; a form content type over an empty body would make
    // Prism look for a request body the pseudo-operation does not have.
    const { 'content-type': _type, ...headers } = mapped.headers;
    return { ...mapped, headers };
  };
}
