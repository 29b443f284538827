import type { DataSource } from 'typeorm';

import { LabellingPhase } from './labelling-phase.entity';

/** All labelling phases, by number. */
export function listLabellingPhases(dataSource: DataSource): Promise<LabellingPhase[]> {
  return dataSource.getRepository(LabellingPhase).find({ order: { number: 'ASC' } });
}
