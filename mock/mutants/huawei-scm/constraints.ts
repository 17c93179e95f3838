import type { ScmState } from '../../providers/huawei-scm/state.ts';
import { at, wrapHandler } from '../apply.ts';
import type { Mutant } from '../mutant.ts';
import { idOf } from './deleted.ts';

type Obj = Record<string, any>;

const IMPORT_BODY = '/components/schemas/ImportCertificateRequestBody';

/** ListCertificates' own (inline) query parameter of that name. */
function listParameter(doc: Obj, name: string): Obj {
  const p = (at(doc, '/paths/~1v3~1scm~1certificates/get').parameters as Obj[]).find((x) => x.name === name);
  if (!p) throw new Error(`spec mutant: ListCertificates has no parameter '${name}'`);
  return p;
}

/** The request constraints the host reads from the spec, each loosened once in a private copy. */
export const constraints: Mutant[] = [
  {
    name: 'huawei-scm/delete-id-cut-to-16',
    description: 'DeleteCertificate accepts a 17-character id and cuts it to 16, so `<id>0` deletes <id>',
    rules: ['HWSCM-DEL-005'],
    class: 'length',
    spec: (doc) => {
      at(doc, '/components/parameters/CertificateIdDelete/schema').maxLength = 17;
    },
    module: (m) =>
      wrapHandler<ScmState>(m, 'DeleteCertificate', (next) => (input, s, ctx) =>
        next({ ...input, path: { ...input.path, certificate_id: idOf(input).slice(0, 16) } }, s, ctx),
      ),
  },
  {
    name: 'huawei-scm/token-of-31-accepted',
    description: 'an X-Auth-Token of 31 characters (one below the documented minimum of 32) authenticates',
    rules: ['HWSCM-AUTH-002'],
    class: 'length',
    spec: (doc) => {
      at(doc, '/components/parameters/XAuthToken/schema').minLength = 31;
    },
  },
  {
    name: 'huawei-scm/name-of-64-accepted',
    description: 'ImportCertificate accepts a name of 64 characters, one above the documented maximum of 63',
    rules: ['HWSCM-IMP-007'],
    class: 'length',
    spec: (doc) => {
      at(doc, `${IMPORT_BODY}/properties/name`).maxLength = 64;
    },
  },
  {
    name: 'huawei-scm/name-with-space-accepted',
    description: "ImportCertificate's name pattern also lets a space through",
    rules: ['HWSCM-IMP-007'],
    class: 'pattern',
    spec: (doc) => {
      at(doc, `${IMPORT_BODY}/properties/name`).pattern = '^[A-Za-z0-9_. -]+$';
    },
  },
  {
    name: 'huawei-scm/limit-100-accepted',
    description: 'ListCertificates accepts limit=100 besides the documented 10, 20 and 50',
    rules: ['HWSCM-LST-001'],
    class: 'enum',
    spec: (doc) => {
      listParameter(doc, 'limit').schema.enum.push(100);
    },
  },
  {
    name: 'huawei-scm/sort-dir-any-accepted',
    description: 'ListCertificates accepts any sort_dir, not only ASC and DESC',
    rules: ['HWSCM-SPEC-002'],
    class: 'enum',
    spec: (doc) => delete listParameter(doc, 'sort_dir').schema.enum,
  },
  {
    name: 'huawei-scm/name-not-required',
    description: 'ImportCertificate without a name is accepted (the certificate is stored with an empty name)',
    rules: ['HWSCM-SPEC-002'],
    class: 'required',
    spec: (doc) => {
      const body = at(doc, IMPORT_BODY);
      body.required = (body.required as string[]).filter((r) => r !== 'name');
    },
    module: (m) =>
      wrapHandler<ScmState>(m, 'ImportCertificate', (next) => (input, s, ctx) =>
        next({ ...input, body: { name: '', ...(input.body as Obj) } }, s, ctx),
      ),
  },
];
