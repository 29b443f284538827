// Types of the PoleGraph reference seed data (regions, ministries, themes, funding programmes,
// labelling phases and pôles de compétitivité).
// Sources: the facts in the sibling files were copied from the project's research notes
// (DOMAIN.md and poles_phase5.csv); each file's header lists the public URLs it relies on
// and the values that no source confirms. Nothing here is read from outside the repository.

export interface RegionSeed {
  code: string;
  name: string;
  overseas: boolean;
  /** One of the 15 regions taking part in the selection and tracking of the poles. */
  inSelectionAndTracking: boolean;
}
export interface MinistrySeed {
  code: string;
  name: string;
  shortName: string;
  leadsPolicy: boolean;
}
export interface ThemeSeed {
  code: string;
  name: string;
  nameEn: string;
}
export interface FundingProgrammeSeed {
  code: string;
  name: string;
  level: 'REGIONAL' | 'NATIONAL' | 'EUROPEAN';
  startYear: number;
  endYear: number | null;
  description: string;
  /** relative weight of this programme among synthetic projects (any positive numbers) */
  weight: number;
}
export interface CriterionSeed {
  code: string;
  name: string;
  description: string;
  measurement: 'INDICATOR' | 'SCORE';
  /** for INDICATOR: which computed pole indicator it reads, one of:
   * 'MEMBERS_COUNT' | 'SME_SHARE' | 'PRIVATE_FUNDING_SHARE' | 'EUROPEAN_PROJECTS' | 'COLLABORATIVE_PROJECTS' | 'FUNDING_RAISED'
   * for SCORE: null (an evaluator's score 0..100) */
  indicator: string | null;
  /** the minimum to meet, as a decimal string (e.g. '150', '0.50', '60') */
  threshold: string;
}
export interface LabellingPhaseSeed {
  number: number;
  name: string;
  startYear: number;
  endYear: number;
  description: string;
  /** Poles announced as labelled when the phase was decided, as published; null if unknown. */
  publishedLabelledCount: number | null;
  criteria: CriterionSeed[];
}
export interface PoleDecisionSeed {
  phase: number;
  /** INITIAL when left out; a later EXTENSION or WITHDRAWAL amends the pole's INITIAL decision. */
  kind?: 'INITIAL' | 'EXTENSION' | 'WITHDRAWAL';
  outcome: 'LABELLED' | 'LABELLED_PROBATION' | 'NOT_LABELLED';
  durationYears: number | null;
  decidedOn: string /* YYYY-MM-DD */;
  /** First and last day of validity; null when not labelled. */
  validFrom: string | null;
  validUntil: string | null;
  extendableToYears: number | null;
  extensionCondition:
    | 'CONSOLIDATED_ROADMAP_AND_BUSINESS_MODEL'
    | 'EFFECTIVE_STRUCTURING'
    | 'REQUESTED_MERGER'
    | 'SELECTION_COMMITTEE_REVIEW'
    | null;
  conditionMetOn: string | null;
  newPole: boolean;
  rationale: string;
}
export interface ClusterLabelSeed {
  level: 'BRONZE' | 'SILVER' | 'GOLD';
  awardedOn: string;
  validUntil: string;
  scorePercent: string | null;
  indicatorsPassed: number | null;
  indicatorsTotal: number;
  renewal?: boolean;
  auditStartedOn?: string;
  auditEndedOn?: string;
  auditorCount?: number;
}
export interface PoleSeed {
  name: string;
  acronym: string | null;
  slug: string;
  kind: 'COMPETITIVENESS_CLUSTER' | 'OTHER_CLUSTER';
  status: 'LABELLED' | 'NOT_LABELLED' | 'MERGED' | 'DISSOLVED';
  hqRegionCode: string;
  city: string;
  otherRegionCodes: string[];
  themeCodes: string[];
  foundedYear: number | null;
  website: string | null;
  /** The pole it merged into, and when the merger took effect. */
  successorSlug?: string;
  mergedOn?: string;
  /** known real decisions; the seed synthesises the others */
  decisions: PoleDecisionSeed[];
  clusterLabels: ClusterLabelSeed[];
}
