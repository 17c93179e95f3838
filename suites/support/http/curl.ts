import { redactHeaders, redactText } from '../../../lib/redact.ts';
import type { SignableRequest } from '../signing/request.ts';

/** Longer bodies (a PEM chain, an import) are clipped in the printed line. */
const MAX_BODY = 4096;

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/**
 * A curl command that replays the request, redacted: secret headers and signature parameters
 * are masked, so the line is safe to print and store (re-sign before running it for real).
 * Building it never throws: a failure report must survive a request curl cannot express.
 */
export function toCurl(req: SignableRequest, caFile?: string): string {
  try {
    const parts = ['curl', '-sS', '-i', '-X', req.method.toUpperCase(), quote(redactText(req.url))];
    if (caFile) parts.push('--cacert', quote(caFile));
    for (const [k, v] of Object.entries(redactHeaders(req.headers))) if (k.toLowerCase() !== 'content-length') parts.push('-H', quote(`${k}: ${v}`));
    if (req.body !== undefined) {
      // Redact the whole body first, then clip: a secret past the clip point, or cut by it, stays masked.
      const text = redactText(typeof req.body === 'string' ? req.body : Buffer.from(req.body).toString('utf8'));
      parts.push('--data-binary', quote(text.length > MAX_BODY ? `${text.slice(0, MAX_BODY)}...(${text.length} characters)` : text));
    }
    return parts.join(' ');
  } catch (e) {
    return `# curl line unavailable: ${(e as Error).message}`;
  }
}
