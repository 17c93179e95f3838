import type { ProviderModule } from '../../host/types.ts';
import type { MqttState } from '../../providers/alibaba-mqtt/state.ts';
import type { Mutant } from '../mutant.ts';
import { onError } from './reply-edits.ts';

/** Answers one error code at another status (the code itself unchanged). */
const statusOf = (code: string, status: number) => (m: ProviderModule<MqttState>) =>
  onError(m, (reply, err) => (err.code === code ? { ...reply, status } : reply));

/** Documented statuses swapped for a neighbour, and an error sent with a success status. */
export const status: Mutant[] = [
  {
    name: 'alibaba-mqtt/not-found-at-404',
    description: 'FindCaBySnError answers 404 (the REST habit) instead of 400 or 500',
    rules: ['ALIMQTT-SPEC-001', 'ALIMQTT-DEL-004', 'ALIMQTT-DEL-005', 'ALIMQTT-DEL-003'],
    class: 'status',
    module: statusOf('FindCaBySnError', 404),
  },
  {
    name: 'alibaba-mqtt/owner-check-at-401',
    description: 'MqttOwnerCheckError answers 401 instead of 403 or 500',
    rules: ['ALIMQTT-SPEC-001', 'ALIMQTT-AUTH-001', 'ALIMQTT-AUTH-005'],
    class: 'status',
    module: statusOf('MqttOwnerCheckError', 401),
  },
  {
    name: 'alibaba-mqtt/error-sent-with-200',
    description: 'FindCaBySnError is sent with HTTP 200 (pop-core would still raise on the Code; other clients would not)',
    rules: ['ALIMQTT-SPEC-001', 'ALIMQTT-FMT-005', 'ALIMQTT-DEL-004'],
    class: 'status',
    module: statusOf('FindCaBySnError', 200),
  },
];
