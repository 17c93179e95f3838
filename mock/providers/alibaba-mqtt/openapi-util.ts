import openApiUtilModule from '@alicloud/openapi-util';

// @alicloud/openapi-util is CommonJS whose class is its `default` export: under Node's ESM the
// default import is the whole exports object, so the class sits one level down. Its static
// signing helpers are the code the SDKs sign with.
export const OpenApiUtil = openApiUtilModule.default;
