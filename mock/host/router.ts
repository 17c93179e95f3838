import type { Spec } from '../../lib/spec/load.ts';
import type { Operation } from '../../lib/spec/operations.ts';

interface Route {
  op: Operation;
  regex: RegExp;
  names: string[];
  literals: number;
}

export type Match =
  | { kind: 'found'; op: Operation; params: Record<string, string> }
  | { kind: 'method'; allowed: string[] }
  | { kind: 'none' };

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Routes from the spec's path templates. Concrete segments win over templated ones (as
 * OpenAPI prescribes), so `/certificates/{name}/import` beats `/certificates/{name}/{version}`.
 */
export class Router {
  private readonly routes: Route[];

  constructor(spec: Spec) {
    this.routes = [...spec.operations.values()]
      .map((op) => {
        const names: string[] = [];
        const parts = op.path.split(/(\{[^}]+\})/).filter(Boolean);
        const source = parts
          .map((p) => (p.startsWith('{') ? (names.push(p.slice(1, -1)), '([^/]+)') : escapeRe(p)))
          .join('');
        const literals = op.path.split('/').filter((s) => s && !s.startsWith('{')).length;
        return { op, regex: new RegExp(`^${source}$`), names, literals };
      })
      .sort((a, b) => b.literals - a.literals);
  }

  match(method: string, path: string): Match {
    const allowed: string[] = [];
    for (const r of this.routes) {
      const m = r.regex.exec(path);
      if (!m) continue;
      if (r.op.method !== method.toLowerCase()) {
        allowed.push(r.op.method.toUpperCase());
        continue;
      }
      const params: Record<string, string> = {};
      r.names.forEach((n, i) => (params[n] = m[i + 1]!));
      return { kind: 'found', op: r.op, params };
    }
    return allowed.length ? { kind: 'method', allowed } : { kind: 'none' };
  }
}
