/**
 * The body Codes @alicloud/pop-core reads as success (reference/official-models.md §3.3; its
 * lib/rpc.js `this.codes`): it ignores the HTTP status and raises on any other Code.
 */
const SUCCESS_CODES: readonly unknown[] = [200, '200', 'OK', 'Success', 'success'];

export const isPopCoreSuccess = (code: unknown): boolean => SUCCESS_CODES.includes(code);
