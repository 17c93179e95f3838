import type { Mutant } from '../mutant.ts';
import { ownParameter } from './spec-edits.ts';

/** Makes one required parameter of one action optional: the engine then sees an empty string. */
const optional = (operationId: string, name: string) => (doc: Record<string, unknown>) => {
  ownParameter(doc, operationId, name).required = false;
};

/** Required parameters, each left unchecked once. */
export const required: Mutant[] = [
  {
    name: 'alibaba-mqtt/delete-without-sn-accepted',
    description: 'DeleteCaCertificate without Sn is looked up as Sn "" (FindCaBySnError) instead of ParameterFieldCheckFailed',
    rules: ['ALIMQTT-DEL-009'],
    class: 'required',
    spec: optional('DeleteCaCertificate', 'Sn'),
  },
  {
    name: 'alibaba-mqtt/register-without-ca-name-accepted',
    description: 'RegisterCaCertificate without CaName registers the CA under the name ""',
    rules: ['ALIMQTT-REG-005'],
    class: 'required',
    spec: optional('RegisterCaCertificate', 'CaName'),
  },
  {
    name: 'alibaba-mqtt/device-list-without-page-size-accepted',
    description: 'ListDeviceCertificate without PageSize answers 200 with an empty page of size 0',
    rules: ['ALIMQTT-SPEC-002'],
    class: 'required',
    spec: optional('ListDeviceCertificate', 'PageSize'),
  },
];
