import { signAlibabaV1 } from '../../signing/alibaba.ts';
import { ownHeaders, restUrl, type Wire } from '../wire.ts';

/**
 * RPC: the spec's pseudo-path `POST /<Action>` goes on the wire as `POST /?Action=<Action>&...`
 * with every parameter in the query, signed with signature V1 (openapi-util's signer).
 * `Version` comes from the operation's `x-rpc`.
 */
export const alibabaMqttWire: Wire = {
  encode(op, input, target) {
    const rpc = op.raw['x-rpc'] as { action: string; version: string } | undefined;
    if (!rpc) throw new Error(`${op.operationId} has no x-rpc action in specs/alibaba-mqtt.yaml`);
    const url = new URL(restUrl(target.url, { ...op, path: '/' }, input));
    const params = new URLSearchParams({ Action: rpc.action, Version: rpc.version });
    for (const [k, v] of url.searchParams) params.set(k, v);
    const body = input.rawBody;
    return { method: 'POST', url: `${url.origin}/?${params.toString().replace(/\+/g, '%20')}`, headers: ownHeaders(input), body };
  },
  async authorize(req, target) {
    const c = target.credentials;
    return signAlibabaV1(req, { credentials: { accessKeyId: c.accessKeyId ?? '', accessKeySecret: c.accessKeySecret ?? '', securityToken: c.securityToken } });
  },
  secrets: (t) => [t.credentials.accessKeySecret, t.credentials.securityToken].filter((s): s is string => !!s),
};
