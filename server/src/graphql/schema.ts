import { type GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchema } from 'type-graphql';

import { AuditLogResolver } from '../audit/audit.resolver';
import { authChecker } from '../auth/auth-checker';
import { FundingProgrammeResolver } from '../funding-programme/funding-programme.resolver';
import { MemberResolver, MembershipResolver } from '../member/member.resolver';
import { MemberMutationResolver } from '../member/member-mutation.resolver';
import { MinistryResolver } from '../ministry/ministry.resolver';
import { PoleResolver, PoleYearResolver } from '../pole/pole.resolver';
import { PoleIndicatorsResolver } from '../pole/pole-indicators.resolver';
import { PoleYearMutationResolver } from '../pole/pole-year-mutation.resolver';
import {
  ProjectPartnerResolver,
  ProjectResolver,
  ProjectStatusChangeResolver,
} from '../project/project.resolver';
import { ProjectMutationResolver } from '../project/project-mutation.resolver';
import { RateLimitResolver } from '../rate-limit/rate-limit.resolver';
import { RegionResolver } from '../region/region.resolver';
import {
  ClusterLabelResolver,
  CriterionResolver,
  EvaluationResolver,
  EvaluationScoreResolver,
  LabellingDecisionResolver,
  LabellingPhaseResolver,
} from '../selection/selection.resolver';
import {
  SelectionDashboardResolver,
  SelectionRowResolver,
} from '../selection/selection-dashboard.resolver';
import { SelectionMutationResolver } from '../selection/selection-mutation.resolver';
import {
  MemberStatsKeyResolver,
  ProjectStatsKeyResolver,
  StatisticsResolver,
} from '../statistics/statistics.resolver';
import { ThemeResolver } from '../theme/theme.resolver';
import { connectionOf, filterInputType, listArgsType, orderInputType } from './collection-types';
import { NODE_COLLECTIONS } from './collections';
import { NodeResolver } from './relay/node.resolver';

export const RESOLVERS = [
  NodeResolver,
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
] as const;

/**
 * Builds the executable schema. Validation is off globally: type-graphql would otherwise run
 * class-validator on every query argument (measurably slow); mutation inputs opt in one by one.
 */
export async function buildPoleGraphSchema(): Promise<GraphQLSchema> {
  // The generated collection types must exist before type-graphql reads its metadata.
  for (const spec of NODE_COLLECTIONS.values()) {
    filterInputType(spec);
    orderInputType(spec);
    connectionOf(spec);
    listArgsType(spec);
  }
  const schema = await buildSchema({ resolvers: RESOLVERS, validate: false, authChecker });
  // type-graphql offers no way to describe the root types; the playground shows this first.
  Object.assign(schema.getQueryType()!, {
    description:
      'Entry points of the PoleGraph API: the pôles de compétitivité, their members, projects, ' +
      'selection data and statistics. Lists are Relay connections with `filter`, `orderBy`, ' +
      '`first`/`after` and `last`/`before`.',
  });
  Object.assign(schema.getMutationType() ?? {}, {
    description:
      'Writes. Each mutation is one transaction, recorded in the audit log, and returns a payload ' +
      'with the changed record and `userErrors`: when these are not empty, nothing was written.',
  });
  return schema;
}

/** The SDL committed as schema/schema.graphql: sorted, so the file only changes with the schema. */
export function printSortedSchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
