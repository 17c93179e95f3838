import { ApiError } from '../../host/api-error.ts';
import type { ProviderModule, WireRequest } from '../../host/types.ts';
import { isForm } from '../../providers/alibaba-mqtt/form.ts';
import { missingParameter, systemOverFlow } from '../../providers/alibaba-mqtt/errors.ts';
import type { MqttState } from '../../providers/alibaba-mqtt/state.ts';
import type { Mutant } from '../mutant.ts';

/** The RPC mapping refuses requests that name their action only in the way `named` tells. */
function actionOnlyFromQuery(m: ProviderModule<MqttState>, named: (wire: WireRequest) => boolean): void {
  const map = m.toSpecRequest!;
  m.toSpecRequest = (wire) => (wire.query.has('Action') || !named(wire) ? map(wire) : missingParameter('Action'));
}

/** The RPC wire dialect: where the action is read from, and the throttling answer. */
export const rpcDialect: Mutant[] = [
  {
    name: 'alibaba-mqtt/form-body-action-ignored',
    description: "Action is read from the query only: pop-core's form-urlencoded POST is MissingParameter Action",
    rules: ['ALIMQTT-FMT-004'],
    module: (m) => actionOnlyFromQuery(m, (wire) => isForm(wire.headers['content-type']) && wire.rawBody.length > 0),
  },
  {
    name: 'alibaba-mqtt/acs-action-header-ignored',
    description: "the x-acs-action header is not read: openapi-client's V3 request is MissingParameter Action",
    rules: ['ALIMQTT-FMT-004'],
    module: (m) => actionOnlyFromQuery(m, (wire) => wire.headers['x-acs-action'] !== undefined),
  },
  {
    name: 'alibaba-mqtt/throttle-answers-429',
    description: 'a throttled call answers SystemOverFlow at 429 (the common HTTP status) instead of 403 or 500',
    rules: ['ALIMQTT-DEL-011', 'ALIMQTT-SPEC-001'],
    class: 'status',
    module: (m) => {
      const base = systemOverFlow();
      m.faults = { ...m.faults!, throttle: () => new ApiError(429, base.code, base.message) };
    },
  },
];
