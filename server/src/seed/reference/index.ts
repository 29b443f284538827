// Reference seed data of PoleGraph: re-exports of the typed reference datasets.
// Sources: see each file's header (public URLs collected in the project's research notes).
// Values not confirmed by a source are listed in each file's header.

export { FUNDING_PROGRAMMES } from './funding-programmes';
export { LABELLING_PHASES } from './labelling-phases';
export { MINISTRIES } from './ministries';
export { POLES } from './poles';
export type {
  ClusterLabelSeed,
  CriterionSeed,
  FundingProgrammeSeed,
  LabellingPhaseSeed,
  MinistrySeed,
  PoleDecisionSeed,
  PoleSeed,
  RegionSeed,
  ThemeSeed,
} from './reference-types';
export { REGIONS } from './regions';
export { THEMES } from './themes';
