import { defineConfig } from '@playwright/test';
import { join } from 'node:path';
import { codeFile, defaultReportDir } from '../../lib/paths.ts';

// `playwright merge-reports -c` config for `certconform report merge`: the same report writers
// as a run (conformance.json, index.html, junit.xml, Playwright's HTML report), into
// CERTCONFORM_REPORT_DIR. testDir is the suites' folder, as in the root config, so test
// locations recorded on another machine resolve here (source or compiled tree, as it runs).
const reportDir = process.env.CERTCONFORM_REPORT_DIR ?? defaultReportDir();

export default defineConfig({
  testDir: codeFile('suites'),
  reporter: [
    [codeFile('reports/conformance-reporter.ts'), { outputDir: reportDir }],
    ['html', { outputFolder: join(reportDir, 'playwright-report'), open: 'never' }],
  ],
});
