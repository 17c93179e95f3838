import { expect, test } from '@playwright/test';
import { documentedCodes, statusesForCode } from '../../lib/spec/dialect.ts';
import { loadSpec } from '../../lib/spec/load.ts';
import { statusOf } from '../../mock/providers/alibaba-mqtt/errors.ts';

/**
 * errors.ts answers each code at one status, the lowest the spec documents anywhere (the
 * notice's current one). It must be documented for every action that documents the code,
 * or strict mode would catch the mock on an action no test happened to drive.
 */
const spec = loadSpec('alibaba-mqtt');

test('every documented code has one status that every action documenting it accepts', () => {
  const codes = new Set<string>();
  for (const op of spec.operations.values()) {
    for (const status of op.responses.keys()) for (const c of documentedCodes(spec, op, status) ?? []) codes.add(c);
  }
  expect(codes.size).toBeGreaterThan(10);
  for (const op of spec.operations.values()) {
    for (const code of codes) {
      const documented = statusesForCode(spec, op, code);
      if (documented.length) expect(documented, `${op.operationId} ${code}`).toContain(statusOf(code));
    }
  }
});

test('the notice\'s statuses win over the seed\'s 500; a code documented once keeps its status', () => {
  expect(statusOf('FindCaBySnError')).toBe(400);
  expect(statusOf('MqttOwnerCheckError')).toBe(403);
  expect(statusOf('SnNotUnique')).toBe(401);
  expect(statusOf('InternalError')).toBe(417);
  expect(statusOf('FindDeviceBySnError')).toBe(500);
  expect(() => statusOf('NoSuchCode')).toThrow(/no action documents/);
});
