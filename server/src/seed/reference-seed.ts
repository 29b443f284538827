import type { DataSource } from 'typeorm';

import { FundingProgramme, ProgrammeLevel } from '../funding-programme/funding-programme.entity';
import { Ministry } from '../ministry/ministry.entity';
import { Pole } from '../pole/pole.entity';
import { PoleKind, PoleStatus } from '../pole/pole.enums';
import { Region } from '../region/region.entity';
import { ClusterLabel } from '../selection/cluster-label.entity';
import { Criterion } from '../selection/criterion.entity';
import { LabellingDecision } from '../selection/labelling-decision.entity';
import { LabellingPhase } from '../selection/labelling-phase.entity';
import {
  ClusterLabelLevel,
  CriterionMeasurement,
  DecisionKind,
  ExtensionCondition,
  LabellingOutcome,
  PoleIndicator,
} from '../selection/selection.enums';
import { Theme } from '../theme/theme.entity';
import { insertInChunks, type InsertProgress, type SeedRow } from './bulk-insert';
import { parseIsoDate } from './calendar';
import { SEED_INSTANT, stampOf } from './dataset-clock';
import {
  FUNDING_PROGRAMMES,
  LABELLING_PHASES,
  MINISTRIES,
  POLES,
  REGIONS,
  THEMES,
} from './reference';

/** Database keys of the reference rows, by their stable codes, for the synthetic part. */
export interface ReferenceIds {
  regionIdByCode: ReadonlyMap<string, number>;
  ministryIdByCode: ReadonlyMap<string, number>;
  themeIdByCode: ReadonlyMap<string, number>;
  programmeIdByCode: ReadonlyMap<string, number>;
  phaseIdByNumber: ReadonlyMap<number, number>;
  /** Keyed by `${phaseNumber}:${criterionCode}`. */
  criterionIdByPhaseAndCode: ReadonlyMap<string, number>;
  poleIdBySlug: ReadonlyMap<string, number>;
}

export interface ReferenceSeedResult {
  ids: ReferenceIds;
  /** Rows inserted, by table. */
  counts: Record<string, number>;
}

/** `${phaseNumber}:${criterionCode}`, the key of `criterionIdByPhaseAndCode`. */
export function criterionKey(phaseNumber: number, criterionCode: string): string {
  return `${phaseNumber}:${criterionCode}`;
}

const stamps = { createdAt: SEED_INSTANT, updatedAt: SEED_INSTANT };

/** The database keys the reference rows get: 1..n in the order of the reference lists. */
export function planReferenceIds(): ReferenceIds {
  const regionIdByCode = idsInOrder(
    REGIONS.map((region) => region.code),
    'region',
  );
  const ministryIdByCode = idsInOrder(
    MINISTRIES.map((ministry) => ministry.code),
    'ministry',
  );
  const themeIdByCode = idsInOrder(
    THEMES.map((theme) => theme.code),
    'theme',
  );
  const programmeIdByCode = idsInOrder(
    FUNDING_PROGRAMMES.map((programme) => programme.code),
    'programme',
  );
  const phaseIdByNumber = idsInOrder(
    LABELLING_PHASES.map((phase) => phase.number),
    'phase',
  );
  const criterionIdByPhaseAndCode = idsInOrder(
    LABELLING_PHASES.flatMap((phase) =>
      phase.criteria.map((criterion) => criterionKey(phase.number, criterion.code)),
    ),
    'criterion',
  );
  const poleIdBySlug = idsInOrder(
    POLES.map((pole) => pole.slug),
    'pole',
  );
  return {
    regionIdByCode,
    ministryIdByCode,
    themeIdByCode,
    programmeIdByCode,
    phaseIdByNumber,
    criterionIdByPhaseAndCode,
    poleIdBySlug,
  };
}

/**
 * Inserts the reference data (regions, ministries, themes, funding programmes, labelling phases
 * and criteria, poles with their regions and themes, the real decisions and cluster labels) in
 * one transaction. Tables must be empty: ids are planned as 1..n in the order of the lists.
 */
export async function seedReferenceData(
  dataSource: DataSource,
  progress?: InsertProgress,
): Promise<ReferenceSeedResult> {
  const ids = planReferenceIds();
  const { regionIdByCode, themeIdByCode, phaseIdByNumber, poleIdBySlug } = ids;

  const regions: SeedRow<Region>[] = REGIONS.map((region) => ({
    code: region.code,
    name: region.name,
    overseas: region.overseas,
    inSelectionAndTracking: region.inSelectionAndTracking,
    ...stamps,
  }));
  const ministries: SeedRow<Ministry>[] = MINISTRIES.map((ministry) => ({
    code: ministry.code,
    name: ministry.name,
    shortName: ministry.shortName,
    leadsPolicy: ministry.leadsPolicy,
    ...stamps,
  }));
  const themes: SeedRow<Theme>[] = THEMES.map((theme) => ({
    code: theme.code,
    name: theme.name,
    nameEn: theme.nameEn,
    ...stamps,
  }));
  const programmes: SeedRow<FundingProgramme>[] = FUNDING_PROGRAMMES.map((programme) => ({
    code: programme.code,
    name: programme.name,
    level: ProgrammeLevel[programme.level],
    startYear: programme.startYear,
    endYear: programme.endYear,
    description: programme.description,
    ...stamps,
  }));
  const phases: SeedRow<LabellingPhase>[] = LABELLING_PHASES.map((phase) => ({
    number: phase.number,
    name: phase.name,
    startYear: phase.startYear,
    endYear: phase.endYear,
    publishedLabelledCount: phase.publishedLabelledCount,
    description: phase.description,
    ...stamps,
  }));
  const criteria: SeedRow<Criterion>[] = LABELLING_PHASES.flatMap((phase) =>
    phase.criteria.map((criterion) => ({
      phaseId: lookUp(phaseIdByNumber, phase.number, 'labelling phase'),
      code: criterion.code,
      name: criterion.name,
      description: criterion.description,
      measurement: CriterionMeasurement[criterion.measurement],
      indicator: criterion.indicator === null ? null : toPoleIndicator(criterion.indicator),
      threshold: criterion.threshold,
      ...stamps,
    })),
  );
  const poles: SeedRow<Pole>[] = POLES.map((pole) => ({
    name: pole.name,
    acronym: pole.acronym,
    slug: pole.slug,
    kind: PoleKind[pole.kind],
    status: PoleStatus[pole.status],
    headquartersRegionId: lookUp(regionIdByCode, pole.hqRegionCode, `region of pole ${pole.slug}`),
    city: pole.city,
    foundedYear: pole.foundedYear,
    website: pole.website,
    // Successors come before their predecessors in POLES, so the key exists when inserted.
    successorId:
      pole.successorSlug === undefined
        ? null
        : lookUp(poleIdBySlug, pole.successorSlug, `successor of pole ${pole.slug}`),
    mergedOn: pole.mergedOn ?? null,
    version: 1,
    ...stamps,
  }));
  const coveredRegions = POLES.flatMap((pole) =>
    pole.otherRegionCodes.map((code) => ({
      poleId: lookUp(poleIdBySlug, pole.slug, 'pole'),
      regionId: lookUp(regionIdByCode, code, `region covered by pole ${pole.slug}`),
    })),
  );
  const poleThemes = POLES.flatMap((pole) =>
    pole.themeCodes.map((code) => ({
      poleId: lookUp(poleIdBySlug, pole.slug, 'pole'),
      themeId: lookUp(themeIdByCode, code, `theme of pole ${pole.slug}`),
    })),
  );
  // The real decisions are public: they were published the day they were taken. Ids are planned
  // 1..n in list order, so a later decision names the pole's first one of the phase by its id.
  const decisionSeeds = POLES.flatMap((pole) =>
    pole.decisions.map((decision) => ({ pole, decision })),
  );
  const initialDecisionIds = new Map<string, number>();
  decisionSeeds.forEach(({ pole, decision }, index) => {
    if ((decision.kind ?? 'INITIAL') === 'INITIAL')
      initialDecisionIds.set(`${pole.slug}:${decision.phase}`, index + 1);
  });
  const decisions: SeedRow<LabellingDecision>[] = decisionSeeds.map(({ pole, decision }) => {
    const kind = DecisionKind[decision.kind ?? 'INITIAL'];
    return {
      poleId: lookUp(poleIdBySlug, pole.slug, 'pole'),
      phaseId: lookUp(phaseIdByNumber, decision.phase, `phase of a decision on ${pole.slug}`),
      outcome: LabellingOutcome[decision.outcome],
      durationYears: decision.durationYears,
      decidedOn: decision.decidedOn,
      publishedOn: decision.decidedOn,
      kind,
      amendsDecisionId:
        kind === DecisionKind.INITIAL
          ? null
          : lookUp(initialDecisionIds, `${pole.slug}:${decision.phase}`, 'decision amended'),
      validFrom: decision.validFrom,
      validUntil: decision.validUntil,
      extendableToYears: decision.extendableToYears,
      extensionCondition:
        decision.extensionCondition === null
          ? null
          : ExtensionCondition[decision.extensionCondition],
      conditionMetOn: decision.conditionMetOn,
      newPole: decision.newPole,
      rationale: decision.rationale,
      version: 1,
      createdAt: stampOf(parseIsoDate(decision.decidedOn)),
      updatedAt: stampOf(parseIsoDate(decision.decidedOn)),
    };
  });
  const clusterLabels: SeedRow<ClusterLabel>[] = POLES.flatMap((pole) =>
    pole.clusterLabels.map((label) => ({
      poleId: lookUp(poleIdBySlug, pole.slug, 'pole'),
      level: ClusterLabelLevel[label.level],
      awardedOn: label.awardedOn,
      validUntil: label.validUntil,
      scorePercent: label.scorePercent,
      indicatorsPassed: label.indicatorsPassed,
      indicatorsTotal: label.indicatorsTotal,
      renewal: label.renewal ?? false,
      auditStartedOn: label.auditStartedOn ?? null,
      auditEndedOn: label.auditEndedOn ?? null,
      auditorCount: label.auditorCount ?? null,
      version: 1,
      createdAt: stampOf(parseIsoDate(label.awardedOn)),
      updatedAt: stampOf(parseIsoDate(label.awardedOn)),
    })),
  );

  const counts: Record<string, number> = {};
  await dataSource.transaction(async (manager) => {
    const planned = { progress, firstPlannedId: 1 };
    counts.region = await insertInChunks(manager, Region, regions, planned);
    counts.ministry = await insertInChunks(manager, Ministry, ministries, planned);
    counts.theme = await insertInChunks(manager, Theme, themes, planned);
    counts.funding_programme = await insertInChunks(manager, FundingProgramme, programmes, planned);
    counts.labelling_phase = await insertInChunks(manager, LabellingPhase, phases, planned);
    counts.criterion = await insertInChunks(manager, Criterion, criteria, planned);
    counts.pole = await insertInChunks(manager, Pole, poles, planned);
    counts.pole_covered_region = await insertInChunks(
      manager,
      'pole_covered_region',
      coveredRegions,
      { progress },
    );
    counts.pole_theme = await insertInChunks(manager, 'pole_theme', poleThemes, { progress });
    counts.labelling_decision = await insertInChunks(
      manager,
      LabellingDecision,
      decisions,
      planned,
    );
    counts.cluster_label = await insertInChunks(manager, ClusterLabel, clusterLabels, { progress });
  });
  return { ids, counts };
}

/** Maps each key to its planned id, 1..n in list order; a repeated key is a data error. */
function idsInOrder<K>(keys: readonly K[], what: string): Map<K, number> {
  const ids = new Map<K, number>();
  keys.forEach((key, index) => {
    if (ids.has(key)) throw new Error(`Reference data lists ${what} "${String(key)}" twice`);
    ids.set(key, index + 1);
  });
  return ids;
}

/** The id of `key`, or an error naming what the reference data got wrong. */
export function lookUp<K>(ids: ReadonlyMap<K, number>, key: K, what: string): number {
  const id = ids.get(key);
  if (id === undefined)
    throw new Error(`Reference data names an unknown ${what}: "${String(key)}"`);
  return id;
}

function toPoleIndicator(code: string): PoleIndicator {
  const indicator = Object.values(PoleIndicator).find((value) => value === code);
  if (indicator === undefined)
    throw new Error(`Reference data names an unknown indicator: "${code}"`);
  return indicator;
}
