import { expect, test } from '@playwright/test';
import { intervalMs, pace } from '../../suites/support/http/pace.ts';

test('--rps is split across workers; no cap means no wait', () => {
  expect(intervalMs({ CERTCONFORM_RPS: '10' })).toBe(100);
  expect(intervalMs({ CERTCONFORM_RPS: '10', CERTCONFORM_WORKERS: '2' })).toBe(200);
  expect(intervalMs({})).toBe(0);
});

test('pace spaces requests at the interval', async () => {
  const started = Date.now();
  for (let i = 0; i < 5; i++) await pace(40);
  expect(Date.now() - started).toBeGreaterThanOrEqual(150); // 4 gaps of 40 ms after the first
});
