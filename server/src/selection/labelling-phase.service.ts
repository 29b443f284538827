import { type DataSource, IsNull, Not } from 'typeorm';

import { readEntities } from '../database/database';
import { Pole } from '../pole/pole.entity';
import { LabellingDecision } from './labelling-decision.entity';
import { LabellingPhase } from './labelling-phase.entity';
import { DecisionKind, LabellingOutcome } from './selection.enums';

/** All labelling phases, by number. */
export function listLabellingPhases(dataSource: DataSource): Promise<LabellingPhase[]> {
  return readEntities(
    dataSource,
    LabellingPhase,
    'SELECT t.* FROM `labelling_phase` t ORDER BY t.`number` ASC',
  );
}

/**
 * The poles labelled by the phase's first decisions (not the later extensions), where a pole
 * that merged into another by the phase's last day counts once, under its successor: the
 * published "54 poles at the end of phase IV" are the 56 of 2019 after PICOM joined Cap Digital
 * and Elastopôle and Plastipolis formed Polymeris.
 */
export async function countPolesLabelledAfterMergers(
  dataSource: DataSource,
  phase: Pick<LabellingPhase, 'id' | 'endYear'>,
): Promise<number> {
  const labelled = await dataSource
    .getRepository(LabellingDecision)
    .createQueryBuilder('decision')
    .select('decision.poleId', 'poleId')
    .where('decision.phaseId = :phaseId', { phaseId: phase.id })
    .andWhere('decision.kind = :kind', { kind: DecisionKind.INITIAL })
    .andWhere('decision.outcome <> :notLabelled', { notLabelled: LabellingOutcome.NOT_LABELLED })
    .getRawMany<{ poleId: number | string }>();
  const poles = await dataSource.getRepository(Pole).find({
    select: { id: true, successorId: true, mergedOn: true },
    where: { successorId: Not(IsNull()) },
  });
  const phaseEnd = `${phase.endYear}-12-31`;
  const successorOf = new Map(
    poles
      .filter((pole) => pole.mergedOn !== null && pole.mergedOn <= phaseEnd)
      .map((pole) => [pole.id, pole.successorId as number]),
  );
  const lineages = new Set<number>();
  for (const row of labelled) {
    let poleId = Number(row.poleId);
    // Follows a chain of mergers; the bound guards against a cycle in bad data.
    for (let step = 0; step < 20 && successorOf.has(poleId); step += 1) {
      poleId = successorOf.get(poleId) as number;
    }
    lineages.add(poleId);
  }
  return lineages.size;
}
