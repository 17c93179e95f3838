import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import type { TestInfo } from '@playwright/test';
import { codeFile } from '../../../lib/paths.ts';
import { redactText } from '../../../lib/redact.ts';
import { normaliseExchange, type RawExchange } from '../../../lib/recording/exchange.ts';
import { RECORDING_VERSION, recordingFile, type RecordedExchange, type TestRecording } from '../../../lib/recording/format.ts';
import { Normaliser } from '../../../lib/recording/normaliser.ts';
import type { RunInfo } from '../run-info.ts';

/**
 * One test's exchanges, normalised as they happen (one Normaliser per test, so identity holds
 * across its steps) and written as one JSON file when the test ends. Secrets never reach the
 * file: every text goes through lib/redact.ts before and after normalisation.
 */
export class TestRecorder {
  private readonly norm: Normaliser;
  private readonly exchanges: RecordedExchange[] = [];

  constructor(
    private readonly dir: string,
    runId: string,
    private readonly withCurl: boolean,
  ) {
    this.norm = new Normaliser(runId);
  }

  add(raw: RawExchange): void {
    const n = this.exchanges.length + 1;
    try {
      this.exchanges.push(normaliseExchange(n, raw, this.norm, this.withCurl));
    } catch (e) {
      // Recording is a by-product: it never changes how a test ends. The step says what was lost.
      const why = `not recorded: ${(e as Error).message.slice(0, 200)}`;
      this.exchanges.push({ n, operation: raw.operation, request: { method: raw.method, path: why }, response: { status: raw.status, ...(raw.code ? { code: raw.code } : {}) } });
    }
  }

  write(testInfo: TestInfo, seed: number): void {
    // Keyed by the source name under suites/, whichever tree runs (tsx or the compiled dist/), so
    // a recording made by one compares with a run of the other.
    const file = relative(codeFile('suites'), testInfo.file).split('\\').join('/').replace(/\.js$/, '.ts');
    const title = testInfo.titlePath.slice(1).join(' › ');
    const doc: TestRecording = { version: RECORDING_VERSION, file, title, seed, exchanges: this.exchanges };
    const path = recordingFile(this.dir, file, title);
    try {
      mkdirSync(dirname(path), { recursive: true });
    // One exchange per line: small, and a committed recording diffs line by line.
    const { exchanges: _, ...meta } = doc;
    const head = `${JSON.stringify(meta).slice(0, -1)},`;
    const lines = this.exchanges.map((e) => JSON.stringify(e)).join(',\n');
      writeFileSync(path, redactText(`${head}"exchanges":[\n${lines}\n]}\n`));
    } catch (e) {
      process.stderr.write(`certconform: the recording of '${title}' could not be written: ${(e as Error).message}\n`);
    }
  }
}

/** The recorder for this test when the run records (RunInfo.record), else undefined. */
export function recorderFor(info: RunInfo): TestRecorder | undefined {
  return info.record ? new TestRecorder(info.record.dir, info.runId, info.record.curl) : undefined;
}
