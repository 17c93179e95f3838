import type { Spec } from '../../lib/spec/load.ts';
import type { Operation } from '../../lib/spec/operations.ts';
import { ApiError } from '../host/api-error.ts';
import { pickFault } from '../host/faults.ts';
import type { OpInput, ProviderModule } from '../host/types.ts';
import { shapeHeaders, type Spellings } from './headers.ts';
import { MAX_CONSISTENCY_MS, TRANSIENT_RATES, type Kind, type VaryOptions } from './options.ts';
import { Draws } from './random.ts';
import { Sources } from './sources.ts';

export interface Choice {
  n: number;
  kind: Kind;
  operation?: string;
  /** What the mock answered, in a few words. */
  chose: string;
  /** The rules, x-discrepancy notes or standards that allow it. */
  allowedBy: string[];
}

/** Choices kept for GET /__certconform/choices (the oldest go first; counts stay whole). */
const KEPT = 2000;

/**
 * One provider's varying answers: at each decision the documentation leaves open the mock
 * picks one documented alternative with seeded draws, and logs the choice and what allows it.
 * The engine is untouched; the host calls these hooks around it (mock/host/server.ts).
 */
export class Vary {
  private readonly draws: Draws;
  private readonly sources: Sources;
  private readonly kept: Choice[] = [];
  private readonly counts = new Map<string, number>();
  private total = 0;
  private readonly spellings: Spellings = new Map();

  constructor(
    private readonly module: Pick<ProviderModule<unknown>, 'provider' | 'faults'>,
    spec: Spec,
    readonly options: VaryOptions,
    private readonly log: (line: string) => void = (l) => process.stderr.write(`${l}\n`),
  ) {
    this.draws = new Draws(options.seed);
    this.sources = new Sources(spec);
  }

  has(kind: Kind): boolean {
    return this.options.kinds.has(kind);
  }

  record(kind: Kind, operation: string | undefined, chose: string, allowedBy: string[]): void {
    const choice: Choice = { n: ++this.total, kind, ...(operation ? { operation } : {}), chose, allowedBy };
    this.kept.push(choice);
    if (this.kept.length > KEPT) this.kept.shift();
    for (const why of allowedBy) this.counts.set(why, (this.counts.get(why) ?? 0) + 1);
    const at = operation ? ` ${operation}` : '';
    this.log(`certconform mock vary (${this.module.provider}) #${choice.n} ${kind}${at}: ${chose}; allowed by ${allowedBy.join(', ')}`);
  }

  /** After authentication and input validation, before the engine: a transient error, or a smaller page. */
  beforeHandler(op: Operation, input: OpInput): ApiError | undefined {
    const faults = this.module.faults;
    if (faults && this.has('transient')) {
      const kind = pickFault({ ...TRANSIENT_RATES, latencyMs: 0 }, undefined, () => this.draws.next(`transient:${op.operationId}`));
      if (kind) {
        const e = faults[kind](op);
        const rules = this.sources.rulesFor(op.operationId, e.status, e.code);
        this.record('transient', op.operationId, `${e.status} ${e.code}`, [`${op.operationId} documents ${e.code}`, ...rules]);
        return e;
      }
    }
    const page = this.has('pages') ? this.sources.pageParam(op) : undefined;
    if (page) {
      const given = input.query[page.name] as number | undefined;
      const asked = given ?? page.dflt ?? page.max;
      const size = this.draws.logInt(`pages:${op.operationId}`, page.min, asked);
      input.query[page.name] = size;
      this.record('pages', op.operationId, `${page.name}=${size} (asked ${given ?? 'none'})`, [
        `${op.operationId} ${page.name} ${page.min}..${page.max} with a next-page link`,
      ]);
    }
    return undefined;
  }

  /** The error the engine raised, or another documented answer to the same request. */
  error(op: Operation, e: ApiError): ApiError {
    if (!this.has('status')) return e;
    const alternatives = this.sources.alternatives(op, e.status, e.code);
    if (!alternatives.length) return e;
    const pick = this.draws.pick(`status:${op.operationId}:${e.status}:${e.code}`, alternatives);
    const why = pick.allowedBy.length ? pick.allowedBy : alternatives.flatMap((a) => a.allowedBy);
    this.record('status', op.operationId, `${pick.status} ${pick.code} (engine: ${e.status} ${e.code})`, [...new Set(why)]);
    if (pick.status === e.status && pick.code === e.code) return e;
    return new ApiError(pick.status, pick.code, e.message, e.extra, e.headers);
  }

  /** Azure's deleted store: how long a deletion stays invisible there (drawn once at start). */
  consistencyDelayMs(): number {
    const ms = Math.floor(this.draws.next('consistency') * (MAX_CONSISTENCY_MS + 1));
    // The rules that accept the answers in between: 404 from the deleted store, 409 from purge.
    const rules = [
      ...this.sources.rulesFor('GetDeletedCertificate', 404, 'CertificateNotFound'),
      ...this.sources.rulesFor('PurgeDeletedCertificate', 409, 'Conflict'),
    ];
    this.record('consistency', 'GetDeletedCertificate', `a deletion shows in the deleted store after ${ms} ms; purge answers 409 until then`, rules);
    return ms;
  }

  /** Header names respelt and reordered, one spelling and rank per name for the seed. */
  headers(headers: Record<string, string>): Record<string, string> {
    if (!this.has('headers')) return headers;
    return shapeHeaders(headers, this.spellings, this.draws, (name, spelt) =>
      this.record('headers', undefined, `'${name}' spelt '${spelt}', ordered by a seeded rank`, [
        'RFC 9110 §5.1 (field names are case-insensitive)',
        'RFC 9110 §5.3 (the order of different field names carries no meaning)',
      ]),
    );
  }

  /** GET /__certconform/choices. */
  list() {
    return {
      seed: this.options.seed,
      kinds: [...this.options.kinds],
      total: this.total,
      byAllowance: Object.fromEntries([...this.counts].sort((a, b) => b[1] - a[1])),
      choices: this.kept,
    };
  }
}
