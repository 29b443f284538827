import { AUDIT_LOG_COLLECTION } from '../audit/audit.collection';
import type { CollectionSpec } from '../database/query/collection-spec';
import { FUNDING_PROGRAMME_COLLECTION } from '../funding-programme/funding-programme.collection';
import { MEMBER_COLLECTION, MEMBERSHIP_COLLECTION } from '../member/member.collection';
import { MINISTRY_COLLECTION } from '../ministry/ministry.collection';
import { POLE_COLLECTION, POLE_YEAR_COLLECTION } from '../pole/pole.collection';
import {
  PROJECT_COLLECTION,
  PROJECT_PARTNER_COLLECTION,
  PROJECT_STATUS_CHANGE_COLLECTION,
} from '../project/project.collection';
import { REGION_COLLECTION } from '../region/region.collection';
import {
  EVALUATION_COLLECTION,
  EVALUATION_SCORE_COLLECTION,
} from '../selection/evaluation.collection';
import {
  CLUSTER_LABEL_COLLECTION,
  LABELLING_DECISION_COLLECTION,
} from '../selection/labelling-decision.collection';
import {
  CRITERION_COLLECTION,
  LABELLING_PHASE_COLLECTION,
} from '../selection/labelling-phase.collection';
import { THEME_COLLECTION } from '../theme/theme.collection';

/** Every collection, by GraphQL type name: what `node(id:)` can fetch. */
export const NODE_COLLECTIONS: ReadonlyMap<string, CollectionSpec> = new Map(
  [
    REGION_COLLECTION,
    MINISTRY_COLLECTION,
    THEME_COLLECTION,
    FUNDING_PROGRAMME_COLLECTION,
    POLE_COLLECTION,
    POLE_YEAR_COLLECTION,
    MEMBER_COLLECTION,
    MEMBERSHIP_COLLECTION,
    PROJECT_COLLECTION,
    PROJECT_PARTNER_COLLECTION,
    PROJECT_STATUS_CHANGE_COLLECTION,
    LABELLING_PHASE_COLLECTION,
    CRITERION_COLLECTION,
    EVALUATION_COLLECTION,
    EVALUATION_SCORE_COLLECTION,
    LABELLING_DECISION_COLLECTION,
    CLUSTER_LABEL_COLLECTION,
    AUDIT_LOG_COLLECTION,
  ].map((spec) => [spec.typeName, spec]),
);
