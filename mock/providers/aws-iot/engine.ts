/**
 * The AWS IoT engine: state and semantics, no HTTP. Each operation is synchronous and checks
 * every precondition before it changes anything, so it applies fully or not at all.
 */
export * from './certificates.ts';
export * from './policies.ts';
export * from './things.ts';
export { createState, reset, snapshot, type IotState } from './state.ts';
