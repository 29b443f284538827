/**
 * The one registry of what PoleGraph serves: to add a type, add its entity, its collection and
 * its resolvers here (and a migration). Nothing below this file imports it; app.ts and the
 * command-line tools hand its lists down.
 */
import type { GraphQLSchema } from 'graphql';

import { ApiToken } from './api-token/api-token.entity';
import { AUDIT_LOG_COLLECTION } from './audit/audit.collection';
import { AuditLogResolver } from './audit/audit.resolver';
import type { CollectionSpec } from './database/query/collection-spec';
import { AuditLogEntry } from './database/unit-of-work/audit-log-entry.entity';
import { WriteLock } from './database/unit-of-work/write-lock';
import { FUNDING_PROGRAMME_COLLECTION } from './funding-programme/funding-programme.collection';
import { FundingProgramme } from './funding-programme/funding-programme.entity';
import { FundingProgrammeResolver } from './funding-programme/funding-programme.resolver';
import { buildPoleGraphSchema, type SchemaFeatures } from './graphql/schema';
import { IdempotencyRecord } from './idempotency/idempotency-record.entity';
import { LiveResolver } from './live/live.resolver';
import { MEMBER_COLLECTION, MEMBERSHIP_COLLECTION } from './member/member.collection';
import { Member } from './member/member.entity';
import { MemberResolver, MembershipResolver } from './member/member.resolver';
import { MemberMutationResolver } from './member/member-mutation.resolver';
import { Membership } from './member/membership.entity';
import { MINISTRY_COLLECTION } from './ministry/ministry.collection';
import { Ministry } from './ministry/ministry.entity';
import { MinistryResolver } from './ministry/ministry.resolver';
import { POLE_COLLECTION, POLE_YEAR_COLLECTION } from './pole/pole.collection';
import { Pole } from './pole/pole.entity';
import { PoleResolver, PoleYearResolver } from './pole/pole.resolver';
import { PoleIndicatorsResolver } from './pole/pole-indicators.resolver';
import { PoleYear } from './pole/pole-year.entity';
import { PoleYearMutationResolver } from './pole/pole-year-mutation.resolver';
import {
  PROJECT_COLLECTION,
  PROJECT_PARTNER_COLLECTION,
  PROJECT_STATUS_CHANGE_COLLECTION,
} from './project/project.collection';
import { Project } from './project/project.entity';
import {
  ProjectPartnerResolver,
  ProjectResolver,
  ProjectStatusChangeResolver,
} from './project/project.resolver';
import { ProjectMutationResolver } from './project/project-mutation.resolver';
import { ProjectPartner } from './project/project-partner.entity';
import { ProjectStatusChange } from './project/project-status-change.entity';
import { REGION_COLLECTION } from './region/region.collection';
import { Region } from './region/region.entity';
import { RegionResolver } from './region/region.resolver';
import { ClusterLabel } from './selection/cluster-label.entity';
import { Criterion } from './selection/criterion.entity';
import {
  EVALUATION_COLLECTION,
  EVALUATION_SCORE_COLLECTION,
} from './selection/evaluation.collection';
import { Evaluation } from './selection/evaluation.entity';
import { EvaluationScore } from './selection/evaluation-score.entity';
import {
  CLUSTER_LABEL_COLLECTION,
  LABELLING_DECISION_COLLECTION,
} from './selection/labelling-decision.collection';
import { LabellingDecision } from './selection/labelling-decision.entity';
import {
  CRITERION_COLLECTION,
  LABELLING_PHASE_COLLECTION,
} from './selection/labelling-phase.collection';
import { LabellingPhase } from './selection/labelling-phase.entity';
import {
  ClusterLabelResolver,
  CriterionResolver,
  EvaluationResolver,
  EvaluationScoreResolver,
  LabellingDecisionResolver,
  LabellingPhaseResolver,
} from './selection/selection.resolver';
import {
  SelectionDashboardResolver,
  SelectionRowResolver,
} from './selection/selection-dashboard.resolver';
import { SelectionMutationResolver } from './selection/selection-mutation.resolver';
import {
  MemberStatsKeyResolver,
  ProjectStatsKeyResolver,
  StatisticsResolver,
} from './statistics/statistics.resolver';
import { THEME_COLLECTION } from './theme/theme.collection';
import { Theme } from './theme/theme.entity';
import { ThemeResolver } from './theme/theme.resolver';
import { RateLimitResolver } from './viewer/rate-limit.resolver';
import { ViewerResolver } from './viewer/viewer.resolver';
import { Webhook, WebhookAttempt, WebhookDelivery } from './webhook/webhook.entity';
import { WebhookResolver } from './webhook/webhook.resolver';

/** Every stored entity, in an order where each one's references come before it. */
export const ENTITIES = [
  Region,
  Ministry,
  Theme,
  FundingProgramme,
  Pole,
  PoleYear,
  Member,
  Membership,
  Project,
  ProjectPartner,
  ProjectStatusChange,
  LabellingPhase,
  Criterion,
  Evaluation,
  EvaluationScore,
  LabellingDecision,
  ClusterLabel,
  AuditLogEntry,
  ApiToken,
  WriteLock,
  IdempotencyRecord,
  Webhook,
  WebhookDelivery,
  WebhookAttempt,
];

/** Every collection, by GraphQL type name: what `node(id:)` can fetch. */
export const COLLECTIONS: ReadonlyMap<string, CollectionSpec> = new Map(
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

/** Every feature's resolvers; graphql/ adds its own (node, nodes). */
export const RESOLVERS = [
  RegionResolver,
  MinistryResolver,
  ThemeResolver,
  FundingProgrammeResolver,
  PoleResolver,
  PoleYearResolver,
  MemberResolver,
  MembershipResolver,
  ProjectResolver,
  ProjectPartnerResolver,
  ProjectStatusChangeResolver,
  ProjectMutationResolver,
  LabellingPhaseResolver,
  CriterionResolver,
  EvaluationResolver,
  EvaluationScoreResolver,
  LabellingDecisionResolver,
  ClusterLabelResolver,
  PoleIndicatorsResolver,
  StatisticsResolver,
  ProjectStatsKeyResolver,
  MemberStatsKeyResolver,
  AuditLogResolver,
  MemberMutationResolver,
  PoleYearMutationResolver,
  SelectionMutationResolver,
  SelectionDashboardResolver,
  SelectionRowResolver,
  RateLimitResolver,
  ViewerResolver,
  LiveResolver,
  WebhookResolver,
] as const;

/** The registry as the schema builder takes it. */
export const SCHEMA_FEATURES: SchemaFeatures = { collections: COLLECTIONS, resolvers: RESOLVERS };

let served: Promise<GraphQLSchema> | undefined;

/** The schema the server serves, built once per process (command-line tools, tests). */
export function servedSchema(): Promise<GraphQLSchema> {
  return (served ??= buildPoleGraphSchema(SCHEMA_FEATURES));
}
