import { readFileSync } from 'node:fs';
import type { ConformanceReport } from '../report.ts';
import { schemaProblems } from '../schema/validate.ts';

export class ReportFileError extends Error {}

/** Reads a conformance.json the gate can trust: JSON, and valid against the published schema. */
export function loadReport(file: string): ConformanceReport {
  let doc: unknown;
  try {
    doc = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw new ReportFileError(`report ${file}: ${err.code === 'ENOENT' ? 'no such file (run `certconform run` or `certconform report merge` first)' : `not JSON: ${err.message.replace(/\s+/g, ' ')}`}`);
  }
  const problems = schemaProblems('conformance', doc);
  if (problems.length) {
    const shown = problems.slice(0, 5).map((p) => `${p.path || '(top level)'} ${p.message}`).join('; ');
    throw new ReportFileError(`report ${file} is not a conformance report (reports/schema/conformance.schema.json): ${shown}${problems.length > 5 ? `; and ${problems.length - 5} more` : ''}`);
  }
  return doc as ConformanceReport;
}
