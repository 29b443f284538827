import type { DataSource } from 'typeorm';

import { databaseOf, readEntities, type ReadOptions } from '../database';
import type { CollectionSpec } from './collection-spec';
import { KeptReads, type KeptReadsOptions, type KeptReadsStatistics } from './kept-reads';
import { type AccessScope, UNRESTRICTED } from './sql-builder';

/**
 * The reference tables (collections declared `loadWhole`: regions, themes, ministries, funding
 * programmes, labelling phases) kept whole in memory between requests (kept-reads.ts tells how
 * they are kept fresh). They are a few dozen rows that nearly every page reads (a pole's region,
 * a project's programme) and that change only through rare writes, so a page should not pay a
 * statement (a round trip on MySQL) for them.
 *
 * What is kept is shared by every caller: a table is served from here only to callers who may
 * see every row and every field of it (`sharedWith`), which is every caller for the reference
 * types today; others read through their own rights. Rows are frozen: a resolver that tried to
 * change one would change it for everyone.
 */
export interface ReferenceTable<T> {
  /** Every row, in the collection's `loadWhole.orderBy`. */
  readonly rows: readonly T[];
  readonly byId: ReadonlyMap<number, T>;
}

/** Reads one reference table whole, in its order. */
export type ReferenceTableReader = (spec: CollectionSpec) => Promise<readonly object[]>;

export class ReferenceTables {
  private readonly kept: KeptReads<ReferenceTable<object>>;

  constructor(
    private readonly read: ReferenceTableReader,
    options: Omit<KeptReadsOptions, 'maxEntries'>,
  ) {
    // One entry per reference type: never full.
    this.kept = new KeptReads({ ...options, maxEntries: Number.POSITIVE_INFINITY });
  }

  /** The table if it is kept and fresh: answered without a promise (most reads of a page). */
  current<T extends object>(spec: CollectionSpec): ReferenceTable<T> | undefined {
    return this.kept.current(spec.typeName) as ReferenceTable<T> | undefined;
  }

  /** The table, read at most once however many requests ask for it at the same moment. */
  table<T extends object>(spec: CollectionSpec): Promise<ReferenceTable<T>> {
    return this.kept.read(spec.typeName, async () =>
      referenceTableOf(await this.read(spec)),
    ) as Promise<ReferenceTable<T>>;
  }

  statistics(): Readonly<KeptReadsStatistics> {
    return this.kept.statistics();
  }

  /** Forgets the tables of `typeNames` (the record types a committed write changed), or all. */
  invalidate(typeNames?: Iterable<string>): void {
    this.kept.invalidate(typeNames);
  }

  /** This process committed a write (`KeptReads.committedHere`). */
  committedHere(): void {
    this.kept.committedHere();
  }
}

/** Rows as a table: in their order and by id, frozen. */
export function referenceTableOf<T extends object>(rows: readonly T[]): ReferenceTable<T> {
  const frozen: readonly T[] = Object.freeze(rows.map((row) => Object.freeze(row) as T));
  return Object.freeze({
    rows: frozen,
    byId: new Map(frozen.map((row) => [(row as unknown as { id: number }).id, row])),
  });
}

/**
 * Whether what `ReferenceTables` keeps may be served to a caller: only if the caller sees every
 * row and every field of the type, as everyone does (no row condition, no detail condition).
 */
export function sharedWith(access: AccessScope, spec: CollectionSpec): boolean {
  return access.rows(spec.typeName, 't0') === null && access.detail(spec.typeName, 't0') === null;
}

/** A reference table's rows that `access` may see, whole, in its `loadWhole.orderBy`. */
export function readWholeTable<T extends object>(
  dataSource: DataSource,
  spec: CollectionSpec,
  access: AccessScope = UNRESTRICTED,
  options: ReadOptions = {},
): Promise<T[]> {
  if (!spec.loadWhole) throw new Error(`${spec.typeName} is not a reference table (loadWhole)`);
  const visible = access.rows(spec.typeName, 't0');
  const order = spec.loadWhole.orderBy
    .map(([column, direction]) => `t0.\`${column}\` ${direction}`)
    .join(', ');
  return readEntities(
    dataSource,
    spec.entity as new () => T,
    `SELECT t0.* FROM \`${spec.table}\` t0${visible ? ` WHERE ${visible}` : ''} ORDER BY ${order}`,
    [],
    undefined,
    options,
  );
}

/**
 * The reference tables of `dataSource`, kept `ttlMs` (0: not kept), and while
 * `hearsOtherWrites` says the other processes' writes are heard.
 */
export function referenceTablesOf(
  dataSource: DataSource,
  ttlMs: number,
  hearsOtherWrites?: () => boolean,
): ReferenceTables {
  // What is kept is served to every request: read where the last write is (never a lagging
  // replica). What is not kept is read as any other read.
  const options = { primary: ttlMs > 0 };
  return new ReferenceTables((spec) => readWholeTable(dataSource, spec, UNRESTRICTED, options), {
    ttlMs,
    dataVersion: () => databaseOf(dataSource).dataVersion(),
    hearsOtherWrites,
  });
}
