import type { Provider } from '../../../../lib/providers.ts';
import type { Wire } from '../wire.ts';
import { alibabaMqttWire } from './alibaba-mqtt.ts';
import { awsIotWire } from './aws-iot.ts';
import { azureKeyVaultWire } from './azure-keyvault.ts';
import { huaweiScmWire } from './huawei-scm.ts';

export const WIRES: Record<Provider, Wire> = {
  'aws-iot': awsIotWire,
  'azure-keyvault': azureKeyVaultWire,
  'alibaba-mqtt': alibabaMqttWire,
  'huawei-scm': huaweiScmWire,
};
