import { formatCents, formatScaled, scaleDown } from '../core/scaled-decimal';
import type { PoleYear } from '../pole/pole-year.entity';
import type { ClusterLabel } from '../selection/cluster-label.entity';
import type { Evaluation } from '../selection/evaluation.entity';
import type { EvaluationScore } from '../selection/evaluation-score.entity';
import { ClusterLabelLevel } from '../selection/selection.enums';
import type { SeedRow } from './bulk-insert';
import { dayOf, isoDate, parseIsoDate } from './calendar';
import { AS_OF_DAY, stampOf } from './dataset-clock';
import { FIRST_YEAR, LAST_CLOSED_YEAR, type PoleProfile } from './pole-profiles';
import type { SeededRandom } from './random';
import {
  LABELLING_PHASES,
  type LabellingPhaseSeed,
  MINISTRIES,
  type PoleDecisionSeed,
} from './reference';
import { criterionKey, lookUp, type ReferenceIds } from './reference-seed';
import type { MembersDataset } from './synthetic-members';

/** The phases whose selection the dataset details with evaluations. */
export const EVALUATED_PHASES: readonly number[] = [4, 5];

/** First year of phase IV, from which the poles' Europe teams count 1 to 8 FTE. */
const PHASE_4_FIRST_YEAR = 2019;

/** First year of the poles' yearly figures. */
const FIRST_FIGURES_YEAR = 2015;

/** The ministry that follows a theme besides the lead ministry; others fall to research. */
const MINISTRY_BY_THEME: Readonly<Record<string, string>> = {
  AERONAUTICS_SPACE: 'ARMEES',
  RISK_SECURITY: 'SGDSN',
  CYBERSECURITY: 'SGDSN',
  HEALTH_BIOTECH: 'SANTE',
  COSMETICS: 'SANTE',
  AGRIFOOD: 'AGRI',
  AGRICULTURE: 'AGRI',
  BIOECONOMY: 'AGRI',
  WOOD_FOREST: 'AGRI',
  EQUINE: 'AGRI',
  // France 2030, run by the SGPI, funds the digital and electronics strategies.
  DIGITAL: 'SGPI',
  MICROELECTRONICS: 'SGPI',
  ENERGY: 'TE',
  NUCLEAR: 'TE',
  ENVIRONMENT: 'TE',
  WATER: 'TE',
  MARITIME: 'TE',
  MOBILITY_AUTOMOTIVE: 'TRANSPORTS',
  RAIL_TRANSPORT: 'TRANSPORTS',
  LOGISTICS: 'TRANSPORTS',
  CONSTRUCTION_INFRASTRUCTURE: 'TERRITOIRES',
};

export interface SelectionDataset {
  poleYears: SeedRow<PoleYear>[];
  evaluations: SeedRow<Evaluation>[];
  scores: SeedRow<EvaluationScore>[];
  clusterLabels: SeedRow<ClusterLabel>[];
}

type Evaluator = { ministryId: number; regionId: null } | { ministryId: null; regionId: number };

/**
 * The poles' yearly figures from 2015, the evaluations of phases IV and V with their scores,
 * and a few cluster labels.
 */
export function generateSelection(
  random: SeededRandom,
  ids: ReferenceIds,
  poles: readonly PoleProfile[],
  membersData: MembersDataset,
): SelectionDataset {
  return {
    poleYears: generatePoleYears(random.fork('pole-years'), poles, membersData),
    ...generateEvaluations(random.fork('evaluations'), ids, poles, realDecisions(poles)),
    clusterLabels: generateClusterLabels(random.fork('cluster-labels'), poles),
  };
}

/** Published: 120+ recruitments into Europe teams since 2019, counted by 40 poles. */
export const EUROPE_HIRES_REPORTING_POLES = 40;
export const EUROPE_HIRES_SINCE_PHASE_4 = 122;

/**
 * Recruitments into Europe teams, per pole and year (`poleId:year`): 40 poles active through
 * 2019-2025 report every year (0 or more, at least one in all), 122 recruitments in all; the
 * other poles and the years before phase IV report nothing (null).
 */
function europeTeamHires(random: SeededRandom, poles: readonly PoleProfile[]): Map<string, number> {
  const reporting = random
    .shuffle(
      poles.filter(
        (pole) => pole.activeFrom <= PHASE_4_FIRST_YEAR && pole.activeUntil >= LAST_CLOSED_YEAR,
      ),
    )
    .slice(0, EUROPE_HIRES_REPORTING_POLES);
  const years = Array.from(
    { length: LAST_CLOSED_YEAR - PHASE_4_FIRST_YEAR + 1 },
    (_, index) => PHASE_4_FIRST_YEAR + index,
  );
  const hires = new Map<string, number>();
  const add = (pole: PoleProfile, year: number, count: number) => {
    const key = `${pole.id}:${year}`;
    hires.set(key, (hires.get(key) ?? 0) + count);
  };
  for (const pole of reporting) for (const year of years) add(pole, year, 0);
  for (const pole of reporting) add(pole, random.pick(years), 1);
  for (let left = EUROPE_HIRES_SINCE_PHASE_4 - reporting.length; left > 0; left -= 1) {
    add(random.pick(reporting), random.pick(years), 1);
  }
  return hires;
}

/** Yearly figures; the member count is the memberships running on 31 December. */
function generatePoleYears(
  random: SeededRandom,
  poles: readonly PoleProfile[],
  membersData: MembersDataset,
): SeedRow<PoleYear>[] {
  // A fork of its own: the other figures keep the values they had before hires were recorded.
  const hires = europeTeamHires(random.fork('europe-hires'), poles);
  const rows: SeedRow<PoleYear>[] = [];
  for (const pole of poles) {
    const lastYear = Math.min(pole.activeUntil, LAST_CLOSED_YEAR);
    for (let year = Math.max(pole.activeFrom, FIRST_FIGURES_YEAR); year <= lastYear; year += 1) {
      const membersCount = membersData.membersAtYearEnd[pole.index]?.[year - FIRST_YEAR] ?? 0;
      const budgetEuros = 200_000 + membersCount * random.int(1_500, 3_000);
      const staff = Math.max(2, scaleDown(budgetEuros, 1, 90_000) + random.int(0, 2));
      // Most poles raise 35 % to 75 % of their budget privately; a few are far from it.
      const privateShare = random.chance(0.85)
        ? random.int(3_500, 7_500)
        : random.int(2_000, 9_000);
      // Published: 1 to 8 FTE per pole on European and international work since phase IV
      // (2019); before, small or no teams. Hundredths of an FTE.
      const europeFte =
        year >= PHASE_4_FIRST_YEAR ? random.int(100, 800) : random.int(0, 100) * (year % 2);
      const reportedOn = stampOf(dayOf(year + 1, 3, 31));
      rows.push({
        poleId: pole.id,
        year,
        budget: formatCents(budgetEuros * 100 + random.int(0, 99)),
        privateFundingShare: formatScaled(privateShare, 4),
        staff,
        europeTeamFte: formatScaled(europeFte, 2),
        europeTeamHires: hires.get(`${pole.id}:${year}`) ?? null,
        membersCount,
        version: 1,
        createdAt: reportedOn,
        updatedAt: reportedOn,
      });
    }
  }
  return rows;
}

interface PoleDecision {
  pole: PoleProfile;
  phase: LabellingPhaseSeed;
  decision: PoleDecisionSeed;
}

/**
 * The real decisions of phases IV and V, as the evaluations follow them. The reference data is
 * complete for these phases: no decision is synthesised, so the published counts hold.
 */
function realDecisions(poles: readonly PoleProfile[]): PoleDecision[] {
  const all: PoleDecision[] = [];
  for (const phaseNumber of EVALUATED_PHASES) {
    const phase = LABELLING_PHASES.find((candidate) => candidate.number === phaseNumber);
    if (!phase) throw new Error(`Reference data has no labelling phase ${phaseNumber}`);
    for (const pole of poles) {
      const first = pole.seed.decisions.find(
        (decision) => decision.phase === phaseNumber && (decision.kind ?? 'INITIAL') === 'INITIAL',
      );
      if (first) all.push({ pole, phase, decision: first });
    }
  }
  return all;
}

/**
 * Two or three evaluations of every pole labelled in the phase, each by a distinct evaluator:
 * the lead ministry, the headquarters region most often, a ministry of the pole's field. Each
 * scores every SCORE criterion of the phase.
 */
function generateEvaluations(
  random: SeededRandom,
  ids: ReferenceIds,
  poles: readonly PoleProfile[],
  decisions: readonly PoleDecision[],
): Pick<SelectionDataset, 'evaluations' | 'scores'> {
  const evaluations: SeedRow<Evaluation>[] = [];
  const scores: SeedRow<EvaluationScore>[] = [];
  const leadMinistry = MINISTRIES.find((ministry) => ministry.leadsPolicy) ?? MINISTRIES[0];
  const ministryIds = MINISTRIES.map((ministry) =>
    lookUp(ids.ministryIdByCode, ministry.code, 'ministry'),
  );
  const overseasMinistryId = ids.ministryIdByCode.get('OUTRE_MER');
  const researchMinistryId = ids.ministryIdByCode.get('ESR');

  for (const { pole, phase, decision } of decisions) {
    if (decision.outcome === 'NOT_LABELLED') continue;
    const phaseId = lookUp(ids.phaseIdByNumber, phase.number, 'labelling phase');
    const scoreCriteria = phase.criteria
      .filter((criterion) => criterion.measurement === 'SCORE')
      .map((criterion) =>
        lookUp(
          ids.criterionIdByPhaseAndCode,
          criterionKey(phase.number, criterion.code),
          'criterion',
        ),
      );

    const evaluators: Evaluator[] = [];
    const usedMinistries = new Set<number>();
    const addMinistry = (id: number | undefined) => {
      if (id === undefined || usedMinistries.has(id)) return;
      usedMinistries.add(id);
      evaluators.push({ ministryId: id, regionId: null });
    };
    const wanted = random.int(2, 3);
    if (leadMinistry) addMinistry(lookUp(ids.ministryIdByCode, leadMinistry.code, 'ministry'));
    if (random.chance(0.75)) evaluators.push({ ministryId: null, regionId: pole.regionId });
    const themeMinistries = pole.seed.themeCodes.map((code) =>
      ids.ministryIdByCode.get(MINISTRY_BY_THEME[code] ?? 'ESR'),
    );
    const regionIsOverseas = pole.seed.hqRegionCode.startsWith('0');
    for (const id of [
      regionIsOverseas ? overseasMinistryId : undefined,
      ...themeMinistries,
      researchMinistryId,
    ]) {
      if (evaluators.length >= wanted) break;
      addMinistry(id);
    }
    while (evaluators.length < wanted) addMinistry(random.pick(ministryIds));

    const decisionDay = parseIsoDate(decision.decidedOn);
    // Poles kept on probation were scored lower by their evaluators.
    const quality =
      decision.outcome === 'LABELLED' ? random.int(6_500, 8_500) : random.int(5_000, 6_800);
    for (const evaluator of evaluators.slice(0, wanted)) {
      const evaluatedOn = decisionDay - random.int(20, 100);
      const evaluationId = evaluations.length + 1;
      const points = scoreCriteria.map(() =>
        Math.min(10_000, Math.max(0, quality + random.int(-1_200, 1_200))),
      );
      const average =
        points.length === 0
          ? quality
          : Math.round(points.reduce((a, b) => a + b, 0) / points.length);
      evaluations.push({
        poleId: pole.id,
        phaseId,
        ministryId: evaluator.ministryId,
        regionId: evaluator.regionId,
        evaluatedOn: isoDate(evaluatedOn),
        comments: evaluationComment(random, average),
        version: 1,
        createdAt: stampOf(evaluatedOn),
        updatedAt: stampOf(evaluatedOn),
      });
      scoreCriteria.forEach((criterionId, index) => {
        scores.push({
          evaluationId,
          criterionId,
          score: formatScaled(points[index] as number, 2),
          createdAt: stampOf(evaluatedOn),
          updatedAt: stampOf(evaluatedOn),
        });
      });
    }
  }
  return { evaluations, scores };
}

function evaluationComment(random: SeededRandom, averageHundredths: number): string {
  if (averageHundredths >= 7_500) {
    return random.pick([
      'Pôle moteur de son écosystème, feuille de route claire et ambition européenne affirmée.',
      'Très bonne dynamique de projets collaboratifs ; gouvernance solide et bien financée.',
    ]);
  }
  if (averageHundredths >= 6_000) {
    return random.pick([
      'Pôle performant ; l’action européenne reste à renforcer.',
      'Bonne animation du réseau ; modèle d’affaires à consolider sur les recettes privées.',
    ]);
  }
  return random.pick([
    'Masse critique insuffisante et dépendance forte aux financements publics.',
    'Feuille de route peu lisible ; rapprochement avec un pôle voisin à étudier.',
  ]);
}

/** A bronze or silver European label for about one pole in six among those without any. */
function generateClusterLabels(
  random: SeededRandom,
  poles: readonly PoleProfile[],
): SeedRow<ClusterLabel>[] {
  const candidates = poles.filter((pole) => pole.seed.clusterLabels.length === 0);
  const chosen = random.sample(candidates, Math.max(3, Math.round(candidates.length / 6)));
  const rows: SeedRow<ClusterLabel>[] = [];
  for (const pole of [...chosen].sort((a, b) => a.index - b.index)) {
    const firstYear = Math.max(2015, pole.activeFrom);
    const lastYear = Math.min(LAST_CLOSED_YEAR, pole.activeUntil);
    if (firstYear > lastYear) continue;
    const year = random.int(firstYear, lastYear);
    const month = random.int(1, 12);
    const day = random.int(1, 28);
    const awardedOn = Math.min(dayOf(year, month, day), AS_OF_DAY);
    const silver = random.chance(0.35);
    rows.push({
      poleId: pole.id,
      level: silver ? ClusterLabelLevel.SILVER : ClusterLabelLevel.BRONZE,
      awardedOn: isoDate(awardedOn),
      validUntil: isoDate(dayOf(year + 2, month, day)),
      scorePercent: silver ? formatScaled(random.int(6_000, 7_999), 2) : null,
      indicatorsPassed: silver ? random.int(18, 26) : null,
      indicatorsTotal: silver ? 31 : 36,
      renewal: false,
      auditStartedOn: null,
      auditEndedOn: null,
      auditorCount: silver ? 1 : null,
      version: 1,
      createdAt: stampOf(awardedOn),
      updatedAt: stampOf(awardedOn),
    });
  }
  return rows;
}
