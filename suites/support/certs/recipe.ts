import type { KeyAlg } from './crypto.ts';
import { issue, selfSigned, validity, type GeneratedCert, type Sans, type ValidityKind } from './generate.ts';
import type { KeyPool } from './key-pool.ts';
import type { SubjectRdns } from './subject.ts';

/**
 * A certificate described as plain data. fast-check arbitraries must be synchronous, but key
 * generation and signing are async, so arbitraries produce recipes (printable, shrinkable,
 * replayable from a seed) and `build(recipe)` turns one into a certificate inside the
 * property or command that needs it:
 *
 *   await fc.assert(fc.asyncProperty(certificateArb(), async (recipe) => {
 *     const cert = await build(recipe);
 *     ...
 *   }), { seed, numRuns });
 */
export interface CertRecipe {
  keyAlg: KeyAlg;
  subject: SubjectRdns;
  sans: Sans;
  /** Resolved against the clock when built, so "expired" stays expired whenever it runs. */
  validity: ValidityKind;
  /** Hex, first byte non-zero. */
  serialNumber: string;
  /** A CA certificate (self-signed unless built with an issuer) or a leaf. */
  ca: boolean;
  /** How `pem` is written: providers must accept both line endings and a missing final newline. */
  pem: { crlf: boolean; trailingNewline: boolean };
}

export interface CaWithDevicesRecipe {
  ca: CertRecipe;
  devices: CertRecipe[];
}

/** A built certificate; `pem` is written in the recipe's style, `cert`/`der` are canonical. */
export interface BuiltCert extends GeneratedCert {
  recipe: CertRecipe;
}

/** Rewrites a canonical PEM in the given style. */
export function stylePem(pem: string, style: CertRecipe['pem']): string {
  const body = pem.replace(/\n+$/, '');
  const lines = style.crlf ? body.replace(/\n/g, '\r\n') : body;
  return style.trailingNewline ? `${lines}${style.crlf ? '\r\n' : '\n'}` : lines;
}

/** Builds a recipe: self-signed, or issued by `issuer` when one is given. */
export async function build(recipe: CertRecipe, issuer?: GeneratedCert, pool?: KeyPool): Promise<BuiltCert> {
  const opts = {
    subject: recipe.subject,
    keyAlg: recipe.keyAlg,
    sans: recipe.sans,
    serialNumber: recipe.serialNumber,
    ca: recipe.ca,
    pool,
    ...validity(recipe.validity),
  };
  const made = issuer ? await issue(issuer, opts) : await selfSigned(opts);
  return { ...made, pem: stylePem(made.pem, recipe.pem), recipe };
}

/** Builds a CA and its device certificates (devices are issued by the CA). */
export async function buildCaWithDevices(
  recipe: CaWithDevicesRecipe,
  pool?: KeyPool,
): Promise<{ ca: BuiltCert; devices: BuiltCert[] }> {
  const ca = await build({ ...recipe.ca, ca: true }, undefined, pool);
  const devices = await Promise.all(recipe.devices.map((d) => build({ ...d, ca: false }, ca, pool)));
  return { ca, devices };
}
