import { expect, test } from '@playwright/test';
import fc from 'fast-check';
import { PROVIDERS } from '../../lib/providers.ts';
import { planArb, sendable } from './fuzz-cases.ts';
import { judge } from './fuzz-judge.ts';
import { startMocks } from './fuzz-mock.ts';
import { rawExchange } from './fuzz-raw.ts';

/**
 * fast-check drives hostile HTTP over raw node:net / node:tls sockets at each provider of the
 * real mock: garbage, unknown methods, absurd paths and percent-encodings, duplicate and
 * oversized headers, invalid UTF-8, truncated, oversized and chunked bodies, wrong content types,
 * JSON bombs, and requests signed with the provider's own signing code around hostile values.
 * Each case: below 500 and documented for the provider (or a closed connection for broken
 * HTTP), no unexpected error or strict-mode violation in the mock, and a valid signed request
 * right after succeeds. Replay a failure with the printed seed and path.
 */
const RUNS = Number(process.env.CERTCONFORM_FUZZ_RUNS ?? 200);
const SEED = process.env.CERTCONFORM_FUZZ_SEED ? Number(process.env.CERTCONFORM_FUZZ_SEED) : undefined;
const PATH = process.env.CERTCONFORM_FUZZ_PATH;
// Small limits keep oversized cases cheap; the defaults have their own test (fuzz-limits).
const MAX_BODY = 256 * 1024;
const LIMITS = { maxBodyBytes: MAX_BODY, headersTimeoutMs: 1_000, requestTimeoutMs: 2_000 };

for (const provider of PROVIDERS) {
  test(`${provider}: ${RUNS} hostile requests each get a documented answer below 500, and the mock serves right after`, async () => {
    test.setTimeout(150_000);
    const { mocks, close } = await startMocks([provider], LIMITS);
    const m = mocks[provider];
    try {
      await m.probe();
      const property = fc.asyncProperty(planArb(m.spec), async (plan) => {
        const c = await sendable(plan, m.spec, m.target, MAX_BODY);
        const result = await rawExchange(m.served.url, c.chunks, { ca: m.ca, endAfter: c.endAfter, head: c.head, waitMs: 6_000 });
        const problem = judge(m.spec, result, c);
        if (problem) throw new Error(problem);
        if (m.served.violations.length) throw new Error(`the mock recorded: ${m.served.violations.join('; ')}`);
        await m.probe();
      });
      const details = await fc.check(property, { numRuns: RUNS, seed: SEED, path: PATH, interruptAfterTimeLimit: 120_000, markInterruptAsFailure: true });
      if (details.failed) {
        const replay = `CERTCONFORM_FUZZ_SEED=${details.seed} CERTCONFORM_FUZZ_PATH=${details.counterexamplePath ?? ''} npx playwright test -c test/playwright.config.ts test/robustness/fuzz.test.ts -g ${provider}`;
        throw new Error(`${(details.errorInstance as Error)?.message}\n${fc.defaultReportMessage(details)}\nReplay: ${replay}`);
      }
      expect(details.numRuns).toBe(RUNS);
    } finally {
      await close();
    }
  });
}
