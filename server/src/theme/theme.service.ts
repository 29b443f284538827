import type { DataSource } from 'typeorm';

import { readEntities } from '../database/database';
import { Theme } from './theme.entity';

/** All themes by code. */
export function listThemes(dataSource: DataSource): Promise<Theme[]> {
  return readEntities(dataSource, Theme, 'SELECT t.* FROM `theme` t ORDER BY t.`code` ASC');
}
