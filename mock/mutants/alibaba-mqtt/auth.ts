import type { ApiError } from '../../host/api-error.ts';
import type { ProviderModule, WireRequest } from '../../host/types.ts';
import { mqttInstanceNotFound, signatureDoesNotMatch } from '../../providers/alibaba-mqtt/errors.ts';
import type { MqttState } from '../../providers/alibaba-mqtt/state.ts';
import { wrapHandler } from '../apply.ts';
import type { Mutant } from '../mutant.ts';

const isV3 = (req: WireRequest) => (req.headers.authorization ?? '').startsWith('ACS3-');

/** Lets through a request whose signature was recomputed and did not match, for one scheme. */
function ignoreMismatch(m: ProviderModule<MqttState>, scheme: (req: WireRequest) => boolean): void {
  const verify = m.authenticate;
  m.authenticate = async (req, op, ctx) => {
    const denied = await verify(req, op, ctx);
    return denied?.code === 'SignatureDoesNotMatch' && scheme(req) ? undefined : denied;
  };
}

/**
 * Rewrites what authentication refuses with MqttOwnerCheckError: after a verified signature
 * that is the RAM grant check (mock/providers/alibaba-mqtt/auth.ts), the only one it makes.
 */
function onRamDenial(m: ProviderModule<MqttState>, instead: (denied: ApiError) => ApiError | undefined): void {
  const check = m.authenticate;
  m.authenticate = async (req, op, ctx) => {
    const denied = await check(req, op, ctx);
    return denied?.code === 'MqttOwnerCheckError' ? instead(denied) : denied;
  };
}

/** The instance permission check and the two signature schemes, each skipped once. */
export const auth: Mutant[] = [
  {
    name: 'alibaba-mqtt/foreign-instance-delete-allowed',
    description: "DeleteCaCertificate on another account's instance skips the owner check and deletes from the caller's instance",
    rules: ['ALIMQTT-AUTH-001'],
    module: (m) =>
      wrapHandler<MqttState>(m, 'DeleteCaCertificate', (next) => (input, state, ctx) => {
        const [own] = state.instances.keys();
        const foreign = state.foreign.has(String(input.query.MqttInstanceId));
        return next(foreign && own ? { ...input, query: { ...input.query, MqttInstanceId: own } } : input, state, ctx);
      }),
  },
  {
    name: 'alibaba-mqtt/foreign-instance-not-found',
    description: "DeleteCaCertificate on another account's instance answers MqttInstanceNotFound instead of the owner check",
    rules: ['ALIMQTT-AUTH-007'],
    module: (m) =>
      wrapHandler<MqttState>(m, 'DeleteCaCertificate', (next) => (input, state, ctx) => {
        const id = String(input.query.MqttInstanceId);
        if (state.foreign.has(id)) throw mqttInstanceNotFound(id);
        return next(input, state, ctx);
      }),
  },
  {
    name: 'alibaba-mqtt/ram-grant-ignored',
    description: 'a verified caller whose RAM policy lacks mq:DeleteCaCertificate deletes the CA anyway',
    rules: ['ALIMQTT-AUTH-005', 'ALIMQTT-AUTH-006'],
    module: (m) => onRamDenial(m, () => undefined),
  },
  {
    name: 'alibaba-mqtt/ram-denial-as-signature-mismatch',
    description: 'a caller without mq:DeleteCaCertificate is refused with SignatureDoesNotMatch instead of MqttOwnerCheckError',
    rules: ['ALIMQTT-AUTH-006'],
    module: (m) => onRamDenial(m, () => signatureDoesNotMatch('RAM policy')),
  },
  {
    name: 'alibaba-mqtt/v1-signature-not-checked',
    description: 'a V1 request whose HMAC-SHA1 Signature does not match is served as if it did',
    rules: ['ALIMQTT-AUTH-002'],
    module: (m) => ignoreMismatch(m, (req) => !isV3(req)),
  },
  {
    name: 'alibaba-mqtt/v3-signature-not-checked',
    description: 'a V3 request whose ACS3-HMAC-SHA256 signature does not match is served as if it did',
    rules: ['ALIMQTT-AUTH-003'],
    module: (m) => ignoreMismatch(m, isV3),
  },
];
