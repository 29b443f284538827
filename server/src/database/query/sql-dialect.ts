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
}

/** Escapes LIKE wildcards so that user text only ever matches itself. */
export function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

const sqlite: SqlDialect = {
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
};

const mysql: SqlDialect = {
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
};

export function dialectOf(dataSource: DataSource): SqlDialect {
  return dataSource.options.type === 'better-sqlite3' ? sqlite : mysql;
}

const FOLD_CACHE_LIMIT = 200_000;
const foldCache = new Map<string, string>();

/**
 * Lower case without accents: what `fold()` computes on SQLite, for the same results as MySQL.
 * SQLite calls it once per row scanned, and Unicode normalisation dominates a text search, so
 * results are remembered (names repeat from one search to the next); the cache is bounded.
 */
export function foldText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const text = String(value);
  let folded = foldCache.get(text);
  if (folded === undefined) {
    folded = text
      .normalize('NFD')
      .replace(/\p{Diacritic}/gu, '')
      .toLowerCase();
    if (foldCache.size >= FOLD_CACHE_LIMIT) foldCache.clear();
    foldCache.set(text, folded);
  }
  return folded;
}
