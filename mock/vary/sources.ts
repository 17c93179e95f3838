import { RULE_PREFIX } from '../../lib/providers.ts';
import { loadCatalog, type Rule } from '../../lib/rules/catalog.ts';
import { documentedCodes, errorCodeOf, statusesForCode } from '../../lib/spec/dialect.ts';
import type { Spec } from '../../lib/spec/load.ts';
import type { Operation } from '../../lib/spec/operations.ts';
import { deref, get } from '../../lib/spec/pointer.ts';

/**
 * What the documentation leaves open, read from the spec and the rule catalog at start: no
 * outcome is typed here. An alternative is an error status and code the mock may answer
 * instead of the one its engine chose, with the sources that allow it.
 */
export interface Alternative {
  status: number;
  code: string;
  /** The rules and x-discrepancy notes that document this outcome (for the log line). */
  allowedBy: string[];
}

type Obj = Record<string, unknown>;
const matches = (o: { status: number; code?: string }, status: number, code: string) =>
  o.status === status && (o.code === undefined || o.code === code);
/** The rule accepts (status, code) as an answer of `op`. */
const accepts = (r: Rule, op: string, status: number, code: string) =>
  r.outcomes.some((o) => (!o.operation || o.operation === op) && matches(o, status, code));

/** `x-discrepancy` on the operation or on the response at `status`, as a short pointer. */
function discrepancyAt(spec: Spec, op: Operation, status: number): string[] {
  const found: string[] = [];
  if (op.raw['x-discrepancy']) found.push(`x-discrepancy on ${op.operationId}`);
  const r = op.responses.get(String(status));
  if (r && (deref(spec.doc, { $ref: r.at }, r.at).node as Obj | undefined)?.['x-discrepancy']) {
    found.push(`x-discrepancy on ${op.operationId} ${status}`);
  }
  return found;
}

/** The error code of the spec's example at a status (a code for an outcome that names none). */
function exampleCode(spec: Spec, op: Operation, status: number): string | undefined {
  const mt = op.responses.get(String(status))?.content.find((c) => c.mediaType.includes('json'));
  const node = mt && (get(spec.doc, mt.at) as Obj | undefined);
  const example = node?.example ?? (Object.values((node?.examples ?? {}) as Obj)[0] as Obj | undefined)?.value;
  return example === undefined ? undefined : errorCodeOf(spec, {}, example);
}

const SHAPE_ONLY = new Set(['format', 'dialect']);

export class Sources {
  private readonly rules: Rule[];
  private readonly cache = new Map<string, Alternative[]>();

  constructor(readonly spec: Spec) {
    this.rules = loadCatalog(spec.provider).rules;
  }

  /** Ids of the rules judging `op` whose outcomes include (status, code). */
  rulesFor(op: string, status: number, code: string): string[] {
    return this.rulesWith(op, status, code).map((r) => r.id);
  }

  private rulesWith(op: string, status: number, code: string, judging = false): Rule[] {
    // <P>-SPEC-* judge every operation's exchanges (the spec's statuses, its negative inputs),
    // and a rule whose statement names the operation judges it too (AWSIOT-AUTH-004).
    const spec = `${RULE_PREFIX[this.spec.provider]}-SPEC-`;
    const names = new RegExp(`\\b${op}\\b`);
    const about = (r: Rule) => r.operation === op || (judging && (r.id.startsWith(spec) || names.test(r.statement)));
    return this.rules.filter((r) => about(r) && accepts(r, op, status, code));
  }

  /**
   * Every documented answer to an error the engine raised, the raised one first:
   * - the same code at each status the spec documents it at for the operation (discrepancies);
   * - each error outcome of a rule about this operation's situation that every rule accepting
   *   the raised answer also accepts (so no rule can tell), with a code documented at its status.
   */
  alternatives(op: Operation, status: number, code: string): Alternative[] {
    const key = `${op.operationId} ${status} ${code}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    const out: Alternative[] = [{ status, code, allowedBy: [] }];
    const add = (s: number, c: string, why: string[]) => {
      const have = out.find((a) => a.status === s && a.code === c);
      if (have) have.allowedBy.push(...why.filter((w) => !have.allowedBy.includes(w)));
      else out.push({ status: s, code: c, allowedBy: why });
    };
    const byCode = statusesForCode(this.spec, op, code);
    if (byCode.length > 1) {
      for (const s of byCode) add(s, code, [...discrepancyAt(this.spec, op, s), ...this.rulesFor(op.operationId, s, code)]);
    }
    const judging = this.rulesWith(op.operationId, status, code, true);
    // Candidates come from this operation's rules about a situation; the body-format and
    // dialect rules list every error the operation has, so they only narrow, as do SPEC rules.
    // INFO rules are observations, not documentation: they never offer an alternative.
    const situational = judging.filter(
      (r) => r.operation === op.operationId && r.level !== 'INFO' && !SHAPE_ONLY.has(r.category),
    );
    for (const rule of situational) {
      for (const o of rule.outcomes) {
        if (o.status < 400 || (o.operation && o.operation !== op.operationId) || !op.responses.has(String(o.status))) continue;
        // An outcome without a code: the raised code where documented there, else the example's.
        const codes = documentedCodes(this.spec, op, o.status);
        const keep = codes?.includes(code) || (!codes && o.status === status);
        const c = o.code ?? (keep ? code : (exampleCode(this.spec, op, o.status) ?? code));
        if (codes && !codes.includes(c)) continue;
        if (!judging.every((r) => accepts(r, op.operationId, o.status, c))) continue;
        add(o.status, c, situational.map((r) => r.id));
      }
    }
    const result = out.length > 1 ? out : [];
    this.cache.set(key, result);
    return result;
  }

  /**
   * The marker-paged listing's page-size parameter and its documented bounds: a query integer
   * with a minimum and a maximum, on an operation whose success body links a next page.
   */
  pageParam(op: Operation): { name: string; min: number; max: number; dflt?: number } | undefined {
    const ok = [...op.responses.values()].find((r) => /^2/.test(r.status));
    const schemaAt = ok?.content.find((c) => c.mediaType.includes('json'))?.schemaAt;
    if (!schemaAt) return undefined;
    const props = Object.keys((deref(this.spec.doc, { $ref: schemaAt }, schemaAt).node as Obj)?.properties ?? {});
    if (!props.some((p) => /^next/.test(p))) return undefined;
    const p = op.parameters.find((x) => x.in === 'query' && x.schema.type === 'integer' && typeof x.schema.maximum === 'number');
    if (!p) return undefined;
    const min = typeof p.schema.minimum === 'number' ? p.schema.minimum : 1;
    return { name: p.name, min, max: p.schema.maximum as number, dflt: typeof p.schema.default === 'number' ? p.schema.default : undefined };
  }
}
