import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';

import { DETAIL } from '../auth/permission-policy';
import { connectionOf, type ListArgs, listArgsType } from '../graphql/collection-types';
import {
  lookupRecord,
  recordById,
  relatedList,
  rootConnection,
} from '../graphql/connection.service';
import type { GraphQLContext } from '../graphql/context';
import {
  NestedConnection,
  type NestedConnectionResolver,
} from '../graphql/nested-connection-field';
import { MEMBER_COLLECTION, MEMBERSHIP_COLLECTION } from '../member/member.collection';
import { PROJECT_COLLECTION } from '../project/project.collection';
import { REGION_COLLECTION } from '../region/region.collection';
import { Region } from '../region/region.entity';
import { ClusterLabel } from '../selection/cluster-label.entity';
import { EVALUATION_COLLECTION } from '../selection/evaluation.collection';
import {
  CLUSTER_LABEL_COLLECTION,
  LABELLING_DECISION_COLLECTION,
} from '../selection/labelling-decision.collection';
import { LabellingDecision } from '../selection/labelling-decision.entity';
import { THEME_COLLECTION } from '../theme/theme.collection';
import { Theme } from '../theme/theme.entity';
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
    @Arg('id', () => ID, { nullable: true, description: 'Global id.' }) id?: string,
    @Arg('slug', () => String, { nullable: true, description: 'Slug, e.g. "aerospace-valley".' })
    slug?: string,
  ): Promise<Pole | null> {
    return lookupRecord(context, POLE_COLLECTION, { id, slug });
  }

  @Query(() => connectionOf(POLE_COLLECTION), {
    description: 'The poles (pôles de compétitivité), filtered, sorted and paginated.',
  })
  poles(@Args(() => listArgsType(POLE_COLLECTION)) args: ListArgs, @Ctx() context: GraphQLContext) {
    return rootConnection(context, POLE_COLLECTION, args);
  }

  @FieldResolver(() => Region, { description: 'Region of the headquarters (région du siège).' })
  region(@Root() pole: Pole, @Ctx() context: GraphQLContext) {
    return recordById(context, REGION_COLLECTION, pole.headquartersRegionId);
  }

  @FieldResolver(() => Pole, {
    nullable: true,
    description: 'The pole this one merged into (e.g. Elastopôle → Polymeris); null if none.',
  })
  successor(@Root() pole: Pole, @Ctx() context: GraphQLContext) {
    return pole.successorId === null
      ? null
      : recordById(context, POLE_COLLECTION, pole.successorId);
  }

  @FieldResolver(() => [Pole], {
    description: 'The poles that merged into this one (e.g. Polymeris ← Elastopôle, Plastipolis).',
  })
  predecessors(@Root() pole: Pole, @Ctx() context: GraphQLContext) {
    return relatedList(context, POLE_COLLECTION, 'successor', pole.id);
  }

  @FieldResolver(() => [Region], {
    description: 'Other regions the pole covers (inter-regional poles).',
  })
  coveredRegions(@Root() pole: Pole, @Ctx() context: GraphQLContext) {
    return relatedList(context, REGION_COLLECTION, 'coveredPole', pole.id);
  }

  @FieldResolver(() => [Theme], { description: 'Thematic specialisations of the pole.' })
  themes(@Root() pole: Pole, @Ctx() context: GraphQLContext) {
    return relatedList(context, THEME_COLLECTION, 'pole', pole.id);
  }

  @Authorized(DETAIL)
  @FieldResolver(() => [PoleYear], {
    nullable: true,
    description: 'Yearly figures, oldest first.',
  })
  years(@Root() pole: Pole, @Ctx() context: GraphQLContext) {
    return relatedList(context, POLE_YEAR_COLLECTION, 'pole', pole.id);
  }

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

  @FieldResolver(() => [LabellingDecision], { description: 'Labelling decisions, latest first.' })
  decisions(@Root() pole: Pole, @Ctx() context: GraphQLContext) {
    return relatedList(context, LABELLING_DECISION_COLLECTION, 'pole', pole.id);
  }

  @FieldResolver(() => [ClusterLabel], {
    description: 'European cluster-management labels, latest first.',
  })
  clusterLabels(@Root() pole: Pole, @Ctx() context: GraphQLContext) {
    return relatedList(context, CLUSTER_LABEL_COLLECTION, 'pole', pole.id);
  }
}

@Resolver(() => PoleYear)
export class PoleYearResolver {
  @FieldResolver(() => Pole, { description: 'The pole.' })
  pole(@Root() year: PoleYear, @Ctx() context: GraphQLContext) {
    return recordById(context, POLE_COLLECTION, year.poleId);
  }
}
