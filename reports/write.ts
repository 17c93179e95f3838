import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderHtml } from './html/render.ts';
import { junitXml } from './junit.ts';
import type { ConformanceReport } from './report.ts';

export interface WrittenReports {
  json: string;
  html: string;
  junit: string;
}

/**
 * Writes the three views of one report side by side: conformance.json (the data), index.html
 * (the matrix page) and junit.xml (one test case per rule). A run and a shard merge both end
 * here, so the files always agree. Each file is written whole, then renamed into place, so a
 * reader never sees half a report.
 */
export function writeReports(report: ConformanceReport, dir: string): WrittenReports {
  mkdirSync(dir, { recursive: true });
  const files: WrittenReports = { json: join(dir, 'conformance.json'), html: join(dir, 'index.html'), junit: join(dir, 'junit.xml') };
  const put = (file: string, text: string) => {
    writeFileSync(`${file}.tmp`, text);
    renameSync(`${file}.tmp`, file);
  };
  put(files.json, `${JSON.stringify(report, null, 2)}\n`);
  put(files.junit, junitXml(report));
  put(files.html, renderHtml(report));
  return files;
}
