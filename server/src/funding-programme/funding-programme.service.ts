import type { DataSource } from 'typeorm';

import { readEntities } from '../database/database';
import { type RowShape, selectColumns, WHOLE_ROWS } from '../database/query/row-shape';
import { FundingProgramme } from './funding-programme.entity';

/** All funding programmes, oldest first. */
export function listFundingProgrammes(
  dataSource: DataSource,
  shape: RowShape = WHOLE_ROWS,
): Promise<FundingProgramme[]> {
  return readEntities(
    dataSource,
    FundingProgramme,
    `SELECT ${selectColumns(shape, 't')} FROM \`funding_programme\` t ORDER BY t.\`startYear\` ASC, t.\`code\` ASC`,
    [],
    shape,
  );
}
