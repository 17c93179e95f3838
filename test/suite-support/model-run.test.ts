import { expect, test } from '@playwright/test';
import fc from 'fast-check';
import { StepLog } from '../../suites/support/http/steps.ts';
import { runModel } from '../../suites/support/model/run.ts';
import { reachedByOf, replayCommand } from '../../suites/support/replay.ts';
import type { RunInfo } from '../../suites/support/run-info.ts';
import { ConformanceFailure } from '../../suites/support/verdict/failure.ts';
import { Verdicts } from '../../suites/support/verdict/recorder.ts';

// A toy "implementation" that forgets a delete once three items exist: the property must find
// it, shrink it to the shortest sequence, and replay it exactly from the printed seed and path.
interface Model { live: Set<number> }
interface Real { items: Set<number>; calls: string[] }

class Add implements fc.AsyncCommand<Model, Real> {
  constructor(readonly id: number) {}
  check = () => true;
  async run(m: Model, r: Real) {
    r.items.add(this.id);
    m.live.add(this.id);
  }
  toString = () => `Add(${this.id})`;
}
class Remove implements fc.AsyncCommand<Model, Real> {
  constructor(readonly id: number) {}
  check = (m: Readonly<Model>) => m.live.has(this.id);
  async run(m: Model, r: Real) {
    if (r.items.size < 3) r.items.delete(this.id); // the bug
    m.live.delete(this.id);
  }
  toString = () => `Remove(${this.id})`;
}

function options(info: RunInfo, verdicts: Verdicts) {
  return {
    commands: [fc.integer({ min: 0, max: 5 }).map((i) => new Add(i)), fc.integer({ min: 0, max: 5 }).map((i) => new Remove(i))],
    maxCommands: 20,
    setup: async () => ({ model: { live: new Set<number>() }, real: { items: new Set<number>(), calls: [] } }),
    teardown: async () => {},
    invariants: async (m: Model, r: Real) => {
      for (const id of r.items) {
        if (!m.live.has(id)) throw new ConformanceFailure('AWSIOT-DEL-009', 'MUST', 'deleted items are gone', `${id} still there`, 'absent', []);
      }
      verdicts.pass('AWSIOT-DEL-009');
    },
    info,
    log: new StepLog(),
    verdicts,
    grep: 'toy',
    provider: 'aws-iot' as const,
  };
}

const info = (seed: number, path?: string): RunInfo => ({ runId: 't', seed, path, runs: 200, reportDir: '/tmp', safe: false, reachedBy: {} });

test('a failing property is shrunk, printed as steps with a replay command, and the replay reproduces it', async () => {
  const first = await runModel(options(info(42), new Verdicts('aws-iot'))).then(() => undefined, (e: unknown) => e);
  expect(first).toBeInstanceOf(ConformanceFailure);
  const f = first as ConformanceFailure;
  expect(f.rule).toBe('AWSIOT-DEL-009');
  // Shortest failing sequence: three adds of distinct ids, then a remove.
  expect(f.sequence).toHaveLength(4);
  expect(f.sequence!.at(-1)).toMatch(/^4\. Remove\(\d\)$/);
  expect(f.message).toContain('Reproduce with: npx certconform run aws-iot --seed 42 --path');
  const replayed = await runModel(options(info(f.replay!.seed, f.replay!.path), new Verdicts('aws-iot'))).then(() => undefined, (e: unknown) => e);
  expect((replayed as ConformanceFailure).sequence).toEqual(f.sequence);
});

test('a holding property records passes and throws nothing', async () => {
  const verdicts = new Verdicts('aws-iot');
  const o = options(info(7), verdicts);
  o.commands = [fc.integer({ min: 0, max: 5 }).map((i) => new Add(i))];
  await runModel(o);
  expect(verdicts.toJSON().rules['AWSIOT-DEL-009']!.passed).toBeGreaterThan(0);
});

test('a replay command reaches the target the same way: --target, --engine, --runs, selectors with values, secrets by name only', () => {
  const env = { AWS_PROFILE: 'dev team', AWS_ACCESS_KEY_ID: 'AKIDSECRETISH', AWS_SECRET_ACCESS_KEY: 'do-not-print', HUAWEICLOUD_SDK_AK: 'other' };
  const r = reachedByOf({ targets: { 'aws-iot': 'https://iot.eu-west-1.amazonaws.com' }, runs: '50' }, env);
  const cmd = replayCommand(r, 'aws-iot', { seed: 7, path: '1:2~l', grep: "aws-iot model: it's" });
  expect(cmd).toBe(
    "AWS_PROFILE='dev team' npx certconform run aws-iot --target aws-iot=https://iot.eu-west-1.amazonaws.com --runs 50" +
      " --seed 7 --path '1:2~l' --grep 'aws-iot model: it'\\''s'  # with AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY set",
  );
  expect(cmd).not.toContain('do-not-print');
  // The built-in mock: nothing but the engine when it is Prism.
  expect(replayCommand(reachedByOf({ targets: {}, engine: 'prism' }, env), 'aws-iot', { seed: 7, path: '1', grep: 'x' })).toBe(
    'npx certconform run aws-iot --engine prism --seed 7 --path 1 --grep x',
  );
});
