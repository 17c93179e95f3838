import * as fs from 'node:fs';
import { relative, resolve } from 'node:path';
import spectralCore from '@stoplight/spectral-core';
import spectralParsers from '@stoplight/spectral-parsers';
import refResolver from '@stoplight/spectral-ref-resolver';
import bundler from '@stoplight/spectral-ruleset-bundler/with-loader';
import spectralRuntime from '@stoplight/spectral-runtime';
import { specFile, SPECS_DIR } from '../lib/paths.ts';
import { PROVIDERS } from '../lib/providers.ts';

// Spectral ships CommonJS: take the named exports from the default export.
const { Document, Spectral } = spectralCore as unknown as typeof import('@stoplight/spectral-core');
const Parsers = spectralParsers as unknown as typeof import('@stoplight/spectral-parsers');
const { httpAndFileResolver } = refResolver as unknown as typeof import('@stoplight/spectral-ref-resolver');
const { bundleAndLoadRuleset } = bundler as unknown as typeof import('@stoplight/spectral-ruleset-bundler/with-loader');
const { fetch } = spectralRuntime as unknown as typeof import('@stoplight/spectral-runtime');
const SEVERITY = ['error', 'warning', 'info', 'hint'] as const;

export interface Finding {
  file: string;
  line: number;
  column: number;
  severity: (typeof SEVERITY)[number];
  code: string;
  message: string;
}

/** Lints OpenAPI files with specs/.spectral.yaml; findings come back sorted by place. */
export async function lintFiles(files: string[], rulesetFile = `${SPECS_DIR}/.spectral.yaml`): Promise<Finding[]> {
  const spectral = new Spectral({ resolver: httpAndFileResolver });
  spectral.setRuleset(await bundleAndLoadRuleset(rulesetFile, { fs, fetch }));
  const findings: Finding[] = [];
  for (const file of files.map((f) => resolve(f))) {
    const doc = new Document(fs.readFileSync(file, 'utf8'), Parsers.Yaml, file);
    for (const r of await spectral.run(doc)) {
      findings.push({
        file: relative(process.cwd(), r.source ?? file) || file,
        line: r.range.start.line + 1,
        column: r.range.start.character + 1,
        severity: SEVERITY[r.severity] ?? 'error',
        code: String(r.code),
        message: r.message,
      });
    }
  }
  return findings.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
}

export const formatFinding = (f: Finding) => `${f.file}:${f.line}:${f.column} ${f.severity} ${f.code} ${f.message}`;

/** `certconform lint [files...]`: exit 1 on any error-level finding. */
export async function lintCommand(files: string[], opts: { quiet?: boolean }): Promise<number> {
  const targets = files.length ? files : PROVIDERS.map(specFile);
  const missing = targets.filter((f) => !fs.existsSync(f));
  if (missing.length) {
    console.error(`certconform lint: no such file: ${missing.join(', ')}`);
    return 2;
  }
  const findings = await lintFiles(targets);
  const shown = opts.quiet ? findings.filter((f) => f.severity === 'error') : findings;
  for (const f of shown) console.log(formatFinding(f));
  const errors = findings.filter((f) => f.severity === 'error').length;
  console.log(`${targets.length} file(s): ${errors} error(s), ${findings.length - errors} other finding(s)`);
  return errors > 0 ? 1 : 0;
}
