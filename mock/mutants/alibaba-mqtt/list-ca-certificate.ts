import type { Mutant } from '../mutant.ts';
import { onSuccess } from './reply-edits.ts';
import { ownParameter } from './spec-edits.ts';

const LIST = 'ListCaCertificate';

/** ListCaCertificate: the page bounds it checks and the pages it answers. */
export const listCaCertificate: Mutant[] = [
  {
    name: 'alibaba-mqtt/page-size-101-accepted',
    description: 'ListCaCertificate accepts PageSize "101" (the 1..100 range off by one)',
    rules: ['ALIMQTT-LST-001'],
    class: 'pattern',
    spec: (doc) => void (ownParameter(doc, LIST, 'PageSize').schema.pattern = '^(101|100|[1-9][0-9]?)$'),
  },
  {
    name: 'alibaba-mqtt/page-no-0-accepted',
    description: 'ListCaCertificate accepts PageNo "0" (counted from 0, answering an empty page)',
    rules: ['ALIMQTT-LST-002'],
    class: 'pattern',
    spec: (doc) => void (ownParameter(doc, LIST, 'PageNo').schema.pattern = '^[0-9]+$'),
  },
  {
    name: 'alibaba-mqtt/list-total-off-by-one',
    description: 'ListCaCertificate answers Total one more than the number of registered CAs',
    rules: ['ALIMQTT-LST-003'],
    module: (m) => onSuccess(m, LIST, (body) => void (body.Data.Total += 1)),
  },
  {
    name: 'alibaba-mqtt/list-reports-every-ca-inactive',
    description: 'ListCaCertificate spells every CA Status "0" (Get still reads the real status)',
    rules: ['ALIMQTT-REG-002', 'ALIMQTT-DEL-012'],
    module: (m) =>
      onSuccess(m, LIST, (body) => {
        for (const ca of body.Data.CaCertificateVOS ?? []) ca.Status = '0';
      }),
  },
];
