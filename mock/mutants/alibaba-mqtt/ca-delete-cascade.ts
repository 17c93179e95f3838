import type { ProviderModule } from '../../host/types.ts';
import type { MqttState } from '../../providers/alibaba-mqtt/state.ts';
import type { Mutant } from '../mutant.ts';
import { keepDeleted, readsDeleted } from './deleted-store.ts';

/** A soft delete whose flag the named reads forget to filter on. */
const softDelete =
  (...reads: string[]) =>
  (m: ProviderModule<MqttState>) => {
    keepDeleted(m);
    for (const op of reads) readsDeleted(m, op);
  };

/**
 * What a CA delete must take with it (the seed: the CA, and every device certificate it
 * issued), each read that could still show it broken once.
 */
export const caDeleteCascade: Mutant[] = [
  {
    name: 'alibaba-mqtt/deleted-ca-still-listed',
    description: 'a deleted CA is still listed by ListCaCertificate (Get and delete see it gone)',
    rules: ['ALIMQTT-DEL-002'],
    module: softDelete('ListCaCertificate'),
  },
  {
    name: 'alibaba-mqtt/deleted-ca-still-found',
    description: 'GetCaCertificate still answers 200 with a deleted CA',
    rules: ['ALIMQTT-DEL-003'],
    module: softDelete('GetCaCertificate'),
  },
  {
    name: 'alibaba-mqtt/ca-delete-leaves-devices',
    description: 'deleting a CA leaves its device certificates: listed by CA and by instance, and readable',
    rules: ['ALIMQTT-DEV-001', 'ALIMQTT-DEV-002', 'ALIMQTT-DEV-003'],
    module: softDelete('ListDeviceCertificateByCaSn', 'ListDeviceCertificate', 'GetDeviceCertificate'),
  },
  {
    name: 'alibaba-mqtt/ca-delete-leaves-devices-under-ca',
    description: 'ListDeviceCertificateByCaSn of a deleted CA still lists its device certificates',
    rules: ['ALIMQTT-DEV-001'],
    module: softDelete('ListDeviceCertificateByCaSn'),
  },
  {
    name: 'alibaba-mqtt/ca-delete-leaves-devices-in-instance',
    description: 'ListDeviceCertificate still lists the device certificates of a deleted CA',
    rules: ['ALIMQTT-DEV-002'],
    module: softDelete('ListDeviceCertificate'),
  },
  {
    name: 'alibaba-mqtt/ca-delete-leaves-device-readable',
    description: 'GetDeviceCertificate still answers 200 for a device certificate of a deleted CA',
    rules: ['ALIMQTT-DEV-003'],
    module: softDelete('GetDeviceCertificate'),
  },
];
