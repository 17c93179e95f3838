import { expect, test } from '@playwright/test';
import { addCa, addDevice, deleteCa, deleteDevice, emptyModel, liveDevices, pick, short } from '../../suites/alibaba-mqtt/model/model.ts';
import { RegisterCa, MAX_LIVE_CAS } from '../../suites/alibaba-mqtt/model/register-ca.ts';
import { DeleteCa } from '../../suites/alibaba-mqtt/model/delete-ca.ts';
import { DeleteCaAgain } from '../../suites/alibaba-mqtt/model/delete-ca-again.ts';
import { DeleteDevice } from '../../suites/alibaba-mqtt/model/delete-device.ts';
import { GetDevice } from '../../suites/alibaba-mqtt/model/get-device.ts';
import { ruleFor } from '../../suites/alibaba-mqtt/contract/baseline.ts';

const twoCas = () => {
  const m = emptyModel();
  addCa(m, 'ca1', 'one');
  addCa(m, 'ca2', 'two');
  addDevice(m, 'ca1', 'd1');
  addDevice(m, 'ca1', 'd2');
  addDevice(m, 'ca2', 'd3');
  return m;
};

test('a registered CA starts active with no devices', () => {
  const m = emptyModel();
  addCa(m, 'ca1', 'one');
  expect(m.cas.get('ca1')).toMatchObject({ sn: 'ca1', name: 'one', status: '1' });
  expect(m.cas.get('ca1')!.devices.size).toBe(0);
});

test('deleting a CA cascades to its devices only', () => {
  const m = twoCas();
  deleteCa(m, 'ca1');
  expect([...m.cas.keys()]).toEqual(['ca2']);
  expect(m.deletedCas.get('ca1')).toEqual(['d1', 'd2']);
  expect(liveDevices(m).map((d) => d.deviceSn)).toEqual(['d3']);
});

test('deleting an unknown or already deleted CA changes nothing', () => {
  const m = twoCas();
  deleteCa(m, 'ca1');
  deleteCa(m, 'ca1');
  deleteCa(m, 'nope');
  expect(m.deletedCas.size).toBe(1);
  expect(m.cas.size).toBe(1);
});

test('deleting a device keeps its CA and records the device', () => {
  const m = twoCas();
  deleteDevice(m, 'ca1', 'd1');
  expect(m.cas.get('ca1')!.devices.has('d1')).toBe(false);
  expect(m.deletedDevices.get('d1')).toBe('ca1');
  deleteDevice(m, 'ca2', 'd1'); // not under ca2: nothing
  expect(m.deletedDevices.size).toBe(1);
});

test('pick resolves an index modulo what exists, and nothing from nothing', () => {
  expect(pick(['a', 'b', 'c'], 4)).toBe('b');
  expect(pick([], 3)).toBeUndefined();
  expect(short('0123456789abcdef')).toBe('01234567..');
});

test('commands apply only where the docs give them a subject', () => {
  const empty = emptyModel();
  expect(new RegisterCa().check(empty)).toBe(true);
  expect(new DeleteCa(0).check(empty)).toBe(false);
  expect(new DeleteCaAgain(0).check(empty)).toBe(false);
  expect(new DeleteDevice(0).check(empty)).toBe(false);
  expect(new GetDevice(0).check(empty)).toBe(false);
  const m = twoCas();
  deleteCa(m, 'ca1');
  expect(new DeleteCaAgain(0).check(m)).toBe(true);
  expect(new GetDevice(0).check(m)).toBe(true); // cascade-deleted devices stay askable
  for (let i = m.cas.size; i < MAX_LIVE_CAS; i++) addCa(m, `x${i}`, 'x');
  expect(new RegisterCa().check(m)).toBe(false);
});

test('negative cases map to the specific rule where the catalog has one', () => {
  const c = (name: string, constraint: string) => ({ title: '', where: 'query' as const, name, constraint, apply: (v: object) => v });
  expect(ruleFor('DeleteCaCertificate', c('Sn', 'maxLength'))).toBe('ALIMQTT-DEL-006');
  expect(ruleFor('DeleteCaCertificate', c('Sn', 'x-maxBytes'))).toBe('ALIMQTT-DEL-007');
  expect(ruleFor('DeleteCaCertificate', c('MqttInstanceId', 'required'))).toBe('ALIMQTT-DEL-009');
  expect(ruleFor('GetDeviceCertificate', c('DeviceSn', 'x-maxBytes'))).toBe('ALIMQTT-GET-002');
  expect(ruleFor('RegisterCaCertificate', c('CaContent', 'required'))).toBe('ALIMQTT-REG-005');
  expect(ruleFor('ListCaCertificate', c('PageSize', 'pattern'))).toBe('ALIMQTT-SPEC-002');
});
