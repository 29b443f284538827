import type { DataSource } from 'typeorm';

import { readRows } from '../database';

/**
 * Results of reads kept between requests until a write may have changed them: the reference
 * tables (reference-tables.ts), and the totals of lists (`totalCount`, `aggregate`) and grouped
 * statistics (`readStatementRows`), which read every matching row and so grow with the data
 * while a page does not.
 *
 * Kept fresh by being told: `invalidate` drops entries as soon as a write commits (in this
 * process at once; in the others through the live event bus when Redis joins them). Where the
 * database can tell cheaply that another connection committed (SQLite's `PRAGMA data_version`:
 * an import or a seed run by another process, SQL by hand), everything is dropped then too.
 * `ttlMs` bounds what neither tells (MySQL/MariaDB written behind the server's back); `0` keeps
 * nothing. While the other processes' writes cannot be heard (`hearsOtherWrites`: Redis
 * unreachable), nothing is kept and nothing kept is served: what one of them writes meanwhile
 * would go untold. A read under way when its entry is dropped is not kept: it may have begun before the
 * write committed.
 */
/**
 * How often the data version is asked at most, in ms: a write by another process (an import on
 * the command line, SQL by hand) is seen by the requests that begin this long after it. SQLite
 * answers `PRAGMA data_version` by opening a read transaction, whose shared-memory locks are
 * system calls: asked every millisecond, it was 3 % of the CPU of a `regions` request.
 */
export const DATA_VERSION_CHECK_MS = 10;

export interface KeptReadsOptions {
  ttlMs: number;
  /** Entries kept at most; past it the least recently used is dropped. */
  maxEntries: number;
  /**
   * A number that changes whenever another connection has committed since it was last asked;
   * null where the database cannot tell cheaply. Asked at most once per
   * `DATA_VERSION_CHECK_MS`.
   */
  dataVersion?: () => number | null;
  /**
   * Whether the writes of the other processes are heard now (the live event bus); while not,
   * every read goes to the database. Where it says nothing, they are (one process, or no way
   * to hear them at all: `ttlMs` bounds that).
   */
  hearsOtherWrites?: () => boolean;
  now?: () => number;
}

/** What a `KeptReads` has done since it was made, for metrics. */
export interface KeptReadsStatistics {
  /** Answered from what was kept. */
  hits: number;
  /** Read from the database (nothing fresh was kept, or nothing is kept: ttl 0). */
  misses: number;
  /** Entries dropped because a write committed (told, or seen by the data version). */
  dropped: number;
}

interface Kept<V> {
  /** Set once the read has settled: what can be answered without waiting. */
  value?: V;
  loading: Promise<V>;
  readAt: number;
}

export class KeptReads<V> {
  private readonly kept = new Map<string, Kept<V>>();
  private readonly now: () => number;
  private version: number | null = null;
  private versionCheckedAt = Number.NEGATIVE_INFINITY;
  private versionFailing = false;
  private readonly counts: KeptReadsStatistics = { hits: 0, misses: 0, dropped: 0 };

  constructor(private readonly options: KeptReadsOptions) {
    this.now = options.now ?? Date.now;
  }

  /** The kept value of `key` if it is fresh and settled: answered without a promise. */
  current(key: string): V | undefined {
    const value = this.fresh(key)?.value;
    if (value !== undefined) this.counts.hits += 1;
    return value;
  }

  statistics(): Readonly<KeptReadsStatistics> {
    return this.counts;
  }

  /** The value of `key`, read by `load` at most once however many ask for it at the same time. */
  read(key: string, load: () => Promise<V>): Promise<V> {
    const fresh = this.fresh(key);
    if (fresh) {
      this.counts.hits += 1;
      // Most recently used last: the first entry is the one dropped when full.
      this.kept.delete(key);
      this.kept.set(key, fresh);
      return fresh.loading;
    }
    this.counts.misses += 1;
    const entry: Kept<V> = { loading: load(), readAt: this.now() };
    entry.loading.then(
      (value) => {
        entry.value = value;
      },
      // A failed read is not kept: the next request reads again.
      () => this.forget(key, entry),
    );
    if (this.options.ttlMs > 0 && this.hearing()) {
      this.kept.set(key, entry);
      if (this.kept.size > this.options.maxEntries) {
        this.kept.delete(this.kept.keys().next().value!);
      }
    }
    return entry.loading;
  }

  /**
   * This process committed a write. A data version tells every other connection's commits,
   * this process's own included (it writes on a connection of its own): the next check would
   * drop everything again, after what was read and kept since the commit, for nothing (the
   * next request read it again). So where there is a version, everything is dropped now (the
   * check would have) and the version is taken now: what is read from here on is kept against
   * it, and a commit elsewhere moves it again.
   */
  committedHere(): void {
    if (!this.options.dataVersion) return;
    this.dropAll();
    this.versionCheckedAt = Number.NEGATIVE_INFINITY;
    this.dropIfWrittenElsewhere();
  }

  /** Drops the entries of `keys`, or every entry. */
  invalidate(keys?: Iterable<string>): void {
    if (!keys) {
      this.dropAll();
      return;
    }
    for (const key of keys) if (this.kept.delete(key)) this.counts.dropped += 1;
  }

  private fresh(key: string): Kept<V> | undefined {
    if (this.options.ttlMs <= 0) return undefined;
    if (!this.hearing()) {
      // Deaf to the others: what was kept before may have changed since (and is dropped again
      // when hearing comes back: `invalidate()`).
      if (this.kept.size > 0) this.dropAll();
      return undefined;
    }
    // Before a read begins too: a commit while it runs then drops what it reads.
    this.dropIfWrittenElsewhere();
    const entry = this.kept.get(key);
    if (!entry) return undefined;
    if (this.now() - entry.readAt < this.options.ttlMs) return entry;
    this.forget(key, entry);
    return undefined;
  }

  private hearing(): boolean {
    return this.options.hearsOtherWrites?.() ?? true;
  }

  private dropIfWrittenElsewhere(): void {
    const { dataVersion } = this.options;
    if (!dataVersion) return;
    const now = this.now();
    if (now - this.versionCheckedAt < DATA_VERSION_CHECK_MS) return;
    this.versionCheckedAt = now;
    let version: number | null;
    try {
      version = dataVersion();
    } catch (error) {
      // The database cannot tell (its file unreadable…): nothing kept is trusted, and the reads
      // that follow meet the database's own error. Said once per streak of failures.
      if (!this.versionFailing) {
        console.warn(`[kept reads] the data version cannot be read: ${String(error)}`);
      }
      this.versionFailing = true;
      version = null;
      this.dropAll();
    }
    if (version !== null) this.versionFailing = false;
    if (version !== this.version) {
      if (this.version !== null) this.dropAll();
      this.version = version;
    }
  }

  private dropAll(): void {
    this.counts.dropped += this.kept.size;
    this.kept.clear();
  }

  private forget(key: string, entry: Kept<V>): void {
    if (this.kept.get(key) === entry) this.kept.delete(key);
  }
}

/** Rows of statements kept by their text and parameters (lists' totals, grouped statistics). */
export type KeptRows = KeptReads<Record<string, unknown>[]>;

/**
 * The rows of one statement, kept in `kept` (when given) by its text and parameters: they say
 * what it reads and what the caller may see of it (access conditions are part of the statement),
 * so equal statements share equal answers. Kept rows are read on the primary, and never changed
 * by their readers.
 */
export function readStatementRows(
  dataSource: DataSource,
  text: string,
  params: readonly unknown[],
  kept?: KeptRows,
): Promise<Record<string, unknown>[]> {
  if (!kept) return readRows(dataSource, text, params);
  return kept.read(statementKey(text, params), () =>
    readRows(dataSource, text, params, { primary: true }),
  );
}

/** What a statement's rows are kept under: its text and its parameters. */
export function statementKey(text: string, params: readonly unknown[]): string {
  return `${text}\u0000${JSON.stringify(params)}`;
}

/** Statements' rows kept at most: a list's totals are one row, or one per parent. */
const MAX_KEPT_STATEMENTS = 1000;

/** What tells kept reads that a write committed elsewhere (see `KeptReadsOptions`). */
export type WritesElsewhere = Pick<KeptReadsOptions, 'dataVersion' | 'hearsOtherWrites'>;

/** Kept rows of statements, `ttlMs` (0: none), dropped too when `elsewhere` says so. */
export function keptRows(ttlMs: number, elsewhere: WritesElsewhere = {}): KeptRows {
  return new KeptReads({ ttlMs, maxEntries: MAX_KEPT_STATEMENTS, ...elsewhere });
}
