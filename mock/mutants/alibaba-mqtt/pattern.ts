import type { Mutant } from '../mutant.ts';
import { onSuccess } from './reply-edits.ts';
import { ownParameter } from './spec-edits.ts';

/** Patterns: of a request parameter (page numbers) and of a response member (epoch milliseconds). */
export const pattern: Mutant[] = [
  {
    name: 'alibaba-mqtt/device-list-page-no-unchecked',
    description: 'ListDeviceCertificate takes any PageNo ("!!!" included) and answers 200 with PageNo null',
    rules: ['ALIMQTT-SPEC-002', 'ALIMQTT-SPEC-001'],
    class: 'pattern',
    spec: (doc) => void delete ownParameter(doc, 'ListDeviceCertificate', 'PageNo').schema.pattern,
  },
  {
    name: 'alibaba-mqtt/validity-as-iso-dates',
    description: 'GetCaCertificate answers ValidBegin and ValidEnd as ISO dates instead of epoch-millisecond strings',
    rules: ['ALIMQTT-SPEC-001'],
    class: 'pattern',
    module: (m) =>
      onSuccess(m, 'GetCaCertificate', (body) => {
        for (const key of ['ValidBegin', 'ValidEnd']) body.Data[key] = new Date(Number(body.Data[key])).toISOString();
      }),
  },
];
