import type fc from 'fast-check';
import { x5t } from '../../support/certs/fingerprint.ts';
import { recoveryLevelOf, softDeletes, versionOf } from '../support/bundle.ts';
import { applyImport, short, stateOf, type KvModel } from './model.ts';
import { predictImport } from './predict.ts';
import { answer, type KvReal } from './real.ts';

/** ImportCertificate of a fresh certificate under one of the sequence's names. */
export class ImportCommand implements fc.AsyncCommand<KvModel, KvReal> {
  private resolved = '';
  constructor(readonly index: number) {}

  check = () => true;

  async run(m: KvModel, r: KvReal): Promise<void> {
    const name = m.names[this.index]!;
    const before = stateOf(m, name);
    const p = predictImport(m, name);
    const { ex, cert } = await r.vault.import(name);
    this.resolved = `(${short(name)}, ${before}) -> ${answer(ex)}`;
    r.check.outcome(p.rule, ex, p.outcomes);
    if (ex.status !== 200) return;
    const b = ex.body as { id?: unknown; x5t?: unknown };
    r.check.that('AZKV-IMP-020', b.x5t === x5t(cert.der), `x5t ${JSON.stringify(b.x5t)}`, `the imported certificate's SHA-1 thumbprint ${x5t(cert.der)}`);
    const version = versionOf(b.id, name);
    r.check.that('AZKV-FMT-004', !!version, `id ${JSON.stringify(b.id)}`, `{vaultBaseUrl}/certificates/${name}/{version}`);
    r.vault.pending.delete(name);
    // The model remembers the x5t the target answered: DEL-003 compares with it, not with our hash.
    applyImport(m, name, version!, String(b.x5t), softDeletes(recoveryLevelOf(ex.body)));
  }

  toString = () => `ImportCertificate${this.resolved || `(#${this.index})`}`;
}
