import { deleteCaAgainArb } from './delete-ca-again.ts';
import { deleteCaArb } from './delete-ca.ts';
import { deleteDeviceArb } from './delete-device.ts';
import { getCaArb } from './get-ca.ts';
import { getDeviceArb } from './get-device.ts';
import { listDevicesByCaArb } from './list-devices-by-ca.ts';
import { registerCaArb } from './register-ca.ts';
import { setCaStatusArb } from './set-ca-status.ts';
import { setDeviceStatusArb } from './set-device-status.ts';

/** One arbitrary per API operation the model knows. */
export const commands = [
  registerCaArb,
  deleteCaArb,
  deleteCaAgainArb,
  getCaArb,
  setCaStatusArb,
  deleteDeviceArb,
  setDeviceStatusArb,
  getDeviceArb,
  listDevicesByCaArb,
];
