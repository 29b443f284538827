import type { DataSource } from 'typeorm';

import { Region } from './region.entity';

/** All regions, metropolitan first, then by INSEE code. */
export function listRegions(dataSource: DataSource): Promise<Region[]> {
  return dataSource.getRepository(Region).find({ order: { overseas: 'ASC', code: 'ASC' } });
}
