import type { Mutant } from '../mutant.ts';
import { mapReplies } from '../apply.ts';
import { onError } from './reply-edits.ts';

/**
 * Bodies dropped. Every answer of this API has a JSON body (RequestId on success, the error
 * body otherwise), so the class's other direction, an empty body turned into JSON, has no
 * empty body here to turn.
 */
export const body: Mutant[] = [
  {
    name: 'alibaba-mqtt/delete-answers-empty-body',
    description: 'a successful DeleteCaCertificate answers 200 with no body',
    rules: ['ALIMQTT-SPEC-001', 'ALIMQTT-DEL-001', 'ALIMQTT-FMT-001'],
    class: 'body',
    module: (m) => mapReplies(m, 'DeleteCaCertificate', (reply) => (reply.status === 200 ? { ...reply, body: undefined } : reply)),
  },
  {
    name: 'alibaba-mqtt/errors-answer-without-body',
    description: 'errors answer their status with no body',
    rules: ['ALIMQTT-SPEC-001', 'ALIMQTT-FMT-002'],
    class: 'body',
    module: (m) => onError(m, (reply) => ({ ...reply, body: undefined })),
  },
];
