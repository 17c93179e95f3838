import { expect, test } from '@playwright/test';
import fc from 'fast-check';
import { commands } from '../../suites/huawei-scm/model/commands.ts';
import { DeleteCertificate } from '../../suites/huawei-scm/model/delete-certificate.ts';
import { ListCertificates } from '../../suites/huawei-scm/model/list-certificates.ts';
import {
  applyDelete,
  applyImport,
  emptyModel,
  expectDelete,
  expectImport,
  expectShow,
  hasTarget,
  resolveTarget,
  type HeldCert,
} from '../../suites/huawei-scm/model/model.ts';
import { ReimportCertificate } from '../../suites/huawei-scm/model/reimport-certificate.ts';
import { pairReading, readingOf } from '../../suites/huawei-scm/support/duplicate-check.ts';
import { ShowCertificate } from '../../suites/huawei-scm/model/show-certificate.ts';
import { listAll } from '../../suites/huawei-scm/support/list-all.ts';
import { certName, neverExistedId } from '../../suites/huawei-scm/support/names.ts';
import type { ApiClient } from '../../suites/support/http/client.ts';

const cert = (id: string, fingerprint = `fp-${id}`): HeldCert => ({ id, name: `n-${id}`, fingerprint, certificate: 'pem', privateKey: 'key' });
const statuses = (e: { outcomes: { status: number }[] }) => e.outcomes.map((o) => o.status);

test('a held certificate: show 200, delete 204; after the delete: show 400|404, delete 400|404', () => {
  const m = emptyModel();
  applyImport(m, cert('scs0000000000001'));
  expect(expectShow(m, 'scs0000000000001')).toMatchObject({ rule: 'HWSCM-IMP-002' });
  expect(expectDelete(m, 'scs0000000000001')).toMatchObject({ rule: 'HWSCM-DEL-001' });
  expect(statuses(expectDelete(m, 'scs0000000000001'))).toEqual([204]);
  applyDelete(m, 'scs0000000000001');
  expect(m.live.size).toBe(0);
  expect(expectShow(m, 'scs0000000000001').rule).toBe('HWSCM-DEL-003');
  expect(statuses(expectShow(m, 'scs0000000000001')).sort()).toEqual([400, 404]);
  expect(expectDelete(m, 'scs0000000000001').rule).toBe('HWSCM-DEL-004');
  expect(statuses(expectDelete(m, 'scs0000000000001')).sort()).toEqual([400, 404]);
});

test('an id never handed out: show is SHOW-001 (400|404), delete is DEL-006 (400|404)', () => {
  const m = emptyModel();
  expect(expectShow(m, neverExistedId(7))).toMatchObject({ rule: 'HWSCM-SHOW-001' });
  expect(expectDelete(m, neverExistedId(7))).toMatchObject({ rule: 'HWSCM-DEL-006' });
  expect(neverExistedId(7)).toHaveLength(16);
  expect(neverExistedId(-123456789012)).toHaveLength(16);
});

test('duplicate_check compares with held certificates only; either reading until the target shows one', () => {
  const m = emptyModel();
  expect(expectImport(m, 'fp', true).rule).toBe('HWSCM-IMP-001');
  applyImport(m, cert('a', 'fp'));
  expect(expectImport(m, 'fp', true).rule).toBe('HWSCM-IMP-006');
  expect(expectImport(m, 'fp', false).rule).toBe('HWSCM-IMP-009');
  for (const dc of [true, false, undefined]) expect(statuses(expectImport(m, 'fp', dc)).sort()).toEqual([200, 400]);
  m.duplicateReading = 'sdk';
  expect([statuses(expectImport(m, 'fp', true)), statuses(expectImport(m, 'fp', false))]).toEqual([[400], [200]]);
  m.duplicateReading = 'page';
  expect([statuses(expectImport(m, 'fp', true)), statuses(expectImport(m, 'fp', false))]).toEqual([[200], [400]]);
  applyDelete(m, 'a');
  expect(expectImport(m, 'fp', true).rule).toBe('HWSCM-IMP-001');
});

test('duplicate_check readings: each answer shows one, a pair must agree on it', () => {
  expect([readingOf(true, 400), readingOf(true, 200), readingOf(false, 200), readingOf(false, 400)]).toEqual(['sdk', 'page', 'sdk', 'page']);
  expect(readingOf(true, 500)).toBeUndefined();
  expect([pairReading(400, 200), pairReading(200, 400)]).toEqual(['sdk', 'page']);
  // Ignoring the flag (accept both) or refusing every twin follows neither reading.
  expect([pairReading(200, 200), pairReading(400, 400)]).toEqual([undefined, undefined]);
});

test('deleting an unknown id leaves the model alone; re-import of a returned id makes it held again', () => {
  const m = emptyModel();
  applyDelete(m, 'nope');
  expect([m.live.size, m.deleted.size]).toEqual([0, 0]);
  applyImport(m, cert('x'));
  applyDelete(m, 'x');
  applyImport(m, cert('x'));
  expect([m.live.has('x'), m.deleted.has('x')]).toEqual([true, false]);
});

test('targets resolve against the model and check() only allows what exists', () => {
  const m = emptyModel();
  expect([hasTarget(m, 'live'), hasTarget(m, 'deleted'), hasTarget(m, 'never')]).toEqual([false, false, true]);
  expect(new ShowCertificate('live', 0).check(m)).toBe(false);
  expect(new DeleteCertificate('deleted', 3, false).check(m)).toBe(false);
  expect(new ReimportCertificate('live', 0, true).check(m)).toBe(false);
  expect(new ListCertificates(10, undefined).check()).toBe(true);
  applyImport(m, cert('a'));
  applyImport(m, cert('b'));
  applyDelete(m, 'a');
  expect(new ShowCertificate('live', 0).check(m)).toBe(true);
  expect(new DeleteCertificate('deleted', 3, false).check(m)).toBe(true);
  expect(resolveTarget(m, 'live', 5)).toBe('b');
  expect(resolveTarget(m, 'deleted', 5)).toBe('a');
  expect(resolveTarget(m, 'never', 5)).toBe(neverExistedId(5));
  expect(() => resolveTarget(emptyModel(), 'live', 0)).toThrow(/no live certificate/);
});

test('commands print what they are about before they run', () => {
  expect(String(new DeleteCertificate('deleted', 2, true))).toBe('DeleteCertificate(deleted#2)');
  expect(String(new ShowCertificate('never', 1))).toBe('ShowCertificate(never#1)');
  expect(String(new ReimportCertificate('live', 0, false))).toBe('ReimportCertificate(live#0, duplicate_check=false)');
  expect(String(new ListCertificates(20, 'UPLOAD'))).toBe('ListCertificates(limit=20, status=UPLOAD)');
});

test('every command arbitrary generates commands', () => {
  for (const arb of commands) for (const c of fc.sample(arb, { numRuns: 5, seed: 1 })) expect(typeof c.check).toBe('function');
});

test('names fit the documented 3..63 characters of [A-Za-z0-9_.-]', () => {
  for (const tag of ['x', 'a very long tag with spaces and ü', 'model-dup']) {
    const n = certName('rmwthgfvha4ee', tag);
    expect(n).toMatch(/^[A-Za-z0-9_.-]{3,63}$/);
    expect(n.startsWith('cc-rmwthgfvha4ee-')).toBe(true);
  }
});

/** A fake ListCertificates over `ids`, offset counting items or pages. */
function fakeList(ids: string[], offsets: 'items' | 'pages') {
  const calls: number[] = [];
  const api = {
    async call(_op: string, input: { query: { limit: number; offset: number } }) {
      const { limit, offset } = input.query;
      calls.push(offset);
      const start = offsets === 'items' ? offset : offset * limit;
      const rows = ids.slice(start, start + limit).map((id) => ({ id, status: 'UPLOAD' }));
      return { status: 200, label: 'list', body: { certificates: rows, total_count: ids.length } };
    },
  } as unknown as ApiClient;
  return { api, calls };
}

test('listAll reads every page whether offset counts items or pages', async () => {
  const ids = Array.from({ length: 27 }, (_, i) => `id${i}`);
  for (const mode of ['items', 'pages'] as const) {
    const { api, calls } = fakeList(ids, mode);
    const l = await listAll(api, { limit: 10 });
    expect([mode, [...l.byId.keys()].sort()]).toEqual([mode, [...ids].sort()]);
    expect(calls).toEqual(mode === 'items' ? [0, 1, 10, 20] : [0, 1, 2]);
  }
  const { api, calls } = fakeList(ids.slice(0, 7), 'pages');
  expect((await listAll(api, { limit: 10 })).byId.size).toBe(7);
  expect(calls).toEqual([0]);
});

test('cleanup: 204 is deleted; an error with the certificate gone is gone; otherwise it says what it saw', async () => {
  const { cleanup } = await import('../../suites/huawei-scm/cleanup.ts');
  const entry = { event: 'created' as const, provider: 'huawei-scm', kind: 'certificate', id: 'scs0000000000001', run: 'r', at: '' };
  const api = (del: number, show: number) =>
    ({ call: async (op: string) => ({ status: op === 'DeleteCertificate' ? del : show, code: del >= 400 ? 'SCM.0008' : undefined }) }) as unknown as ApiClient;
  expect(await cleanup(api(204, 400), entry)).toBe('deleted');
  expect(await cleanup(api(400, 400), entry)).toBe('gone');
  expect(await cleanup(api(404, 400), entry)).toBe('gone');
  expect(await cleanup(api(400, 200), entry)).toMatch(/still answers 200/);
  expect(await cleanup(api(401, 200), entry)).toMatch(/answered 401 SCM.0008/);
  expect(await cleanup(api(204, 400), { ...entry, kind: 'thing' })).toMatch(/unknown kind/);
});
