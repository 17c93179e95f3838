import { expect, test } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../../lib/paths.ts';
import { BIN } from './support/cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'cc-bad-'));
const ledger = join(dir, 'ledger.jsonl');
writeFileSync(ledger, '');
writeFileSync(join(dir, 'garbage.json'), 'garbage\n');

/** Every value a user can get wrong: one sentence (naming the flag or file) on stderr, exit 2. */
const cases: { args: string[]; says: RegExp }[] = [
  { args: ['run', '--grep', '('], says: /--grep '\(' is not a regular expression/ },
  { args: ['run', '--grep', ''], says: /--grep takes a rule id or a regular expression/ },
  { args: ['run', '--reporter', 'nosuch'], says: /--reporter: unknown reporter 'nosuch'/ },
  { args: ['run', '--reporter', 'list,nosuch.ts'], says: /unknown reporter 'nosuch\.ts'/ },
  { args: ['run', '--seed', 'abc'], says: /--seed must be an integer/ },
  { args: ['run', '--runs', '0'], says: /--runs must be an integer >= 1/ },
  { args: ['run', '--shard', '3/2'], says: /--shard takes i\/n/ },
  { args: ['run', '--engine', 'foo'], says: /--engine must be stateful or prism/ },
  { args: ['run', '--target', 'aws-iot=ftp://x'], says: /must be http or https/ },
  { args: ['run', '--report-dir', join(dir, 'garbage.json')], says: /--report-dir .*a file is there, not a folder/ },
  { args: ['run', '--min-score', 'x'], says: /--min-score takes provider=x/ },
  { args: ['run', 'nosuch'], says: /unknown provider 'nosuch'/ },
  { args: ['gate', '--report', join(dir, 'garbage.json')], says: /not JSON/ },
  { args: ['gate', '--report', join(dir, 'none.json')], says: /no such file/ },
  { args: ['gate', '--min-score', '2'], says: /between 0 and 1/ },
  { args: ['baseline', '--expires', '2020-13-01'], says: /--expires takes a date/ },
  { args: ['baseline', '--from', join(dir, 'garbage.json')], says: /not JSON/ },
  { args: ['baseline', '--reason', ' '], says: /--reason must say something/ },
  { args: ['report', 'merge', join(dir, 'none')], says: /is not a directory/ },
  { args: ['cleanup', '--ledger', ledger, '--target', 'nope'], says: /--target takes provider=URL/ },
  { args: ['cleanup', '--ledger', ledger, '--target', 'aws-iot=notaurl'], says: /--target aws-iot: 'notaurl' is not a URL/ },
  { args: ['cleanup', '--ledger', ledger, '--target', 'foo=http://x'], says: /unknown provider 'foo'/ },
  { args: ['cleanup', '--ledger', ledger, '--target', 'aws-iot=http://a', '--target', 'aws-iot=http://b'], says: /given twice/ },
  { args: ['cleanup', '--ledger', join(dir, 'none.jsonl')], says: /no ledger at/ },
];

for (const c of cases) {
  test(`certconform ${c.args.join(' ').replace(dir, '<tmp>')}: one sentence, exit 2`, () => {
    const r = spawnSync(process.execPath, [BIN, ...c.args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(r.status, r.stdout + r.stderr).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines, r.stderr).toHaveLength(1);
    expect(lines[0]).toMatch(c.says);
    expect(r.stderr + r.stdout).not.toMatch(/\n\s+at |Error:/);
  });
}
