import { expect, test } from '@playwright/test';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { firstMockLine, packAndInstall, removeLater, sh } from './packed.ts';

// certconform as another project installs it (issue 17): the packed tarball, installed into an
// empty project, runs a provider's suite there with the report in that project's reports/out,
// lints the shipped specs, serves the mock and gates the report, from compiled JavaScript only.
test('npm pack, npm i <tarball> into an empty project: run, lint, mock --json, gate, a config importing certconform, explain', async () => {
  test.setTimeout(1_200_000);
  const started = Date.now();
  const { project } = await packAndInstall();
  const pkg = join(project, 'node_modules', 'certconform');
  try {
    // What ships: compiled JavaScript with declarations, the specs; no TypeScript sources.
    expect(existsSync(join(pkg, 'dist', 'cli', 'main.js'))).toBe(true);
    expect(existsSync(join(pkg, 'dist', 'index.d.ts'))).toBe(true);
    expect(existsSync(join(pkg, 'specs', 'rules', 'huawei-scm.yaml'))).toBe(true);
    expect(existsSync(join(pkg, 'cli', 'main.ts')), 'TypeScript sources are not published').toBe(false);

    const run = await sh(project, 'npx', ['certconform', 'run', 'huawei-scm'], 600_000);
    expect(run.code, run.out).toBe(0);
    expect(run.out).toContain('huawei-scm@mock');
    const report = JSON.parse(readFileSync(join(project, 'reports', 'out', 'conformance.json'), 'utf8'));
    expect(report.run.targets.map((t: { project: string }) => t.project)).toEqual(['huawei-scm@mock']);
    // The git sha would be the consuming project's, not certconform's: left out when installed.
    expect(report.run.tool).toEqual({ name: 'certconform', version: expect.any(String) });
    expect(report.rules.filter((r: { outcome: string }) => r.outcome === 'passed').length).toBeGreaterThan(10);
    expect(existsSync(join(pkg, 'reports')), 'nothing is written into the installed package').toBe(false);

    const lint = await sh(project, 'npx', ['certconform', 'lint']);
    expect(lint.code, lint.out).toBe(0);
    expect(lint.out).toMatch(/4 file\(s\): 0 error\(s\)/);

    const mock = await firstMockLine(project, ['huawei-scm', '--port-base', '0']);
    expect(mock.line, mock.out).toMatchObject({ provider: 'huawei-scm', url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/) });

    const gate = await sh(project, 'npx', ['certconform', 'gate', '--report', 'reports/out/conformance.json']);
    expect(gate.code, gate.out).toBe(0);
    expect(gate.out).toContain('certconform gate passed');

    // A config file that imports the package's own defineConfig (its exports map), then --list.
    const config = "import { defineConfig } from 'certconform';\nexport default defineConfig({ grep: 'HWSCM-DEL-001' });\n";
    writeFileSync(join(project, 'certconform.config.mjs'), config);
    const list = await sh(project, 'npx', ['certconform', 'run', 'huawei-scm', '--list']);
    expect(list.code, list.out).toBe(0);
    expect(list.out).toMatch(/^huawei-scm@mock: \d+ tests/m);
    expect(list.out).toContain('[HWSCM-DEL-001');
    expect(list.out).not.toContain('HWSCM-AUTH-001]');

    const explain = await sh(project, 'npx', ['certconform', 'explain', 'HWSCM-DEL-001']);
    expect(explain.code, explain.out).toBe(0);
    expect(explain.out).toMatch(/tests that judge it \([1-9]\d*\):\n {2}huawei-scm\//);
  } finally {
    console.log(`pack, install and the commands: ${((Date.now() - started) / 1000).toFixed(0)} s`);
    removeLater(project);
  }
});
