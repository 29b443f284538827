import type { DataSource } from 'typeorm';

/**
 * The few places where SQLite and MySQL/MariaDB speak differently. Identifiers are quoted with
 * backticks, which both accept; parameters are positional `?` in both.
 */
export interface SqlDialect {
  kind: 'sqlite' | 'mysql';
  /** `expr` contains `pattern` ignoring case and accents ("pole" finds "Pôle"). */
  containsInsensitive(expr: string): string;
  /** `expr` starts with the pattern, ignoring case and accents. */
  startsWithInsensitive(expr: string): string;
  /** The year, quarter or month of a date expression, as an integer (month: 202403). */
  year(expr: string): string;
  quarter(expr: string): string;
  month(expr: string): string;
  /** A text expression as it sorts: without case and accents, like MySQL's collation. */
  sortableText(expr: string): string;
  /** An order value as it must travel in a cursor: exact, and comparable when sent back. */
  cursorValue(expr: string): string;
  /**
   * Whether a filter on a reference table reaches the statement as the ids it matches
   * (`programmeId IN (9, …, 17)`) rather than as a semi-join (reference-filters.ts). MySQL and
   * MariaDB plan a semi-join without weighing the `LIMIT`: the European page at scale 10 read
   * the 36,631 projects of the 8 European programmes and sorted them (60–93 ms) where walking the
   * budget index finds 51 within 140 rows (0.3 ms); given the ids, the planner counts each id's
   * rows in the foreign key's index and walks or sorts as the counts say (a programme of 388
   * projects: its rows, then a sort, 0.8 ms). SQLite's planner is blind to the `LIMIT` the other
   * way round: given ids it always takes the foreign key's index and sorts (42 ms for the same
   * page), and with the semi-join it walks the sort index (0.17 ms).
   */
  referenceFiltersAsIds: boolean;
}

/** Escapes LIKE wildcards so that user text only ever matches itself. */
export function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

export const SQLITE_DIALECT: SqlDialect = {
  kind: 'sqlite',
  // `fold` is registered on every SQLite connection (see data-source.ts): lower case, no accents.
  containsInsensitive: (expr) => `fold(${expr}) LIKE '%' || fold(?) || '%' ESCAPE '\\'`,
  startsWithInsensitive: (expr) => `fold(${expr}) LIKE fold(?) || '%' ESCAPE '\\'`,
  year: (expr) => `CAST(strftime('%Y', ${expr}) AS INTEGER)`,
  quarter: (expr) =>
    `(CAST(strftime('%Y', ${expr}) AS INTEGER) * 10 + (CAST(strftime('%m', ${expr}) AS INTEGER) + 2) / 3)`,
  month: (expr) => `CAST(strftime('%Y%m', ${expr}) AS INTEGER)`,
  sortableText: (expr) => `fold(${expr})`,
  cursorValue: (expr) => expr,
  referenceFiltersAsIds: false,
};

export const MYSQL_DIALECT: SqlDialect = {
  kind: 'mysql',
  // utf8mb4_unicode_ci compares without case and accents already.
  containsInsensitive: (expr) => `${expr} LIKE CONCAT('%', ?, '%')`,
  startsWithInsensitive: (expr) => `${expr} LIKE CONCAT(?, '%')`,
  year: (expr) => `YEAR(${expr})`,
  quarter: (expr) => `(YEAR(${expr}) * 10 + QUARTER(${expr}))`,
  month: (expr) => `(YEAR(${expr}) * 100 + MONTH(${expr}))`,
  sortableText: (expr) => expr,
  // Dates and decimals travel as text so that no precision is lost on the way back.
  cursorValue: (expr) => `CAST(${expr} AS CHAR)`,
  referenceFiltersAsIds: true,
};

export function dialectOf(dataSource: DataSource): SqlDialect {
  return dataSource.options.type === 'better-sqlite3' ? SQLITE_DIALECT : MYSQL_DIALECT;
}

/**
 * Makes the `fold()` SQLite computes: lower case without accents, for the same results as MySQL.
 * SQLite calls it once per row scanned, and Unicode normalisation dominates a text search, so
 * results are remembered (names repeat from one search to the next); the cache is bounded.
 *
 * Self-contained on purpose: the SQLite read workers (sqlite-read-pool.ts) build their own copy
 * from this function's source, so every connection folds text the same way.
 */
export function createFold(): (value: unknown) => string | null {
  const limit = 200_000;
  const cache = new Map<string, string>();
  return (value) => {
    if (value === null || value === undefined) return null;
    const text = String(value);
    let folded = cache.get(text);
    if (folded === undefined) {
      folded = text
        .normalize('NFD')
        .replace(/\p{Diacritic}/gu, '')
        .toLowerCase();
      if (cache.size >= limit) cache.clear();
      cache.set(text, folded);
    }
    return folded;
  };
}

/** Lower case without accents, as `fold()` computes it on SQLite (see `createFold`). */
export const foldText = createFold();
