import type { Mutant } from '../mutant.ts';
import { onError } from './reply-edits.ts';

type Body = Record<string, unknown>;

/** The RPC error body `{RequestId, HostId, Code, Message, Recommend}`: where the code lives, its members. */
export const errorBody: Mutant[] = [
  {
    name: 'alibaba-mqtt/error-code-member-renamed',
    description: 'errors carry their code in ErrorCode instead of Code',
    rules: ['ALIMQTT-SPEC-001', 'ALIMQTT-FMT-002'],
    class: 'error-type',
    module: (m) =>
      onError(m, (reply) => {
        const body = reply.body as Body;
        body.ErrorCode = body.Code;
        delete body.Code;
      }),
  },
  {
    name: 'alibaba-mqtt/error-body-lacks-message',
    description: 'error bodies leave out the required Message member',
    rules: ['ALIMQTT-SPEC-001', 'ALIMQTT-FMT-002'],
    class: 'error-shape',
    module: (m) => onError(m, (reply) => void delete (reply.body as Body).Message),
  },
  {
    name: 'alibaba-mqtt/error-request-id-empty',
    description: 'error bodies carry RequestId "" (a string still, so the schema holds)',
    rules: ['ALIMQTT-FMT-002'],
    module: (m) => onError(m, (reply) => void ((reply.body as Body).RequestId = '')),
  },
];
