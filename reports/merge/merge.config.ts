import { defineConfig } from '@playwright/test';
import { join } from 'node:path';

// `playwright merge-reports -c` config for `certconform report merge`: the same report writers
// as a run (conformance.json, index.html, junit.xml, Playwright's HTML report), into
// CERTCONFORM_REPORT_DIR. testDir is the suites' folder, as in the root config, so test
// locations recorded on another machine resolve in this checkout.
const root = join(import.meta.dirname, '..', '..');
const reportDir = process.env.CERTCONFORM_REPORT_DIR ?? join(root, 'reports', 'out');

export default defineConfig({
  testDir: join(root, 'suites'),
  reporter: [
    [join(root, 'reports', 'conformance-reporter.ts'), { outputDir: reportDir }],
    ['html', { outputFolder: join(reportDir, 'playwright-report'), open: 'never' }],
  ],
});
