import type { DataSource } from 'typeorm';

import { readEntities } from '../database/database';
import { type RowShape, selectColumns, WHOLE_ROWS } from '../database/query/row-shape';
import { Ministry } from './ministry.entity';

/** All ministries, the lead ministry first. */
export function listMinistries(
  dataSource: DataSource,
  shape: RowShape = WHOLE_ROWS,
): Promise<Ministry[]> {
  return readEntities(
    dataSource,
    Ministry,
    `SELECT ${selectColumns(shape, 't')} FROM \`ministry\` t ORDER BY t.\`leadsPolicy\` DESC, t.\`code\` ASC`,
    [],
    shape,
  );
}
