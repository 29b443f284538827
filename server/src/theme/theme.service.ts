import type { DataSource } from 'typeorm';

import { readEntities } from '../database/database';
import { type RowShape, selectColumns, WHOLE_ROWS } from '../database/query/row-shape';
import { Theme } from './theme.entity';

/** All themes by code. */
export function listThemes(dataSource: DataSource, shape: RowShape = WHOLE_ROWS): Promise<Theme[]> {
  return readEntities(
    dataSource,
    Theme,
    `SELECT ${selectColumns(shape, 't')} FROM \`theme\` t ORDER BY t.\`code\` ASC`,
    [],
    shape,
  );
}
