import type { DataSource } from 'typeorm';

import type { CollectionSpec } from './collection-spec';
import { hydrate } from './hydrate';
import { readListRows } from './list-statement';
import { type RowShape, selectColumns, WHOLE_ROWS } from './row-shape';
import { type AccessScope, SqlBuilder, UNRESTRICTED } from './sql-builder';
import { dialectOf } from './sql-dialect';

/** Rows by primary key, in one statement; a missing id is simply absent from the map. */
export async function fetchByIds<T extends object>(
  dataSource: DataSource,
  spec: CollectionSpec,
  ids: readonly number[],
  access: AccessScope = UNRESTRICTED,
  shape: RowShape = WHOLE_ROWS,
): Promise<Map<number, T>> {
  if (ids.length === 0) return new Map();
  const sql = new SqlBuilder(dialectOf(dataSource));
  const visible = access.rows(spec.typeName, 't0');
  const rows = await readListRows(
    dataSource,
    `SELECT ${selectColumns(shape, 't0')} FROM \`${spec.table}\` t0 ` +
      `WHERE t0.\`id\` IN (${sql.paramList(ids)})${visible ? ` AND ${visible}` : ''}`,
    sql.params,
  );
  const nodes = hydrate(dataSource, spec.entity as new () => T, rows, shape);
  return new Map(nodes.map((node) => [(node as { id: number }).id, node]));
}

/** The row whose unique `column` equals `value`, or `null`. */
export async function fetchOneBy<T extends object>(
  dataSource: DataSource,
  spec: CollectionSpec,
  column: string,
  value: unknown,
  access: AccessScope = UNRESTRICTED,
  shape: RowShape = WHOLE_ROWS,
): Promise<T | null> {
  const visibleRows = access.rows(spec.typeName, 't0');
  const rows = await readListRows(
    dataSource,
    `SELECT ${selectColumns(shape, 't0')} FROM \`${spec.table}\` t0 WHERE t0.\`${column}\` = ?` +
      (visibleRows ? ` AND ${visibleRows}` : '') +
      ' LIMIT 1',
    [value],
  );
  return hydrate(dataSource, spec.entity as new () => T, rows, shape)[0] ?? null;
}
