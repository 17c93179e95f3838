import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { compareTest, type Divergence } from './compare.ts';
import { MANIFEST, RECORDING_VERSION, testKey, type RecordingManifest, type TestRecording } from './format.ts';

export class RecordingError extends Error {}

function readJson<T>(file: string, what: string): T {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch (e) {
    throw new RecordingError(`${what} ${file} is not readable JSON: ${(e as Error).message.replace(/\s+/g, ' ')}`);
  }
}

/** DIR/manifest.json, checked: a folder a `--record` run wrote. */
export function readManifest(dir: string): RecordingManifest {
  const file = join(dir, MANIFEST);
  if (!existsSync(file)) throw new RecordingError(`${dir} holds no recording (no ${MANIFEST}; make one with \`certconform run --record ${dir}\`)`);
  const m = readJson<RecordingManifest>(file, 'the recording manifest');
  if (m.version !== RECORDING_VERSION || !Number.isInteger(m.seed) || !Number.isInteger(m.runs)) {
    throw new RecordingError(`${file} is not a recording manifest of version ${RECORDING_VERSION} (seed and runs as integers)`);
  }
  return m;
}

/** Every test recording under DIR, by testKey. */
export function readTests(dir: string): Map<string, TestRecording> {
  const out = new Map<string, TestRecording>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.json') && name !== MANIFEST) {
        const t = readJson<TestRecording>(p, 'the test recording');
        if (t.version !== RECORDING_VERSION || !Array.isArray(t.exchanges)) throw new RecordingError(`${p} is not a test recording of version ${RECORDING_VERSION}`);
        out.set(testKey(t.file, t.title), t);
      }
    }
  };
  if (existsSync(dir)) walk(dir);
  return out;
}

export interface RecordingComparison {
  divergences: Divergence[];
  /** Tests with at least one divergence. */
  tests: number;
  compared: number;
  /** Recorded tests of the compared providers that did not run this time (a --grep, a skip). */
  notRun: string[];
  /** Tests that ran and are not in the recording. */
  notRecorded: string[];
}

/** The recording against what a --compare run received, test by test, for the providers that ran. */
export function compareRecordings(reference: Map<string, TestRecording>, received: Map<string, TestRecording>, providers: string[]): RecordingComparison {
  const ofRun = (k: string) => providers.includes(k.split('/')[0]!);
  const divergences: Divergence[] = [];
  let tests = 0;
  let compared = 0;
  for (const [k, got] of received) {
    const rec = reference.get(k);
    if (!rec) continue;
    compared++;
    const d = compareTest(k, rec, got);
    if (d.length) tests++;
    divergences.push(...d);
  }
  return {
    divergences, tests, compared,
    notRun: [...reference.keys()].filter((k) => ofRun(k) && !received.has(k)),
    notRecorded: [...received.keys()].filter((k) => !reference.has(k)),
  };
}
