import type { DataSource } from 'typeorm';

import { readEntities } from '../database/database';
import { LabellingPhase } from './labelling-phase.entity';

/** All labelling phases, by number. */
export function listLabellingPhases(dataSource: DataSource): Promise<LabellingPhase[]> {
  return readEntities(
    dataSource,
    LabellingPhase,
    'SELECT t.* FROM `labelling_phase` t ORDER BY t.`number` ASC',
  );
}
