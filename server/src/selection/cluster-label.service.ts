import type { MutationScope } from '../auth/mutation-scope';
import { assertMayWrite } from '../auth/permission-policy';
import { refuse, UserErrorCode } from '../core/refusal';
import { toUnits } from '../core/scaled-decimal';
import { insertRecord } from '../database/unit-of-work/insert-record';
import { referencedId } from '../database/unit-of-work/references';
import { Pole } from '../pole/pole.entity';
import { ClusterLabel } from './cluster-label.entity';
import { ClusterLabelLevel } from './selection.enums';
import type { RecordClusterLabelInput } from './selection.input';

/** A GOLD label needs at least this overall score, in hundredths of a percent. */
const GOLD_MINIMUM_SCORE = 80_00;

/** Records a European cluster-management label; GOLD needs a score of 80 % at least. */
export async function recordClusterLabel(
  { manager, audit, caller }: MutationScope,
  input: RecordClusterLabelInput,
): Promise<{ clusterLabel: ClusterLabel }> {
  assertMayWrite(caller, 'decideLabelling');
  const poleId = await referencedId(manager, Pole, input.poleId, ['input', 'poleId']);
  if (input.validUntil <= input.awardedOn) {
    refuse(
      UserErrorCode.INVALID,
      ['input', 'validUntil'],
      `validUntil (${input.validUntil}) must come after awardedOn (${input.awardedOn})`,
    );
  }
  const indicatorsPassed = input.indicatorsPassed ?? null;
  if (indicatorsPassed !== null && indicatorsPassed > input.indicatorsTotal) {
    refuse(
      UserErrorCode.INVALID,
      ['input', 'indicatorsPassed'],
      `indicatorsPassed (${indicatorsPassed}) exceeds the indicators assessed ` +
        `(${input.indicatorsTotal})`,
    );
  }
  const scorePercent = input.scorePercent ?? null;
  if (
    input.level === ClusterLabelLevel.GOLD &&
    (scorePercent === null || toUnits(scorePercent, 2) < GOLD_MINIMUM_SCORE)
  ) {
    refuse(
      UserErrorCode.INVALID,
      ['input', 'scorePercent'],
      'A GOLD label (Cluster Management Excellence) requires an overall score of at least 80 %' +
        (scorePercent === null ? ': give scorePercent' : `, and ${scorePercent} % is below it`),
    );
  }
  const clusterLabel = await insertRecord(manager, ClusterLabel, {
    poleId,
    level: input.level,
    awardedOn: input.awardedOn,
    validUntil: input.validUntil,
    scorePercent,
    indicatorsPassed,
    indicatorsTotal: input.indicatorsTotal,
  });
  audit.record('ClusterLabel', clusterLabel.id, null, clusterLabel);
  return { clusterLabel };
}
