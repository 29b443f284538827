import type { DataSource } from 'typeorm';

import { Ministry } from './ministry.entity';

/** All ministries, the lead ministry first. */
export function listMinistries(dataSource: DataSource): Promise<Ministry[]> {
  return dataSource.getRepository(Ministry).find({ order: { leadsPolicy: 'DESC', code: 'ASC' } });
}
