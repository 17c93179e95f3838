// The crypto every certificate module shares: the WebCrypto provider and the key algorithms.
// reflect-metadata must be loaded before @peculiar/x509 (its DI container needs it).
import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';

// One place sets the crypto provider, so every certificate module shares node's WebCrypto.
x509.cryptoProvider.set(webcrypto as unknown as Crypto);

export { x509 };

/** The key algorithms the suite uses: the ones every provider documents (RSA and ECC). */
export const KEY_ALGS = ['EC-P256', 'EC-P384', 'RSA-2048'] as const;
export type KeyAlg = (typeof KEY_ALGS)[number];

interface AlgInfo {
  generate: EcKeyGenParams | RsaHashedKeyGenParams;
  /** Signature algorithm for certificates signed with this key (hash matched to key strength). */
  sign: EcdsaParams | Algorithm;
  /** Azure key_props for a certificate with this key (CertificatePolicy.key_props). */
  azure: { kty: 'EC' | 'RSA'; key_size: number; crv?: 'P-256' | 'P-384' };
}

const INFO: Record<KeyAlg, AlgInfo> = {
  'EC-P256': {
    generate: { name: 'ECDSA', namedCurve: 'P-256' },
    sign: { name: 'ECDSA', hash: 'SHA-256' },
    azure: { kty: 'EC', key_size: 256, crv: 'P-256' },
  },
  'EC-P384': {
    generate: { name: 'ECDSA', namedCurve: 'P-384' },
    sign: { name: 'ECDSA', hash: 'SHA-384' },
    azure: { kty: 'EC', key_size: 384, crv: 'P-384' },
  },
  'RSA-2048': {
    generate: {
      name: 'RSASSA-PKCS1-v1_5',
      modulusLength: 2048,
      publicExponent: new Uint8Array([1, 0, 1]),
      hash: 'SHA-256',
    },
    sign: { name: 'RSASSA-PKCS1-v1_5' },
    azure: { kty: 'RSA', key_size: 2048 },
  },
};

export const algInfo = (alg: KeyAlg): AlgInfo => INFO[alg];
