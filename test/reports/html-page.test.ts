import { chromium, expect, test } from '@playwright/test';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { renderHtml } from '../../reports/html/render.ts';
import { fixtureReport, INJECTED } from './html-fixture.ts';

// Debian's chromium, never a downloaded browser (scripts/install-system-deps.sh installs it).
const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

test('the matrix page opens offline in a real browser: matrix, scores, filters, failure details, copy, escaping', async ({}, testInfo) => {
  expect(existsSync(CHROMIUM), `${CHROMIUM} is missing: run \`sudo bash scripts/install-system-deps.sh\` (it installs Debian's chromium)`).toBe(true);
  const report = fixtureReport();
  expect(new Set(report.rules.map((r) => r.outcome))).toEqual(new Set(['passed', 'failed', 'error', 'not-applicable', 'not-run']));
  const failedAt = report.rules.findIndex((r) => r.id === 'HWSCM-DEL-001');
  const failed = report.rules[failedAt]!;
  const steps = failed.failure!.steps;
  const dir = mkdtempSync(join(tmpdir(), 'certconform-page-'));
  const file = join(dir, 'index.html');
  writeFileSync(file, renderHtml(report));
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'], viewport: { width: 1366, height: 900 } });
    const offPage: string[] = [];
    await context.route('**/*', (route) => (route.request().url().startsWith('file:') ? route.continue() : (offPage.push(route.request().url()), route.abort())));
    const page = await context.newPage();
    page.on('request', (r) => void (r.url().startsWith('file:') || offPage.push(r.url())));
    const problems: string[] = [];
    page.on('console', (m) => void (m.type() === 'error' && problems.push(m.text())));
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(pathToFileURL(file).href);
    const rows = page.locator('table.rules tbody tr');

    await test.step('one matrix cell per rule, in its provider column, with the outcome as colour class and symbol', async () => {
      const symbols = { passed: '✓', failed: '✗', error: '!', 'not-applicable': '–', 'not-run': '○' };
      const cells = await page.locator('.matrix button.cell').evaluateAll((els) =>
        els.map((e) => ({ i: Number((e as HTMLElement).dataset.i), project: e.closest('td')!.getAttribute('data-project'), cls: e.className, text: e.textContent })));
      expect(cells).toHaveLength(report.rules.length);
      for (const c of cells) {
        const r = report.rules[c.i]!;
        expect(c, r.id).toMatchObject({ project: `${r.provider}@mock`, text: symbols[r.outcome] });
        expect(c.cls.split(' '), r.id).toContain(`o-${r.outcome}`);
      }
    });

    await test.step('score per target: MUST passed / MUST run, and passed/run per level', async () => {
      // Counted here from the fixture's outcomes and the catalog's levels (the catalog may move a level).
      const huawei = report.rules.filter((r) => r.provider === 'huawei-scm');
      const tally = (level: string) => {
        const run = huawei.filter((r) => r.level === level && ['passed', 'failed', 'error'].includes(r.outcome));
        return { passed: run.filter((r) => r.outcome === 'passed').length, run: run.length };
      };
      const must = tally('MUST');
      expect(must.run).toBeGreaterThan(must.passed);
      expect(report.summary['huawei-scm@mock']!.must).toEqual(must);
      const card = page.locator('.card[data-project="huawei-scm@mock"]');
      await expect(card.locator('.score')).toContainText(`${(Math.floor((must.passed / must.run) * 1000) / 10).toFixed(1)}%`);
      await expect(card.locator('.score')).toContainText(`${must.passed} / ${must.run} MUST rules passed`);
      const should = tally('SHOULD');
      await expect(card.locator('.levels')).toContainText(should.run ? `SHOULD${should.passed} / ${should.run} passed` : 'SHOULDnone run');
      await expect(page.locator('.card[data-project="aws-iot@mock"] .score')).toContainText('100.0%');
      const notMet = must.run - must.passed;
      await expect(page.locator('#verdict')).toHaveText(`Not conformant: ${notMet} MUST rule${notMet === 1 ? '' : 's'} not met`);
    });

    await test.step('filters hide rows and recount without a reload', async () => {
      const huawei = report.rules.filter((r) => r.provider === 'huawei-scm');
      await expect(rows.filter({ visible: true })).toHaveCount(report.rules.length);
      await page.locator('.filters label', { hasText: 'aws-iot@mock' }).click();
      await expect(page.locator('.matrix th[data-project="aws-iot@mock"]')).toBeHidden();
      await expect(page.locator('.matrix td[data-project="aws-iot@mock"] .cell').filter({ visible: true })).toHaveCount(0);
      await expect(rows.filter({ visible: true })).toHaveCount(huawei.length);
      await expect(page.locator('#shown')).toHaveText(String(huawei.length));
      await expect(page.locator('[data-count="outcome"][data-value="passed"]')).toHaveText('2');
      await page.locator('.filters label', { hasText: /passed/ }).click();
      await expect(rows.filter({ visible: true })).toHaveCount(huawei.length - 2);
      await expect(page.locator('.matrix td[data-project="huawei-scm@mock"] .cell.o-passed.dim')).toHaveCount(2);
      await page.locator('.filters label', { hasText: /^\W*failed/ }).click();
      await expect(page.locator(`#rule-${failedAt}`)).toBeHidden();
      await expect(page.locator('#failures-shown')).toHaveText('1');
      await page.locator('#reset-filters').click();
      await expect(rows.filter({ visible: true })).toHaveCount(report.rules.length);
      await expect(page.locator(`#rule-${failedAt}`)).toBeVisible();
    });

    await test.step('a cell shows its rule in the inspector', async () => {
      await page.locator(`.matrix button.cell[data-i="${failedAt}"]`).click();
      await expect(page.locator('#inspector')).toContainText(failed.statement);
      await expect(page.locator('#inspector')).toContainText('received 200, documented 204');
      await expect(page.locator('#inspector .basis')).toHaveText(`basis ${failed.basis}`);
    });

    await test.step("each rule's basis stands beside its level: cell tooltip, rule row, failure card", async () => {
      expect(report.rules.filter((r) => !r.basis).map((r) => r.id), 'rules without a basis in specs/rules/').toEqual([]);
      const titles = await page.locator('.matrix button.cell').evaluateAll((els) => els.map((e) => [Number((e as HTMLElement).dataset.i), e.getAttribute('title')] as const));
      for (const [i, title] of titles) expect(title).toContain(`${report.rules[i]!.id} · ${report.rules[i]!.level} (${report.rules[i]!.basis}) · `);
      const tags = await rows.locator('.basis').allTextContents();
      expect(tags).toEqual(report.rules.map((r) => `basis ${r.basis}`));
      await expect(rows.first().locator('.basis')).toHaveAttribute('title', /^basis: /);
      await expect(page.locator(`#rule-${failedAt} header .basis`)).toHaveText(`basis ${failed.basis}`);
    });

    const card = page.locator(`#rule-${failedAt}`);
    await test.step('a failure shows statement, source pointer, received vs documented, steps and curl', async () => {
      for (const text of [failed.statement, failed.source.file, failed.source.heading, failed.source.quote, steps[0]!.label, steps[1]!.label, failed.failure!.replay!.command]) {
        await expect(card).toContainText(text);
      }
      await expect(card.locator('.rd-item.received')).toContainText('200');
      await expect(card.locator('.rd-item.documented')).toContainText('204');
      await expect(card.locator('.step pre').filter({ hasText: steps[1]!.curl })).toBeVisible();
      await card.locator('.step summary').first().click();
      await expect(card.locator('.step pre').filter({ hasText: steps[0]!.curl })).toBeVisible();
      await expect(page.locator('.failure.f-error')).toContainText('socket hang up');
    });

    await test.step('Copy puts the exact curl on the clipboard', async () => {
      await card.locator('.step').nth(1).locator('button.copy').click();
      await expect(card.locator('.step').nth(1).locator('button.copy')).toHaveText('Copied');
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(steps[1]!.curl);
    });

    await test.step('a hostile response body stays text; the embedded data reads back unchanged', async () => {
      await expect(card.locator('.step').nth(1).locator('pre.body')).toContainText('</script><img src=x onerror=');
      await expect(card.locator('details.message pre')).toContainText(INJECTED);
      await expect(page.locator('img')).toHaveCount(0);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(await page.evaluate(() => JSON.parse(document.getElementById('report-data')!.textContent!))).toEqual(JSON.parse(JSON.stringify(report)));
    });

    const shot = testInfo.outputPath('matrix.png');
    await page.screenshot({ path: shot, fullPage: true });
    await testInfo.attach('matrix', { path: shot, contentType: 'image/png' });
    expect(problems, 'console errors').toEqual([]);
    expect(offPage, 'requests that left the page').toEqual([]);
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a version 1 report (rules without a basis) renders without basis tags, and says so in no cell', () => {
  const v1 = fixtureReport();
  v1.version = 1;
  for (const r of v1.rules) delete r.basis;
  const html = renderHtml(v1);
  expect(html).not.toContain('class="basis');
  expect(html).toContain(`title="${v1.rules[0]!.id} · ${v1.rules[0]!.level} · `);
});
