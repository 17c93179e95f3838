import { expect, test } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../../lib/paths.ts';
import type { ConformanceReport } from '../../reports/report.ts';

/**
 * The suite under faults: the same seed against the built-in mock, once clean and once with
 * documented transient errors, latency and Azure's eventually consistent deleted store. Retries
 * and polling must absorb them: every rule's verdict is the same, and the report counts the
 * retries it needed. Two providers bound the time: aws-iot (throttling at the model's 400,
 * 503) and azure-keyvault (429/503 with Retry-After, and the deleted store 300 ms late).
 * huawei-scm documents no transient error, so faults would only add latency there.
 */
const PROVIDERS = ['aws-iot', 'azure-keyvault'];
const FAULTS = '--faults throttle=0.05,unavailable=0.02,latency=3ms --deleted-visible-after 300';
const SEED = '20240601';

function run(mockArgs: string) {
  const dir = mkdtempSync(join(tmpdir(), 'cc-faults-'));
  const args = [join(ROOT, 'bin', 'certconform.mjs'), 'run', ...PROVIDERS, '--seed', SEED, '--runs', '10', '--report-dir', dir];
  const child = spawn(process.execPath, args, { env: { ...process.env, CI: '1', CERTCONFORM_MOCK_ARGS: mockArgs }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  return new Promise<{ code: number | null; out: string; report: ConformanceReport }>((resolve, reject) =>
    child.on('exit', (code) => {
      try {
        resolve({ code, out, report: JSON.parse(readFileSync(join(dir, 'conformance.json'), 'utf8')) as ConformanceReport });
      } catch (e) {
        reject(new Error(`no report (exit ${code}): ${(e as Error).message}\n${out.slice(-3000)}`));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }),
  );
}

const verdicts = (r: ConformanceReport) => Object.fromEntries(r.rules.map((x) => [`${x.id}@${x.target}`, x.outcome]));

test.describe.configure({ mode: 'serial' });

test(`the verdicts of ${PROVIDERS.join(', ')} under '${FAULTS}' are those of a clean run with the same seed, and the retries are counted`, async () => {
  test.setTimeout(300_000);
  const clean = await run('');
  expect(clean.code, clean.out.slice(-3000)).toBe(0);
  expect(clean.report.run.retries).toBe(0);
  const faulty = await run(FAULTS);
  const before = verdicts(clean.report);
  const after = verdicts(faulty.report);
  const changed = Object.keys(before).filter((k) => before[k] !== after[k]).map((k) => `${k}: ${before[k]} -> ${after[k]}`);
  expect(changed, faulty.out.slice(-4000)).toEqual([]);
  expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
  expect(faulty.code).toBe(clean.code);
  expect(faulty.report.run.retries).toBeGreaterThan(0);
  test.info().annotations.push({ type: 'retries under faults', description: String(faulty.report.run.retries) });
});
