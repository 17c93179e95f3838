// AWS Signature Version 4 (Authorization header) on node:crypto. Why it exists: re-signing every
// request with @smithy/signature-v4 cost ~125 us of the mock's ~200 us of CPU (issue 20). This
// builds the canonical request that signer builds when configured as @aws-sdk/client-iot
// configures it (path URI-escaped once more, dot segments and empty segments dropped), hashes
// it once and HMACs once with a signing key cached per (secret, date, region, service).
// test/auth/sigv4.test.ts holds it to the official signer and to the check it replaced.
import { createHash, createHmac } from 'node:crypto';
import type { WireRequest } from '../host/types.ts';
import { escapeRfc3986, sameSignature } from './encode.ts';

export interface SigV4Claim {
  region: string;
  service: string;
  /** Lower-case names as the Authorization header lists them. */
  signedHeaders: string[];
  signature: string;
}

type Signed = Pick<WireRequest, 'method' | 'path' | 'query' | 'headers' | 'rawBody'>;

const EMPTY_SHA256 = createHash('sha256').digest('hex');
const sha256Hex = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

// Derived keys (four HMACs each), newest last; bounded so a stream of scopes cannot grow it.
const keys = new Map<string, Buffer>();
function signingKey(secret: string, date: string, region: string, service: string): Buffer {
  const id = `${date}/${region}/${service}/${secret}`; // scope parts hold no '/', so this is unique
  let key = keys.get(id);
  if (key) return key;
  key = createHmac('sha256', `AWS4${secret}`).update(date).digest();
  for (const part of [region, service, 'aws4_request']) key = createHmac('sha256', key).update(part).digest();
  if (keys.size >= 256) keys.delete(keys.keys().next().value!);
  keys.set(id, key);
  return key;
}

/** The path as the SDK's signer canonicalises it: segments normalised, then escaped again. */
function canonicalPath(path: string): string {
  const segments: string[] = [];
  for (const s of path.split('/')) {
    if (s === '' || s === '.') continue;
    if (s === '..') segments.pop();
    else segments.push(s);
  }
  const tail = segments.length > 0 && path.endsWith('/') ? '/' : '';
  return escapeRfc3986(`${path.startsWith('/') ? '/' : ''}${segments.join('/')}${tail}`).replace(/%2F/g, '/');
}

/** Sorted `key=value` pairs, a repeated key's pairs sorted too; X-Amz-Signature is never signed. */
function canonicalQuery(query: URLSearchParams): string {
  const pairs = new Map<string, string[]>();
  for (const [k, v] of query) {
    // The signer keeps pairs in a plain object, where `__proto__` is no key: it never signs one.
    if (k.toLowerCase() === 'x-amz-signature' || k === '__proto__') continue;
    const key = escapeRfc3986(k);
    const pair = `${key}=${escapeRfc3986(v)}`;
    const list = pairs.get(key);
    if (list) list.push(pair);
    else pairs.set(key, [pair]);
  }
  return [...pairs.keys()].sort().map((k) => pairs.get(k)!.sort().join('&')).join('&');
}

/** Header values as the signer writes them: line breaks to spaces, runs of blanks to one, ends trimmed. */
const headerValue = (v: string) => v.replace(/[\r\n]/g, ' ').replace(/[ \t]+/g, ' ').replace(/^ | $/g, '');

/**
 * Whether `claim.signature` is the SigV4 signature of the request at `signingDate` with `secret`.
 * The signer drops Authorization and Date whatever the list says, writes X-Amz-Date from the
 * signing date, and takes a signed X-Amz-Content-Sha256 as the payload hash (else the body's).
 */
export function sigV4Matches(req: Signed, claim: SigV4Claim, secret: string, signingDate: Date): boolean {
  const longDate = signingDate.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
  const names = new Set(claim.signedHeaders);
  names.delete('authorization');
  names.delete('date');
  names.add('x-amz-date');
  const sorted = [...names].filter((h) => h === 'x-amz-date' || req.headers[h] !== undefined).sort();
  const lines = sorted.map((h) => `${h}:${h === 'x-amz-date' ? longDate : headerValue(req.headers[h]!)}`);
  const declared = names.has('x-amz-content-sha256') ? req.headers['x-amz-content-sha256'] : undefined;
  const payload = declared ?? (req.rawBody.length ? sha256Hex(req.rawBody) : EMPTY_SHA256);
  let canonical: string;
  try {
    canonical = [req.method, canonicalPath(req.path), canonicalQuery(req.query), ...lines, '', sorted.join(';'), payload].join('\n');
  } catch {
    return false; // a lone surrogate cannot be escaped, so no signer could have signed it
  }
  const date = longDate.slice(0, 8);
  const scope = `${date}/${claim.region}/${claim.service}/aws4_request`;
  const toSign = `AWS4-HMAC-SHA256\n${longDate}\n${scope}\n${sha256Hex(canonical)}`;
  const key = signingKey(secret, date, claim.region, claim.service);
  return sameSignature(claim.signature, createHmac('sha256', key).update(toSign).digest('hex'));
}
