import type { DataSource } from 'typeorm';

import { FundingProgramme } from './funding-programme.entity';

/** All funding programmes, oldest first. */
export function listFundingProgrammes(dataSource: DataSource): Promise<FundingProgramme[]> {
  return dataSource
    .getRepository(FundingProgramme)
    .find({ order: { startYear: 'ASC', code: 'ASC' } });
}
