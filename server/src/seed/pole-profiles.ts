import type { SeededRandom } from './random';
import { LABELLING_PHASES, POLES, type PoleSeed } from './reference';
import { lookUp, type ReferenceIds } from './reference-seed';
import { REGION_ECONOMY } from './vocabulary';

/** First year of the synthetic history: the first poles were labelled in 2005. */
export const FIRST_YEAR = 2005;
/** Last year with memberships and yearly figures (the current year is not closed yet). */
export const LAST_CLOSED_YEAR = 2025;
/** Last year with projects. */
export const LAST_PROJECT_YEAR = 2026;

/** What the synthetic generators need to know about a pole of the reference data. */
export interface PoleProfile {
  index: number;
  id: number;
  seed: PoleSeed;
  regionId: number;
  coveredRegionIds: readonly number[];
  themeIds: readonly number[];
  /** First year the pole had members and projects. */
  activeFrom: number;
  /** Last year it had them: the current year for a labelled pole. */
  activeUntil: number;
  /** Relative size of the pole (members, projects, budget); about 0.4 to 2.8. */
  size: number;
}

/**
 * Builds the profiles of the poles, in reference order. A pole that is no longer labelled
 * (merged, dissolved, not labelled) is taken to have lived until its last labelled period ended.
 */
export function buildPoleProfiles(random: SeededRandom, ids: ReferenceIds): PoleProfile[] {
  return POLES.map((pole, index) => {
    const activeFrom = Math.max(FIRST_YEAR, pole.foundedYear ?? FIRST_YEAR);
    // Labelled poles and the clusters that never sought the label are still running.
    const running =
      pole.status === 'LABELLED' ||
      (pole.kind === 'OTHER_CLUSTER' && pole.status === 'NOT_LABELLED');
    const activeUntil = running ? LAST_PROJECT_YEAR : Math.max(activeFrom, lastLabelledYear(pole));
    const regionWeight = REGION_ECONOMY[pole.hqRegionCode]?.weight ?? 1;
    // Poles of the two largest regional economies are the largest networks.
    const regionFactor = regionWeight >= 10 ? 1.4 : 1;
    const kindFactor = pole.kind === 'COMPETITIVENESS_CLUSTER' ? 1 : 0.5;
    return {
      index,
      id: lookUp(ids.poleIdBySlug, pole.slug, 'pole'),
      seed: pole,
      regionId: lookUp(ids.regionIdByCode, pole.hqRegionCode, `region of pole ${pole.slug}`),
      coveredRegionIds: pole.otherRegionCodes.map((code) =>
        lookUp(ids.regionIdByCode, code, `region covered by pole ${pole.slug}`),
      ),
      themeIds: pole.themeCodes.map((code) =>
        lookUp(ids.themeIdByCode, code, `theme of pole ${pole.slug}`),
      ),
      activeFrom,
      activeUntil,
      size: (0.4 + random.next() * 1.6) * regionFactor * kindFactor,
    };
  });
}

/** True when the pole had members and projects in `year`. */
export function isActiveIn(pole: PoleProfile, year: number): boolean {
  return pole.activeFrom <= year && year <= pole.activeUntil;
}

/** The last year covered by the pole's labelled decisions, or the end of phase III without any. */
function lastLabelledYear(pole: PoleSeed): number {
  let last = 2018;
  for (const decision of pole.decisions) {
    if (decision.outcome === 'NOT_LABELLED') continue;
    const phase = LABELLING_PHASES.find((candidate) => candidate.number === decision.phase);
    const decidedYear = Number(decision.decidedOn.slice(0, 4));
    const coveredUntil = decidedYear + (decision.durationYears ?? 1) - 1;
    last = Math.max(last, Math.min(coveredUntil, phase?.endYear ?? coveredUntil));
  }
  // A merged pole lives on in its successor from the merger's year.
  if (pole.mergedOn !== undefined) last = Math.min(last, Number(pole.mergedOn.slice(0, 4)));
  return last;
}
