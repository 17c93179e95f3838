import { ApiError } from '../../host/api-error.ts';
import type { Reply } from '../../host/types.ts';
import { EnrolError, enrolDevice, type EnrolFailure } from './device.ts';
import { DEFAULT_INSTANCE_ID, type MqttState } from './state.ts';
import { deviceView } from './views.ts';

/** Where the control API serves it: POST /__certconform/devices on the alibaba-mqtt port. */
export const SEED_ROUTE = 'devices';

const STATUS: Record<EnrolFailure, number> = {
  'bad-certificate': 400,
  'not-valid-now': 422,
  'unknown-ca': 422,
  'ca-inactive': 422,
  'device-inactive': 409,
  'sn-taken': 409,
};

const fail = (status: number, reason: string, message: string): Reply => ({ status, body: { error: message, reason } });

/**
 * Registers a device certificate as a first MQTT connect would (there is no API action for
 * it): body `{pem, instanceId?}`. 200 with the device in the wire spelling; plain-JSON errors,
 * since this is certconform's API, not Alibaba's.
 */
export async function handleSeed(state: MqttState, body: unknown): Promise<Reply> {
  const b = (body ?? {}) as { pem?: unknown; instanceId?: unknown };
  if (typeof b.pem !== 'string') return fail(400, 'bad-request', 'the body is {"pem": "<device certificate PEM>", "instanceId"?: "<id>"}');
  if (b.instanceId !== undefined && typeof b.instanceId !== 'string') return fail(400, 'bad-request', 'instanceId is a string');
  try {
    return { status: 200, body: deviceView(await enrolDevice(state, b.instanceId ?? DEFAULT_INSTANCE_ID, b.pem)) };
  } catch (e) {
    if (e instanceof EnrolError) return fail(STATUS[e.reason], e.reason, e.message);
    if (e instanceof ApiError) return fail(e.status === 403 ? 403 : 404, e.code, e.message);
    throw e;
  }
}
