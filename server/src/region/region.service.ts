import type { DataSource } from 'typeorm';

import { readEntities } from '../database/database';
import { Region } from './region.entity';

/** All regions, metropolitan first, then by INSEE code. */
export function listRegions(dataSource: DataSource): Promise<Region[]> {
  return readEntities(
    dataSource,
    Region,
    'SELECT t.* FROM `region` t ORDER BY t.`overseas` ASC, t.`code` ASC',
  );
}
