import type { DataSource } from 'typeorm';

import { readEntities } from '../database/database';
import { Ministry } from './ministry.entity';

/** All ministries, the lead ministry first. */
export function listMinistries(dataSource: DataSource): Promise<Ministry[]> {
  return readEntities(
    dataSource,
    Ministry,
    'SELECT t.* FROM `ministry` t ORDER BY t.`leadsPolicy` DESC, t.`code` ASC',
  );
}
