import type { Handler, OpInput, ProviderModule, Reply } from '../../host/types.ts';
import { keyOf, type Vault } from '../../providers/azure-keyvault/vault.ts';
import { mapReplies } from '../apply.ts';

// Shared by the azure-keyvault mutants that rewrite what a success answer says (errors are
// thrown past mapReplies, so only 2xx bodies are ever touched).

export type Obj = Record<string, any>;

/** The operations that answer with one bundle, and the listings (items under `value`). */
export const BUNDLE_OPS = ['ImportCertificate', 'GetCertificate', 'GetCertificateVersion', 'DeleteCertificate', 'GetDeletedCertificate', 'RecoverDeletedCertificate'];
export const LIST_OPS = ['GetCertificates', 'GetDeletedCertificates'];
/** Where the deleted store shows itself: the delete's answer, the deleted get and the deleted listing. */
export const DELETED_OPS = ['DeleteCertificate', 'GetDeletedCertificate', 'GetDeletedCertificates'];

export const nameOf = (input: OpInput) => String(input.path['certificate-name']);

/** Edits a copy of the JSON body of every 2xx reply of the operations. */
export function editBodies(m: ProviderModule<any>, ops: string[], edit: (body: Obj, reply: Reply) => void): void {
  for (const op of ops) {
    mapReplies(m, op, (r) => {
      if (r.status >= 300 || !r.body || typeof r.body !== 'object') return r;
      const body = structuredClone(r.body) as Obj;
      edit(body, r);
      return { ...r, body };
    });
  }
}

/** Edits each bundle of a body: the body itself, or every item of a listing page. */
export function editBundles(m: ProviderModule<any>, ops: string[], edit: (bundle: Obj) => void): void {
  editBodies(m, ops, (body) => (Array.isArray(body.value) ? body.value : [body]).forEach(edit));
}

/** A handler that also finds a deleted (not purged) name, as if it were live, for one lookup. */
export const servedFromDeleted =
  (next: Handler<Vault>): Handler<Vault> =>
  async (input, v, ctx) => {
    const k = keyOf(nameOf(input));
    const d = v.deleted.get(k);
    if (v.live.has(k) || !d) return next(input, v, ctx);
    v.live.set(k, d.certificate);
    try {
      return await next(input, v, ctx);
    } finally {
      v.live.delete(k);
    }
  };
