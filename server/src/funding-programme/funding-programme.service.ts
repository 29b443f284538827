import type { DataSource } from 'typeorm';

import { readEntities } from '../database/database';
import { FundingProgramme } from './funding-programme.entity';

/** All funding programmes, oldest first. */
export function listFundingProgrammes(dataSource: DataSource): Promise<FundingProgramme[]> {
  return readEntities(
    dataSource,
    FundingProgramme,
    'SELECT t.* FROM `funding_programme` t ORDER BY t.`startYear` ASC, t.`code` ASC',
  );
}
