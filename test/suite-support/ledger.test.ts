import { expect, test } from '@playwright/test';
import { appendFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ledger, outstanding } from '../../suites/support/ledger.ts';
import { clearSecrets, registerSecret } from '../../suites/support/signing/redact.ts';

const file = () => join(mkdtempSync(join(tmpdir(), 'ledger-')), 'run', 'ledger.jsonl');

test('outstanding = created and not deleted, in creation order, with the target', () => {
  const f = file();
  const l = new Ledger(f, 'r1', 'http://127.0.0.1:4010');
  l.created('aws-iot', 'certificate', 'a');
  l.created('aws-iot', 'policy', 'p', { note: 'x' });
  l.created('aws-iot', 'certificate', 'b');
  l.deleted('aws-iot', 'certificate', 'a');
  const left = outstanding(f);
  expect(left.map((e) => e.id)).toEqual(['p', 'b']);
  expect(left[0]).toMatchObject({ run: 'r1', target: 'http://127.0.0.1:4010', extra: { note: 'x' } });
});

test('a torn last line (crash mid-write) is ignored; a broken line in the middle is an error naming it', () => {
  const f = file();
  new Ledger(f, 'r1').created('huawei-scm', 'certificate', 'c1');
  appendFileSync(f, '{"event":"crea');
  expect(outstanding(f).map((e) => e.id)).toEqual(['c1']);
  appendFileSync(f, '\n{"event":"created","provider":"huawei-scm","kind":"certificate","id":"c2","run":"r1","at":""}\n');
  expect(() => outstanding(f)).toThrow(/ledger\.jsonl:2: not a ledger entry/);
});

test('secrets never reach the ledger', () => {
  registerSecret('sk-very-secret-value');
  const f = file();
  new Ledger(f, 'r1').created('huawei-scm', 'certificate', 'c1', { token: 'abc', note: 'made with sk-very-secret-value' });
  clearSecrets();
  const text = readFileSync(f, 'utf8');
  expect(text).not.toContain('sk-very-secret-value');
  expect(text).not.toContain('"abc"');
});
