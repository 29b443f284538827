import type { DataSource } from 'typeorm';

import { readEntities } from '../database/database';
import { type RowShape, selectColumns, WHOLE_ROWS } from '../database/query/row-shape';
import { Region } from './region.entity';

/** All regions, metropolitan first, then by INSEE code. */
export function listRegions(
  dataSource: DataSource,
  shape: RowShape = WHOLE_ROWS,
): Promise<Region[]> {
  return readEntities(
    dataSource,
    Region,
    `SELECT ${selectColumns(shape, 't')} FROM \`region\` t ORDER BY t.\`overseas\` ASC, t.\`code\` ASC`,
    [],
    shape,
  );
}
