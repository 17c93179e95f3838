import type { Provider } from '../../lib/providers.ts';
import type { ProviderModule } from '../host/types.ts';

/**
 * The classes of spec constraint a mutant may break (issue #6): every class needs at least one
 * mutant per provider whose spec has such a constraint.
 */
export const CONSTRAINT_CLASSES = [
  'length',
  'pattern',
  'enum',
  'required',
  'error-type', // the header or body field that carries the error code
  'error-shape', // the error body's members
  'status', // a documented status swapped for a neighbour
  'body', // an empty body turned into JSON, or a JSON body dropped
] as const;
export type ConstraintClass = (typeof CONSTRAINT_CLASSES)[number];

/**
 * One deliberate deviation of the stateful mock from one documented behaviour. A mutant only
 * edits copies: `spec` a private copy of the document the host validates requests against,
 * `module` a shallow copy of the provider module (wrap a handler, the dialect, auth). The
 * engine itself carries no mutant branches.
 */
export interface Mutant {
  /** `<provider>/<what-goes-wrong>`, e.g. `aws-iot/delete-active-allowed`. */
  name: string;
  /** What the mutant does differently, in one line. */
  description: string;
  /** Rule ids (specs/rules/<provider>.yaml) the deviation breaks: the suite must catch it. */
  rules: string[];
  /** For a mutant of a spec constraint: which class it belongs to. */
  class?: ConstraintClass;
  /** Set when no test can observe the deviation: why. Counted apart from killed and survived. */
  unobservable?: string;
  spec?(doc: Record<string, unknown>): void;
  module?(module: ProviderModule<any>): void;
}

export const providerOf = (m: Pick<Mutant, 'name'>): Provider => m.name.split('/')[0] as Provider;
