/**
 * The selection dashboard's pure rules: which phase it opens on, and what a pole's value for
 * a criterion is, or why it has none.
 */
import { isDetailField } from '../auth/permission-policy';
import type { PoleIndicators } from '../pole/pole-indicators.types';
import type { Criterion } from './criterion.entity';
import type { LabellingPhase } from './labelling-phase.entity';
import { CriterionMeasurement, CriterionValueStatus, PoleIndicator } from './selection.enums';

/** The field of PoleIndicators each indicator criterion reads. */
const INDICATOR_FIELDS = {
  [PoleIndicator.MEMBERS_COUNT]: 'activeMembers',
  [PoleIndicator.SME_SHARE]: 'smeShare',
  [PoleIndicator.PRIVATE_FUNDING_SHARE]: 'privateFundingShare',
  [PoleIndicator.EUROPEAN_PROJECTS]: 'europeanProjects',
  [PoleIndicator.COLLABORATIVE_PROJECTS]: 'collaborativeProjects',
  [PoleIndicator.FUNDING_RAISED]: 'fundingRaised',
} as const satisfies Record<PoleIndicator, keyof PoleIndicators>;

/** The phase running in `today`'s year, else the latest that has begun, else the first. */
export function runningPhaseOf<T extends Pick<LabellingPhase, 'startYear' | 'endYear'>>(
  phasesByNumber: readonly T[],
  today = new Date(),
): T | undefined {
  const year = today.getUTCFullYear();
  const running = phasesByNumber.find((phase) => phase.startYear <= year && year <= phase.endYear);
  if (running) return running;
  return phasesByNumber.filter((phase) => phase.startYear <= year).at(-1) ?? phasesByNumber[0];
}

/**
 * A pole's value for one criterion, as a decimal string, and why there is none. Confidential
 * when the permission policy hides it from the caller: an indicator among PoleIndicators'
 * detail fields, or a score, without the pole's detail right (scores come from evaluations,
 * which are detail; a caller who sees some of them, such as a region officer its own
 * region's, gets their average). Confidential says nothing of whether a value exists.
 */
export function criterionValue(
  criterion: Pick<Criterion, 'id' | 'measurement' | 'indicator'>,
  indicators: PoleIndicators,
  averages: ReadonlyMap<number, string>,
  detailVisible: boolean,
): { value: string | null; valueStatus: CriterionValueStatus } {
  let value: string | null;
  let hidden: boolean;
  if (criterion.measurement === CriterionMeasurement.SCORE) {
    value = averages.get(criterion.id) ?? null;
    hidden = value === null && !detailVisible;
  } else if (criterion.indicator === null) {
    value = null;
    hidden = false;
  } else {
    const field = INDICATOR_FIELDS[criterion.indicator];
    hidden = !detailVisible && isDetailField('PoleIndicators', field);
    const known = indicators[field];
    value = hidden || known === null ? null : String(known);
  }
  return {
    value,
    valueStatus: hidden
      ? CriterionValueStatus.CONFIDENTIAL
      : value === null
        ? CriterionValueStatus.MISSING
        : CriterionValueStatus.KNOWN,
  };
}
