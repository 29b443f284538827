import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, ID, Info, Query, Resolver } from 'type-graphql';

import { Confidential } from '../auth/confidential-field';
import { connectionOf, type ListArgs, listArgsType } from '../graphql/collection-types';
import { lookupRecord, rootConnection } from '../graphql/connection.service';
import type { GraphQLContext } from '../graphql/context';
import {
  NestedConnection,
  type NestedConnectionResolver,
} from '../graphql/nested-connection-field';
import { RelatedList, type RelatedListResolver } from '../graphql/related-list-field';
import { RelatedRecord, type RelatedRecordResolver } from '../graphql/related-record-field';
import { MEMBER_COLLECTION, MEMBERSHIP_COLLECTION } from '../member/member.collection';
import { PROJECT_COLLECTION } from '../project/project.collection';
import { REGION_COLLECTION } from '../region/region.collection';
import { EVALUATION_COLLECTION } from '../selection/evaluation.collection';
import {
  CLUSTER_LABEL_COLLECTION,
  LABELLING_DECISION_COLLECTION,
} from '../selection/labelling-decision.collection';
import { THEME_COLLECTION } from '../theme/theme.collection';
import { POLE_COLLECTION, POLE_YEAR_COLLECTION } from './pole.collection';
import { Pole } from './pole.entity';
import { PoleYear } from './pole-year.entity';

@Resolver(() => Pole)
export class PoleResolver {
  @Query(() => Pole, {
    nullable: true,
    description: 'One pole, by global id or slug; null when there is none.',
  })
  pole(
    @Ctx() context: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('id', () => ID, { nullable: true, description: 'Global id.' }) id?: string,
    @Arg('slug', () => String, { nullable: true, description: 'Slug, e.g. "aerospace-valley".' })
    slug?: string,
  ): Promise<Pole | null> {
    return lookupRecord(context, POLE_COLLECTION, { id, slug }, info);
  }

  @Query(() => connectionOf(POLE_COLLECTION), {
    description: 'The poles (pôles de compétitivité), filtered, sorted and paginated.',
  })
  poles(
    @Args(() => listArgsType(POLE_COLLECTION)) args: ListArgs,
    @Ctx() context: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return rootConnection(context, POLE_COLLECTION, args, info);
  }

  @RelatedRecord(POLE_COLLECTION, 'region', {
    description: 'Region of the headquarters (région du siège).',
  })
  readonly region!: RelatedRecordResolver;

  @RelatedRecord(POLE_COLLECTION, 'successor', {
    nullable: true,
    description: 'The pole this one merged into (e.g. Elastopôle → Polymeris); null if none.',
  })
  readonly successor!: RelatedRecordResolver;

  @RelatedList(POLE_COLLECTION, 'successor', {
    description: 'The poles that merged into this one (e.g. Polymeris ← Elastopôle, Plastipolis).',
  })
  readonly predecessors!: RelatedListResolver;

  @RelatedList(REGION_COLLECTION, 'coveredPole', {
    description: 'Other regions the pole covers (inter-regional poles).',
  })
  readonly coveredRegions!: RelatedListResolver;

  @RelatedList(THEME_COLLECTION, 'pole', { description: 'Thematic specialisations of the pole.' })
  readonly themes!: RelatedListResolver;

  @Confidential()
  @RelatedList(POLE_YEAR_COLLECTION, 'pole', {
    nullable: true,
    description: 'Yearly figures, oldest first.',
  })
  readonly years!: RelatedListResolver;

  @NestedConnection(MEMBER_COLLECTION, 'pole', { description: 'Active members (adhérents).' })
  readonly members!: NestedConnectionResolver;

  @NestedConnection(MEMBERSHIP_COLLECTION, 'pole', {
    description: 'Memberships, current and past.',
  })
  readonly memberships!: NestedConnectionResolver;

  @NestedConnection(PROJECT_COLLECTION, 'pole', {
    description: 'Projects the pole leads or co-labels (projets labellisés).',
  })
  readonly projects!: NestedConnectionResolver;

  @NestedConnection(EVALUATION_COLLECTION, 'pole', { description: 'Evaluations of the pole.' })
  readonly evaluations!: NestedConnectionResolver;

  @RelatedList(LABELLING_DECISION_COLLECTION, 'pole', {
    description: 'Labelling decisions, latest first.',
  })
  readonly decisions!: RelatedListResolver;

  @RelatedList(CLUSTER_LABEL_COLLECTION, 'pole', {
    description: 'European cluster-management labels, latest first.',
  })
  readonly clusterLabels!: RelatedListResolver;
}

@Resolver(() => PoleYear)
export class PoleYearResolver {
  @RelatedRecord(POLE_YEAR_COLLECTION, 'pole', { description: 'The pole.' })
  readonly pole!: RelatedRecordResolver;
}
