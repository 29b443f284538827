import { createHash } from 'node:crypto';

import type { DataSource, EntityMetadata } from 'typeorm';

type ColumnMetadata = EntityMetadata['columns'][number];

export interface DatasetChecksum {
  /** Rows by table name. */
  counts: Record<string, number>;
  /** SHA-256 (hex) of every row of every table in a text form both databases agree on. */
  sha256: string;
}

/** Rows read per query: keeps memory flat on large scales. */
const PAGE_SIZE = 20_000;

/**
 * A fingerprint of the whole dataset that is the same on SQLite and MariaDB for the same rows.
 * Rows are read with raw SQL (no entity hydration, which would be slow), ordered by primary key,
 * and written as text: dates `YYYY-MM-DD`, instants ISO 8601 in UTC, decimals with their full
 * scale, booleans `0`/`1`, null `\N`. SQLite returns DECIMAL as a number and MySQL as a string,
 * SQLite returns DATETIME as text and mysql2 as a Date: the text form hides all of that.
 */
export async function datasetChecksum(dataSource: DataSource): Promise<DatasetChecksum> {
  const hash = createHash('sha256');
  const counts: Record<string, number> = {};
  const metadatas = [
    ...new Map(dataSource.entityMetadatas.map((m) => [m.tableName, m])).values(),
  ].sort((a, b) => a.tableName.localeCompare(b.tableName));
  for (const metadata of metadatas) {
    const columns = [...metadata.columns].sort((a, b) =>
      a.databaseName.localeCompare(b.databaseName),
    );
    hash.update(
      `# ${metadata.tableName} (${columns.map((column) => column.databaseName).join(', ')})\n`,
    );
    let count = 0;
    for await (const rows of readTable(dataSource, metadata, columns)) {
      for (const row of rows) {
        hash.update(
          columns.map((column) => normalise(row[column.databaseName], column)).join('\t'),
        );
        hash.update('\n');
      }
      count += rows.length;
    }
    counts[metadata.tableName] = count;
  }
  return { counts, sha256: hash.digest('hex') };
}

/**
 * Pages through a table in primary-key order. A single integer key pages by key (no OFFSET
 * scan); join tables, keyed by both columns, are small and come in one query.
 */
async function* readTable(
  dataSource: DataSource,
  metadata: EntityMetadata,
  columns: readonly ColumnMetadata[],
): AsyncGenerator<Record<string, unknown>[]> {
  const escape = (name: string) => dataSource.driver.escape(name);
  const list = columns.map((column) => escape(column.databaseName)).join(', ');
  const select = `SELECT ${list} FROM ${escape(metadata.tableName)}`;
  const keys = metadata.primaryColumns.map((column) => column.databaseName);
  const [key] = keys;
  if (keys.length !== 1 || key === undefined) {
    const order = (keys.length > 0 ? keys : columns.map((column) => column.databaseName))
      .map(escape)
      .join(', ');
    yield (await dataSource.query(`${select} ORDER BY ${order}`)) as Record<string, unknown>[];
    return;
  }
  let after: unknown = null;
  for (;;) {
    const where = after === null ? '' : ` WHERE ${escape(key)} > ?`;
    const rows = (await dataSource.query(
      `${select}${where} ORDER BY ${escape(key)} LIMIT ${PAGE_SIZE}`,
      after === null ? [] : [after],
    )) as Record<string, unknown>[];
    if (rows.length > 0) yield rows;
    if (rows.length < PAGE_SIZE) return;
    after = rows[rows.length - 1]?.[key];
  }
}

/** The text form of one value, the same whichever database returned it. */
function normalise(value: unknown, column: ColumnMetadata): string {
  if (value === null || value === undefined) return '\\N';
  const type =
    typeof column.type === 'string' ? column.type.toLowerCase() : column.type.name.toLowerCase();
  if (type === 'decimal' || type === 'numeric') return fixedDecimal(value, column.scale ?? 0);
  if (type === 'date')
    return value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10);
  if (type === 'datetime' || type === 'timestamp' || value instanceof Date) {
    return instant(value);
  }
  if (type === 'boolean' || type === 'bool')
    return value === true || Number(value) === 1 ? '1' : '0';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  return String(value).replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n');
}

/** "12.5" or 12.5 at scale 2 → "12.50"; strings are padded, never parsed as floats. */
function fixedDecimal(value: unknown, scale: number): string {
  if (typeof value === 'number') return value.toFixed(scale);
  const [whole = '0', fraction = ''] = String(value).split('.');
  return scale === 0 ? whole : `${whole}.${fraction.padEnd(scale, '0').slice(0, scale)}`;
}

/** SQLite stores instants as `YYYY-MM-DD HH:MM:SS.SSS` in UTC; mysql2 returns a Date. */
function instant(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  const text = String(value);
  const utc = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(text)
    ? `${text.replace(' ', 'T')}Z`
    : text;
  const parsed = new Date(utc);
  return Number.isNaN(parsed.getTime()) ? text : parsed.toISOString();
}
