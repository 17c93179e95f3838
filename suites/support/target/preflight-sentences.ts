import { redactText } from '../signing/redact.ts';

/** Who is being asked: `aws-iot@iot.eu-west-1.amazonaws.com`, and its origin. */
export interface Asked {
  label: string;
  origin: string;
  /** How the command trusts a private CA (`run`: NODE_EXTRA_CA_CERTS; `cleanup` also --ca-file). */
  caHint: string;
}

/** TLS verification failures that mean "this CA is not one we trust". */
const UNKNOWN_CA = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'SELF_SIGNED_CERT_IN_CHAIN', 'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_GET_ISSUER_CERT', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'CERT_UNTRUSTED', 'CERT_SIGNATURE_FAILURE',
]);

/**
 * One sentence for a request that got no HTTP answer: what failed (refused, DNS, TLS, timeout)
 * and what to do about it. Node's error code decides; the message is only quoted.
 */
export function socketSentence(a: Asked, e: unknown, timeoutMs: number): string {
  const code = String((e as { code?: unknown }).code ?? '');
  const host = new URL(a.origin).host;
  const said = redactText(String((e as Error).message ?? e)).split('\n')[0]!.replace(/^\w+ \S+: /, '');
  if ((e as { timedOut?: boolean }).timedOut) return `${a.label}: no answer from ${a.origin} within ${timeoutMs / 1000} s; check the URL, a proxy or a firewall`;
  if (code === 'ECONNREFUSED') return `${a.label}: nothing listens at ${a.origin} (connection refused); is the implementation running, and is the port right?`;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME') return `${a.label}: the host name ${new URL(a.origin).hostname} does not resolve (DNS ${code}); check the URL`;
  if (UNKNOWN_CA.has(code)) return `${a.label}: the TLS certificate of ${a.origin} is not signed by a CA this machine trusts (${code}); ${a.caHint}`;
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') return `${a.label}: the TLS certificate of ${a.origin} does not name ${host} (${code}); use the host name the certificate is for`;
  if (code === 'CERT_HAS_EXPIRED' || code === 'CERT_NOT_YET_VALID') return `${a.label}: the TLS certificate of ${a.origin} is outside its validity (${code})`;
  if (code === 'EPROTO' || code.startsWith('ERR_SSL_')) return `${a.label}: the TLS handshake with ${a.origin} failed (${code}); is the scheme right (http or https)?`;
  if (code === 'ECONNRESET' || code === 'EPIPE' || /socket hang up/.test(said)) {
    return `${a.label}: ${a.origin} closed the connection without an HTTP answer (${code || said}); does it speak HTTP at that port?`;
  }
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH' || code === 'ETIMEDOUT') return `${a.label}: ${a.origin} cannot be reached (${code}); check the network`;
  return `${a.label}: the request to ${a.origin} failed (${code ? `${code}: ` : ''}${said})`;
}

/** The target's own words from an error body, whichever dialect (quoted, redacted, short). */
export function messageOf(body: unknown): string | undefined {
  const b = body as Record<string, unknown> | undefined;
  const nested = b?.error as Record<string, unknown> | undefined;
  const m = b?.message ?? b?.Message ?? b?.error_msg ?? nested?.message;
  return typeof m === 'string' && m ? redactText(m).replace(/\s+/g, ' ').slice(0, 200) : undefined;
}
