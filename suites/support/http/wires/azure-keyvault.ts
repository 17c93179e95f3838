import { header } from '../../signing/request.ts';
import { answerChallenge, staticToken, withBearer } from '../../signing/azure.ts';
import type { Target } from '../../target/targets.ts';
import { jsonBody, restUrl, type Wire } from '../wire.ts';

// Target URL and token pairs whose challenge was answered (what the SDK's policy caches): keyed
// by the token too, so another token for the same vault (a narrower grant, a refreshed one) is
// never sent as the cached one.
const answered = new Set<string>();

/**
 * REST/JSON with Key Vault's challenge flow, as @azure/keyvault-certificates does it: the first
 * request goes without a token (and without its body), the 401's WWW-Authenticate names the
 * scope, the token is fetched for it and the request is sent again; later requests reuse it.
 */
export const azureKeyVaultWire: Wire = {
  encode(op, input, target) {
    const { body, headers } = jsonBody(input);
    return { method: op.method.toUpperCase(), url: restUrl(target.url, op, input), headers, body };
  },
  async authorize(req, target, send) {
    const token = target.credentials.bearerToken;
    if (!token) throw new Error('azure-keyvault: the target has no bearerToken credential');
    const key = `${target.url}\n${token}`;
    if (answered.has(key)) return withBearer(req, token);
    const first = await send({ ...req, body: undefined, headers: Object.fromEntries(Object.entries(req.headers).filter(([k]) => k.toLowerCase() !== 'content-type')) });
    if (first.status !== 401) return withBearer(req, token); // no challenge: send the token as is
    const authorized = await answerChallenge(req, header(first.headers, 'www-authenticate'), staticToken(token));
    answered.add(key);
    return authorized;
  },
  secrets: (t: Target) => [t.credentials.bearerToken].filter((s): s is string => !!s),
};
