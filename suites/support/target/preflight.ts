import type { Provider } from '../../../lib/providers.ts';
import { documentedCodes, errorCodeOf } from '../../../lib/spec/dialect.ts';
import { loadSpec, operation } from '../../../lib/spec/load.ts';
import { parseJson } from '../http/exchange.ts';
import { isTransient } from '../http/transient.ts';
import { send } from '../http/transport.ts';
import type { CallInput } from '../http/wire.ts';
import { WIRES } from '../http/wires/index.ts';
import { redactText, registerSecret } from '../signing/redact.ts';
import type { SignableRequest } from '../signing/request.ts';
import { messageOf, socketSentence, type Asked } from './preflight-sentences.ts';
import type { Target } from './targets.ts';

/** One read-only request per provider, the cheapest list its API has (limits from the specs). */
const PROBES: Record<Provider, { operationId: string; input: (t: Pick<Target, 'credentials'>) => CallInput }> = {
  'aws-iot': { operationId: 'ListCertificates', input: () => ({ query: { pageSize: 1 } }) },
  'azure-keyvault': { operationId: 'GetCertificates', input: () => ({ query: { maxresults: 1 } }) },
  'alibaba-mqtt': { operationId: 'ListCaCertificate', input: (t) => ({ query: { MqttInstanceId: t.credentials.instanceId, PageNo: '1', PageSize: '1' } }) },
  // limit takes only 10, 20 or 50 (specs/huawei-scm.yaml).
  'huawei-scm': { operationId: 'ListCertificates', input: () => ({ query: { limit: 10 } }) },
};

/**
 * Error codes no spec of ours documents but the providers' common error lists use for a key
 * they do not know or a token they refuse (Alibaba answers an unknown AccessKey with 404
 * InvalidAccessKeyId.NotFound). The preflight is not a verdict: naming them here only turns a
 * refusal into the right sentence.
 */
const UNDOCUMENTED_REFUSALS: Partial<Record<Provider, RegExp>> = {
  'alibaba-mqtt': /^(InvalidAccessKeyId\.|InvalidSecurityToken\.|Forbidden\.RAM)/,
};

export const PREFLIGHT_TIMEOUT_MS = 4_000;

/** The probe as it goes on the wire before signing (Azure's credential chain reads the challenge it gets). */
export function probeRequest(t: Pick<Target, 'provider' | 'url' | 'credentials'>): SignableRequest {
  const spec = loadSpec(t.provider);
  const op = operation(spec, PROBES[t.provider].operationId);
  return WIRES[t.provider].encode(op, PROBES[t.provider].input(t), t as Target);
}

/** An answer that refuses the credentials: 401/403 in any dialect, or a code the spec documents at 401/403. */
function refuses(t: Target, status: number, code: string | undefined): boolean {
  if (status < 400 || isTransient(status, code)) return false;
  if (status === 401 || status === 403) return true;
  if (code === undefined) return false;
  const spec = loadSpec(t.provider);
  const op = operation(spec, PROBES[t.provider].operationId);
  const documented = [401, 403].flatMap((s) => documentedCodes(spec, op, s) ?? []);
  return documented.includes(code) || !!UNDOCUMENTED_REFUSALS[t.provider]?.test(code);
}

export interface PreflightOptions {
  /** What to check when the target refuses (README names per source), and where they came from. */
  hint: string;
  source: string;
  caHint: string;
  timeoutMs?: number;
}

/**
 * One signed read-only request through the suite's own wire and signers, before any test:
 * undefined when the target answered anything but a refusal of the credentials (conformance
 * is the suite's to judge), else the one sentence that says what is wrong.
 */
export async function preflight(t: Target, opts: PreflightOptions): Promise<string | undefined> {
  const timeoutMs = opts.timeoutMs ?? PREFLIGHT_TIMEOUT_MS;
  const origin = new URL(t.url).origin;
  const asked: Asked = { label: `${t.provider}@${t.name}`, origin, caHint: opts.caHint };
  const wire = WIRES[t.provider];
  for (const s of wire.secrets(t)) registerSecret(s);
  let answered = false;
  const sender = async (r: SignableRequest) => {
    const got = await send(r, { caFile: t.caFile, timeoutMs });
    answered = true;
    return got;
  };
  let res: Awaited<ReturnType<typeof send>>;
  try {
    res = await sender(await wire.authorize(probeRequest(t), t, sender));
  } catch (e) {
    const socket = (e as { code?: unknown }).code !== undefined || (e as { timedOut?: boolean }).timedOut;
    if (socket) return socketSentence(asked, e, timeoutMs);
    // The target answered the first leg in a way the wire cannot follow (an Azure 401 without a
    // challenge): an HTTP answer, which the suite judges; the preflight is not the place.
    if (answered) return undefined;
    return `${asked.label}: ${redactText((e as Error).message.split('\n')[0] ?? '')}`;
  }
  const body = parseJson(res.text);
  const code = res.status >= 400 ? errorCodeOf(loadSpec(t.provider), res.headers, body) : undefined;
  if (!refuses(t, res.status, code)) return undefined;
  const said = messageOf(body);
  return `${asked.label} rejected the credentials: ${res.status}${code ? ` ${code}` : ''}${said ? ` "${said}"` : ''}; check ${opts.hint} (${opts.source})`;
}
