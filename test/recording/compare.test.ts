import { expect, test } from '@playwright/test';
import { compareTest } from '../../lib/recording/compare.ts';
import type { RecordedExchange, TestRecording } from '../../lib/recording/format.ts';
import { shapeDifferences, shapeOf } from '../../lib/recording/shape.ts';

type Ex = [operation: string, status: number, body?: unknown, code?: string];
const rec = (list: Ex[]): TestRecording => ({
  version: 1, file: 'aws-iot/x.spec.ts', title: 't', seed: 1,
  exchanges: list.map(([operation, status, body, code], i): RecordedExchange => ({
    n: i + 1, operation, request: { method: 'POST', path: '/' }, response: { status, ...(code ? { code } : {}), ...(body !== undefined ? { body } : {}) },
  })),
});
const cmp = (a: Ex[], b: Ex[]) => compareTest('t', rec(a), rec(b)).map((d) => `${d.step ?? '-'}/${d.recordedStep ?? '-'} ${d.operation}: ${d.what.join('; ')}`);
const cert = { certificateArn: 'arn:aws:iot:<region:1>:<account:1>:cert/<hex:1>', certificateId: '<hex:1>' };
const REG: Ex = ['Register', 200, cert];

test('the same exchanges, or the same with other ids and list contents, do not diverge', () => {
  const page = (n: number, marker?: string) => ({ certificates: Array.from({ length: n }, () => ({ ...cert, status: 'ACTIVE' })), ...(marker ? { nextMarker: marker } : {}) });
  expect(cmp([REG, ['List', 200, page(2)]], [REG, ['List', 200, page(0)]])).toEqual([]);
  // Paging through other tests' resources takes more pages; concurrent requests leave in either order.
  expect(cmp([REG, ['List', 200, page(2, 'm')], ['List', 200, page(1)]], [REG, ['List', 200, page(2, 'm')], ['List', 200, page(2, 'm')], ['List', 200, page(1)]])).toEqual([]);
  expect(cmp([REG, ['Attach', 200], ['Update', 200], ['Delete', 200]], [REG, ['Update', 200], ['Attach', 200], ['Delete', 200]])).toEqual([]);
});

test('another status or code at the same step diverges there, and its consequences follow', () => {
  const recorded: Ex[] = [REG, ['Delete', 409, { __type: 'DeleteConflictException' }, 'DeleteConflictException'], ['Describe', 200, cert], ['Detach', 200], ['Delete', 200]];
  const received: Ex[] = [REG, ['Delete', 200], ['Describe', 404, { __type: 'ResourceNotFoundException' }, 'ResourceNotFoundException']];
  const d = cmp(recorded, received);
  expect(d[0]).toBe('2/2 Delete: status: recorded 409, received 200; code: recorded DeleteConflictException, received none');
  expect(d[1]).toBe('3/3 Describe: status: recorded 200, received 404; code: recorded none, received ResourceNotFoundException');
  expect(d.slice(2)).toEqual(['-/4 Detach: recorded, not sent this time']);
});

test('a body of another shape diverges at its path: a member missing, another type, another string form', () => {
  expect(cmp([REG], [['Register', 200, { certificateArn: 'not-an-arn', certificateId: 3 }]])).toEqual([
    '1/1 Register: .certificateArn: recorded string (arn), received string; .certificateId: recorded string, received number',
  ]);
  expect(shapeDifferences(shapeOf({ a: [{ x: 1, y: 's' }] }), shapeOf({ a: [{ x: 1 }, { x: 2, z: true }] }))).toEqual(['.a[].y: recorded string, received nothing']);
  expect(shapeDifferences(shapeOf({ t: '<time:1>' }), shapeOf({ t: 5 }))).toEqual([]);
});
