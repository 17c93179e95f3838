import type { SelfTime } from './cpuprofile.ts';

/**
 * Where a suite worker's CPU goes, by the code a sampled frame belongs to. First match wins;
 * node's internals count where they serve (crypto hashing under HTTP signing, webcrypto under
 * certificates), the rest of node under "other".
 */
const CATEGORIES: [string, RegExp][] = [
  ['idle (awaiting the mock, crypto threads)', /^\(idle\)/],
  ['GC', /^\(garbage collector\)/],
  ['certificate generation', /suites\/support\/certs|@peculiar|asn1js|pvtsutils|pvutils|reflect-metadata|internal\/crypto\/(webcrypto|ec|rsa|keys|keygen|sig|util)/],
  ['spec validation', /ajv|fast-uri|lib\/spec|suites\/support\/checks|json-schema-traverse/],
  ['HTTP and signing', /_http_|node:net|node:tls|node:internal\/(http|net|tls|stream|streams|url|deps\/undici|crypto\/(hash|hmac))|undici|suites\/support\/(http|signing)|@smithy|@aws-crypto|@alicloud|huaweicloud/],
  ['model, generators, tests', /fast-check|suites\//],
  ['Playwright', /playwright/],
  ['loading code (tsx, modules)', /tsx|esbuild|internal\/modules|yaml|cjs-module-lexer|bootstrap/],
];

export function suiteCategory(t: SelfTime): string {
  const key = `${t.frame} ${t.url}`;
  return CATEGORIES.find(([, re]) => re.test(t.frame) || re.test(key))?.[0] ?? 'other';
}
