import { BoundedCache } from './limits/bounded-cache';

/**
 * What to do with one run of a document:
 * - `interpret`: run it with graphql-js (its first run, or a document the compiler refused);
 * - `compile`: it ran once already, compile it now and keep the outcome with `remember`;
 * - `compiled`: run the compiled query kept for it.
 */
export type CompilationPlan<Compiled> =
  { kind: 'interpret' } | { kind: 'compile' } | { kind: 'compiled'; query: Compiled };

/** A compilation that failed: the document runs with graphql-js from then on. */
export const NOT_COMPILABLE = Symbol('not compilable');

/**
 * Which documents are worth compiling. Compiling costs more than running a document once, so a
 * document is compiled on its second run only: an analyst's one-off query, or a stream of
 * distinct documents, never pays for it. Documents seen once and compiled documents are kept in
 * two bounded caches, so the seen-once stream cannot push the compiled ones out.
 */
export class CompilationPolicy<Compiled> {
  private readonly seenOnce: BoundedCache<string, true>;
  private readonly compiled: BoundedCache<string, Compiled | typeof NOT_COMPILABLE>;

  constructor(capacity: number) {
    this.seenOnce = new BoundedCache(capacity);
    this.compiled = new BoundedCache(capacity);
  }

  plan(key: string): CompilationPlan<Compiled> {
    const kept = this.compiled.get(key);
    if (kept === NOT_COMPILABLE) return { kind: 'interpret' };
    if (kept !== undefined) return { kind: 'compiled', query: kept };
    if (this.seenOnce.get(key)) return { kind: 'compile' };
    this.seenOnce.set(key, true);
    return { kind: 'interpret' };
  }

  /** The outcome of a `compile` plan: the compiled query, or `NOT_COMPILABLE`. */
  remember(key: string, outcome: Compiled | typeof NOT_COMPILABLE): void {
    this.compiled.set(key, outcome);
  }

  get size(): { seenOnce: number; compiled: number } {
    return { seenOnce: this.seenOnce.size, compiled: this.compiled.size };
  }
}
