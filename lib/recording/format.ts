import { createHash } from 'node:crypto';
import { join } from 'node:path';

/**
 * A recording (`certconform run --record DIR`): every exchange of every test, normalised so
 * that two runs of the same tests with the same seed read alike. One JSON file per test under
 * DIR/<provider>/<spec file>/, and DIR/manifest.json with the run's seed and selection.
 */
export const RECORDING_VERSION = 1;

/** One request and its answer, normalised (lib/recording/normaliser.ts). */
export interface RecordedExchange {
  /** The step's number in the test (1-based, in the order sent). */
  n: number;
  operation: string;
  request: { method: string; path: string; query?: Record<string, string>; body?: unknown };
  response: { status: number; code?: string; body?: unknown };
  /** The redacted curl line; only in the recording a --compare run makes of what it received. */
  curl?: string;
}

export interface TestRecording {
  version: number;
  /** `aws-iot/delete-certificate/active-certificate-rejected.spec.ts`: under suites/. */
  file: string;
  /** The test's title path inside its file. */
  title: string;
  seed: number;
  exchanges: RecordedExchange[];
}

export interface RecordingManifest {
  version: number;
  tool: { name: string; version: string; gitSha?: string };
  seed: number;
  runs: number;
  providers: string[];
  grep?: string;
  safe?: boolean;
  recorded: string;
}

/** The identity of a test across runs and targets: its file and title, never its project. */
export const testKey = (file: string, title: string): string => `${file} › ${title}`;

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);

/** DIR/<file without .spec.ts>/<title slug>-<hash>.json: stable across runs, unique per test. */
export function recordingFile(dir: string, file: string, title: string): string {
  const hash = createHash('sha256').update(testKey(file, title)).digest('hex').slice(0, 8);
  return join(dir, file.replace(/\.spec\.[cm]?[jt]s$/, ''), `${slug(title) || 'test'}-${hash}.json`);
}

export const MANIFEST = 'manifest.json';
