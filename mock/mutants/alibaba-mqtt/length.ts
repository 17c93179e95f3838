import { loadSpec, operation } from '../../../lib/spec/load.ts';
import { ok } from '../../providers/alibaba-mqtt/dialect.ts';
import type { MqttState } from '../../providers/alibaba-mqtt/state.ts';
import { wrapHandler } from '../apply.ts';
import type { Mutant } from '../mutant.ts';
import { ownParameter } from './spec-edits.ts';

type Doc = Record<string, unknown>;

/** Sets the character and byte limits of one parameter of one action (the others keep theirs). */
const limit = (operationId: string, name: string, chars: number | undefined, bytes: number | undefined) => (doc: Doc) => {
  const { schema } = ownParameter(doc, operationId, name);
  for (const [key, value] of [['maxLength', chars], ['x-maxBytes', bytes]] as const) {
    if (value === undefined) delete schema[key];
    else schema[key] = value;
  }
};

/** The documented byte limit of DeleteCaCertificate's Sn, read from the unmutated spec. */
const snMaxBytes = () =>
  Number(operation(loadSpec('alibaba-mqtt'), 'DeleteCaCertificate').parameters.find((p) => p.name === 'Sn')!.schema['x-maxBytes']);

/** The 128-byte serial number limits (spec: maxLength + x-maxBytes), each off by one or miscounted. */
export const length: Mutant[] = [
  {
    name: 'alibaba-mqtt/sn-of-129-bytes-accepted',
    description: 'DeleteCaCertificate accepts an Sn of 129 bytes (limit off by one, characters and bytes): an unknown CA, not an invalid parameter',
    rules: ['ALIMQTT-DEL-013'],
    class: 'length',
    spec: limit('DeleteCaCertificate', 'Sn', 129, 129),
  },
  {
    name: 'alibaba-mqtt/sn-over-limit-succeeds',
    description: 'DeleteCaCertificate checks no Sn limit and answers 200 (echoing the Sn, deleting nothing) for an Sn over 128 bytes',
    rules: ['ALIMQTT-DEL-006', 'ALIMQTT-DEL-007', 'ALIMQTT-DEL-013'],
    class: 'length',
    spec: limit('DeleteCaCertificate', 'Sn', undefined, undefined),
    module: (m) =>
      wrapHandler<MqttState>(m, 'DeleteCaCertificate', (next) => (input, state, ctx) => {
        const sn = String(input.query.Sn);
        return Buffer.byteLength(sn) > snMaxBytes() ? ok({ Sn: sn }) : next(input, state, ctx);
      }),
  },
  {
    name: 'alibaba-mqtt/sn-limit-counts-characters',
    description: 'DeleteCaCertificate counts the Sn limit in characters: 43 three-byte characters (129 bytes) pass to the CA lookup',
    rules: ['ALIMQTT-DEL-013'],
    class: 'length',
    spec: limit('DeleteCaCertificate', 'Sn', 128, undefined),
  },
  {
    name: 'alibaba-mqtt/sn-of-128-bytes-refused',
    description: 'DeleteCaCertificate refuses an Sn of exactly 128 bytes with ParameterFieldCheckFailed (limit off by one the other way)',
    rules: ['ALIMQTT-DEL-008'],
    class: 'length',
    spec: limit('DeleteCaCertificate', 'Sn', 128, 127),
  },
  {
    name: 'alibaba-mqtt/device-sn-of-129-bytes-accepted',
    description: 'GetDeviceCertificate accepts a DeviceSn of 129 bytes (limit off by one)',
    rules: ['ALIMQTT-GET-002'],
    class: 'length',
    spec: limit('GetDeviceCertificate', 'DeviceSn', 129, 129),
  },
  {
    name: 'alibaba-mqtt/device-list-ca-sn-of-129-bytes-accepted',
    description: 'ListDeviceCertificateByCaSn accepts a CaSn of 129 bytes (limit off by one)',
    rules: ['ALIMQTT-SPEC-002'],
    class: 'length',
    spec: limit('ListDeviceCertificateByCaSn', 'CaSn', 129, 129),
  },
];
