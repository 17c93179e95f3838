import { redactHeaders, redactText } from '../signing/redact.ts';
import type { SignableRequest } from '../signing/request.ts';

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
      const text = typeof req.body === 'string' ? req.body : Buffer.from(req.body).toString('utf8');
      parts.push('--data-binary', quote(text.length > 4096 ? `${text.slice(0, 4096)}...(${text.length} bytes)` : redactText(text)));
    }
    return parts.join(' ');
  } catch (e) {
    return `# curl line unavailable: ${(e as Error).message}`;
  }
}
