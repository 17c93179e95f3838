// The engine: state and semantics of OnsMqtt's certificate actions, no HTTP. Its errors are
// the documented ApiErrors of errors.ts; the dialect serialises them.
export { deleteCa, getCa, listCas, registerCa, registerCodeOf, setCaStatus, type CaRegistration } from './ca.ts';
export { deleteDevice, EnrolError, enrolDevice, getDevice, listDevices, listDevicesOfCa, setDeviceStatus, type EnrolFailure } from './device.ts';
export { createState, DEFAULT_INSTANCE_ID, FOREIGN_INSTANCE_ID, reset, STANDARD_INSTANCE_ID, type MqttState } from './state.ts';
export { snapshot } from './views.ts';
