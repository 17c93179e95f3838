import type { Mutant } from '../mutant.ts';
import { onSuccess, withSignByte } from './reply-edits.ts';

/** ActiveCaCertificate / InactivateCaCertificate: the echo and the status they set. */
export const caStatus: Mutant[] = [
  {
    name: 'alibaba-mqtt/inactivate-ca-echoes-other-sn',
    description: 'InactivateCaCertificate echoes "00" + Sn instead of the Sn it was given',
    rules: ['ALIMQTT-STA-001'],
    module: (m) => onSuccess(m, 'InactivateCaCertificate', (body) => void (body.Sn = withSignByte(body.Sn))),
  },
  {
    name: 'alibaba-mqtt/activate-ca-echoes-other-sn',
    description: 'ActiveCaCertificate echoes "00" + Sn instead of the Sn it was given',
    rules: ['ALIMQTT-STA-002'],
    module: (m) => onSuccess(m, 'ActiveCaCertificate', (body) => void (body.Sn = withSignByte(body.Sn))),
  },
  {
    name: 'alibaba-mqtt/inactivate-ca-activates',
    description: 'InactivateCaCertificate runs the activation: the CA answers 200 and stays Status "1"',
    rules: ['ALIMQTT-STA-003'],
    module: (m) => void (m.handlers.InactivateCaCertificate = m.handlers.ActiveCaCertificate!),
  },
];
