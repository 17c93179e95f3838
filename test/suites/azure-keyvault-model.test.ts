import { expect, test } from '@playwright/test';
import fc from 'fast-check';
import { applyDelete, applyImport, applyPurge, applyRecover, namesIn, newModel, short, stateOf, type KvModel } from '../../suites/azure-keyvault/model/model.ts';
import { predictDelete, predictGet, predictGetDeleted, predictImport, predictPurge, predictRecover } from '../../suites/azure-keyvault/model/predict.ts';
import { nameOfItem, purgeable, softDeletes, versionOf } from '../../suites/azure-keyvault/support/bundle.ts';
import { pollUntil } from '../../suites/azure-keyvault/support/poll.ts';

const N = 'cc-r1-a-00';
const deletion = { recoveryId: 'https://v/deletedcertificates/x', deletedDate: 1, id: 'https://v/certificates/x/v1' };
const fresh = (soft = true): KvModel => {
  const m = newModel([N, 'cc-r1-b-00']);
  applyImport(m, N, 'v1', 't1', soft);
  return m;
};

test('the soft-delete lifecycle moves a name live -> deleted -> live -> deleted -> purged -> live', () => {
  const m = fresh();
  expect(stateOf(m, N)).toBe('live');
  applyDelete(m, N, deletion);
  expect(stateOf(m, N)).toBe('deleted');
  applyRecover(m, N);
  expect(m.certs.get(N)).toMatchObject({ state: 'live', recovered: true, versions: ['v1'] });
  applyDelete(m, N, deletion);
  applyPurge(m, N);
  expect(stateOf(m, N)).toBe('purged');
  applyImport(m, N, 'v2', 't2', true);
  expect(m.certs.get(N)).toMatchObject({ state: 'live', versions: ['v2'], recovered: false });
});

test('a second import adds a version; delete keeps every version for the deleted bundle', () => {
  const m = fresh();
  applyImport(m, N, 'v2', 't2', true);
  expect(m.certs.get(N)?.versions).toEqual(['v1', 'v2']);
  expect(m.certs.get(N)?.x5t).toBe('t2');
});

test('without soft delete a delete is final: the name is purged at once', () => {
  const m = fresh(false);
  applyDelete(m, N, deletion);
  expect(stateOf(m, N)).toBe('purged');
  expect(predictGetDeleted(m, N)).toEqual({ rule: 'AZKV-GET-004', outcomes: [{ status: 404, code: 'CertificateNotFound' }] });
});

test('transitions the documentation does not allow throw (the model is never advanced on a wrong answer)', () => {
  const m = fresh();
  expect(() => applyRecover(m, N)).toThrow(/recover/);
  expect(() => applyPurge(m, N)).toThrow(/purge/);
  expect(() => applyDelete(m, 'cc-r1-b-00', deletion)).toThrow(/delete/);
});

test('predictions name the rule and the documented answers per state', () => {
  const m = fresh();
  const other = 'cc-r1-b-00';
  expect(predictDelete(m, N)).toEqual({ rule: 'AZKV-DEL-001', outcomes: [{ status: 200 }] });
  expect(predictDelete(m, other).rule).toBe('AZKV-DEL-010');
  expect(predictGet(m, other).rule).toBe('AZKV-GET-002');
  applyDelete(m, N, deletion);
  expect(predictDelete(m, N)).toEqual({ rule: 'AZKV-DEL-011', outcomes: [{ status: 404, code: 'CertificateNotFound' }] });
  expect(predictGet(m, N).rule).toBe('AZKV-GET-001');
  expect(predictGetDeleted(m, N).rule).toBe('AZKV-GET-003');
  expect(predictImport(m, N)).toEqual({ rule: 'AZKV-IMP-002', outcomes: [{ status: 409, code: 'Conflict' }] });
  expect(predictPurge(m, N)).toEqual({ rule: 'AZKV-PUR-001', outcomes: [{ status: 204 }, { status: 409, code: 'Conflict' }] });
  expect(predictRecover(m, N).rule).toBe('AZKV-REC-001');
  applyPurge(m, N);
  expect(predictRecover(m, N)).toEqual({ rule: 'AZKV-PUR-003', outcomes: [{ status: 404 }] });
  expect(predictGetDeleted(m, N).rule).toBe('AZKV-PUR-002');
  expect(predictPurge(m, N).rule).toBe('AZKV-PUR-005');
  expect(predictImport(m, N).outcomes).toContainEqual({ status: 200 });
});

test('any sequence of allowed transitions keeps each name in exactly one state', () => {
  const op = fc.constantFrom('import', 'delete', 'recover', 'purge');
  fc.assert(
    fc.property(fc.array(fc.tuple(op, fc.nat({ max: 1 })), { maxLength: 30 }), (steps) => {
      const m = newModel(['a', 'b']);
      for (const [o, i] of steps) {
        const n = m.names[i]!;
        const s = stateOf(m, n);
        if (o === 'import' && s !== 'deleted') applyImport(m, n, `v${Math.random()}`, 't', true);
        if (o === 'delete' && s === 'live') applyDelete(m, n, deletion);
        if (o === 'recover' && s === 'deleted') applyRecover(m, n);
        if (o === 'purge' && s === 'deleted') applyPurge(m, n);
      }
      const all = (['absent', 'live', 'deleted', 'purged'] as const).flatMap((s) => namesIn(m, s));
      expect(all.sort()).toEqual(['a', 'b']);
      for (const n of namesIn(m, 'deleted')) expect(m.certs.get(n)?.deletion).toBeDefined();
    }),
    { seed: 42, numRuns: 200 },
  );
});

test('bundle readers: versions, item names, recovery levels', () => {
  expect(versionOf('https://v.vault.azure.net/certificates/n1/0123abcd', 'n1')).toBe('0123abcd');
  expect(versionOf('https://v.vault.azure.net/certificates/n1', 'n1')).toBeUndefined();
  expect(versionOf('https://v.vault.azure.net/keys/n1/0123', 'n1')).toBeUndefined();
  expect(versionOf('not a url', 'n1')).toBeUndefined();
  expect(nameOfItem('https://v/deletedcertificates/n2')).toBe('n2');
  expect([softDeletes('Recoverable+Purgeable'), purgeable('Recoverable+Purgeable')]).toEqual([true, true]);
  expect([softDeletes('Purgeable'), purgeable('Recoverable+ProtectedSubscription')]).toEqual([false, false]);
  expect(short('cc-r1abc-m3f9a0c1d-x')).toBe('m3f9a0c1');
});

test('pollUntil returns at once when the answer is there and gives up at the bound', async () => {
  let calls = 0;
  const t0 = Date.now();
  expect(await pollUntil(async () => ++calls, () => true, 5_000)).toBe(1);
  expect(Date.now() - t0).toBeLessThan(100);
  calls = 0;
  const t1 = Date.now();
  expect(await pollUntil(async () => ++calls, () => false, 600)).toBeGreaterThan(1);
  expect(Date.now() - t1).toBeGreaterThanOrEqual(600);
  expect(Date.now() - t1).toBeLessThan(2_000);
});
