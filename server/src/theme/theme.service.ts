import type { DataSource } from 'typeorm';

import { Theme } from './theme.entity';

/** All themes by code. */
export function listThemes(dataSource: DataSource): Promise<Theme[]> {
  return dataSource.getRepository(Theme).find({ order: { code: 'ASC' } });
}
