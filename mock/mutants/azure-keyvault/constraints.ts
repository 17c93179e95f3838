import { ApiError } from '../../host/api-error.ts';
import { at, wrapHandler } from '../apply.ts';
import type { Mutant } from '../mutant.ts';

type Obj = Record<string, any>;

/**
 * Gives one operation its own copy of a shared parameter (`$ref` to components) and edits it,
 * so a constraint breaks on that operation alone.
 */
function editParameter(doc: Obj, path: string, method: string, name: string, edit: (p: Obj) => void): void {
  const params = at(doc, `/paths/${path.replace(/~/g, '~0').replace(/\//g, '~1')}/${method}`).parameters as Obj[];
  const i = params.findIndex((p) => (p.$ref ? at(doc, p.$ref) : p).name === name);
  if (i < 0) throw new Error(`spec mutant: ${method} ${path} has no parameter '${name}'`);
  const copy = structuredClone(params[i]!.$ref ? at(doc, params[i]!.$ref) : params[i]!);
  edit(copy);
  params[i] = copy;
}

/** The request constraints the host reads from the spec, each loosened once in a private copy. */
export const constraints: Mutant[] = [
  {
    name: 'azure-keyvault/api-version-not-required',
    description: 'api-version is optional: a request without it is served instead of refused with 400',
    rules: ['AZKV-FMT-001', 'AZKV-SPEC-002'],
    class: 'required',
    spec: (doc) => {
      at(doc, '/components/parameters/ApiVersion').required = false;
    },
  },
  {
    name: 'azure-keyvault/name-pattern-allows-underscore',
    description: "ImportCertificate's name pattern also lets '_' through (^[0-9a-zA-Z_-]+$)",
    rules: ['AZKV-IMP-003'],
    class: 'pattern',
    spec: (doc) => {
      at(doc, '/components/parameters/NewCertificateName/schema').pattern = '^[0-9a-zA-Z_-]+$';
    },
  },
  {
    // A range, not a length: the Azure spec has no length constraint, so no class fits.
    name: 'azure-keyvault/maxresults-26-accepted',
    description: 'GetCertificates accepts maxresults=26, one above the documented maximum of 25',
    rules: ['AZKV-LST-003'],
    spec: (doc) => editParameter(doc, '/certificates', 'get', 'maxresults', (p) => (p.schema.maximum = 26)),
  },
  {
    name: 'azure-keyvault/deleted-maxresults-26-accepted',
    description: 'GetDeletedCertificates accepts maxresults=26, one above the documented maximum of 25',
    rules: ['AZKV-LST-004'],
    spec: (doc) => editParameter(doc, '/deletedcertificates', 'get', 'maxresults', (p) => (p.schema.maximum = 26)),
  },
  {
    name: 'azure-keyvault/import-value-not-required',
    description: 'an import body without value passes validation and fails in the engine with 500 instead of 400',
    rules: ['AZKV-IMP-004'],
    class: 'required',
    spec: (doc) => {
      const body = at(doc, '/components/schemas/CertificateImportParameters');
      body.required = (body.required as string[]).filter((r) => r !== 'value');
    },
    module: (m) =>
      wrapHandler(m, 'ImportCertificate', (next) => (input, state, ctx) => {
        if ((input.body as { value?: unknown }).value !== undefined) return next(input, state, ctx);
        throw new ApiError(500, 'InternalServerError', 'The service encountered an internal error.');
      }),
  },
];
