import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Int, Query, Resolver, Root } from 'type-graphql';

import { connectionOf, type ListArgs, listArgsType } from '../graphql/collection-types';
import { lookupRecord, referenceList, rootConnection } from '../graphql/connection.service';
import type { GraphQLContext } from '../graphql/context';
import {
  NestedConnection,
  type NestedConnectionResolver,
} from '../graphql/nested-connection-field';
import { RelatedList, type RelatedListResolver } from '../graphql/related-list-field';
import { RelatedRecord, type RelatedRecordResolver } from '../graphql/related-record-field';
import { ClusterLabel } from './cluster-label.entity';
import { Criterion } from './criterion.entity';
import { EVALUATION_COLLECTION, EVALUATION_SCORE_COLLECTION } from './evaluation.collection';
import { Evaluation } from './evaluation.entity';
import { EvaluationScore } from './evaluation-score.entity';
import {
  CLUSTER_LABEL_COLLECTION,
  LABELLING_DECISION_COLLECTION,
} from './labelling-decision.collection';
import { LabellingDecision } from './labelling-decision.entity';
import { CRITERION_COLLECTION, LABELLING_PHASE_COLLECTION } from './labelling-phase.collection';
import { LabellingPhase } from './labelling-phase.entity';
import { countPolesLabelledAfterMergers } from './labelling-phase.service';

@Resolver(() => LabellingPhase)
export class LabellingPhaseResolver {
  @Query(() => [LabellingPhase], {
    description: 'The labelling phases (phases de labellisation), 1 to 5.',
  })
  labellingPhases(
    @Ctx() context: GraphQLContext,
  ): readonly LabellingPhase[] | Promise<readonly LabellingPhase[]> {
    return referenceList(context, LABELLING_PHASE_COLLECTION);
  }

  @Query(() => LabellingPhase, {
    nullable: true,
    description: 'One labelling phase, by global id or number.',
  })
  labellingPhase(
    @Ctx() context: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('id', () => ID, { nullable: true, description: 'Global id.' }) id?: string,
    @Arg('number', () => Int, { nullable: true, description: 'Phase number, 1 to 5.' })
    number?: number,
  ): Promise<LabellingPhase | null> {
    return lookupRecord(context, LABELLING_PHASE_COLLECTION, { id, number }, info);
  }

  @FieldResolver(() => Int, {
    description:
      'Poles labelled by the phase’s first decisions, a pole merged by the end of the phase ' +
      'counted once under its successor (54 for phase 4).',
  })
  polesLabelledAfterMergers(@Root() phase: LabellingPhase, @Ctx() { dataSource }: GraphQLContext) {
    return countPolesLabelledAfterMergers(dataSource, phase);
  }

  @RelatedList(CRITERION_COLLECTION, 'phase', {
    description: 'Selection criteria in force in the phase.',
  })
  readonly criteria!: RelatedListResolver;

  @NestedConnection(EVALUATION_COLLECTION, 'phase', {
    description: 'Evaluations made for the phase.',
  })
  readonly evaluations!: NestedConnectionResolver;

  @NestedConnection(LABELLING_DECISION_COLLECTION, 'phase', {
    description: 'Decisions of the phase.',
  })
  readonly decisions!: NestedConnectionResolver;
}

@Resolver(() => Criterion)
export class CriterionResolver {
  @RelatedRecord(CRITERION_COLLECTION, 'phase', {
    description: 'The phase the criterion belongs to.',
  })
  readonly phase!: RelatedRecordResolver;
}

@Resolver(() => Evaluation)
export class EvaluationResolver {
  @Query(() => Evaluation, { nullable: true, description: 'One evaluation, by global id.' })
  evaluation(
    @Arg('id', () => ID, { description: 'Global id.' }) id: string,
    @Ctx() context: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return lookupRecord<Evaluation>(context, EVALUATION_COLLECTION, { id }, info);
  }

  @Query(() => connectionOf(EVALUATION_COLLECTION), {
    description:
      'Evaluations of poles by ministries and regions (évaluations), filtered and paginated.',
  })
  evaluations(
    @Args(() => listArgsType(EVALUATION_COLLECTION)) args: ListArgs,
    @Ctx() context: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return rootConnection(context, EVALUATION_COLLECTION, args, info);
  }

  @RelatedRecord(EVALUATION_COLLECTION, 'pole', { description: 'The evaluated pole.' })
  readonly pole!: RelatedRecordResolver;

  @RelatedRecord(EVALUATION_COLLECTION, 'phase', { description: 'The phase.' })
  readonly phase!: RelatedRecordResolver;

  @RelatedRecord(EVALUATION_COLLECTION, 'ministry', {
    nullable: true,
    description: 'The evaluating ministry, if a ministry evaluated.',
  })
  readonly ministry!: RelatedRecordResolver;

  @RelatedRecord(EVALUATION_COLLECTION, 'region', {
    nullable: true,
    description: 'The evaluating region, if a region evaluated.',
  })
  readonly region!: RelatedRecordResolver;

  @RelatedList(EVALUATION_SCORE_COLLECTION, 'evaluation', {
    description: 'The score given on each criterion, best first.',
  })
  readonly scores!: RelatedListResolver;
}

@Resolver(() => EvaluationScore)
export class EvaluationScoreResolver {
  @RelatedRecord(EVALUATION_SCORE_COLLECTION, 'evaluation', { description: 'The evaluation.' })
  readonly evaluation!: RelatedRecordResolver;

  @RelatedRecord(EVALUATION_SCORE_COLLECTION, 'criterion', { description: 'The criterion scored.' })
  readonly criterion!: RelatedRecordResolver;
}

@Resolver(() => LabellingDecision)
export class LabellingDecisionResolver {
  @Query(() => connectionOf(LABELLING_DECISION_COLLECTION), {
    description:
      'Labelling decisions (décisions de labellisation), filtered, sorted and paginated.',
  })
  labellingDecisions(
    @Args(() => listArgsType(LABELLING_DECISION_COLLECTION)) args: ListArgs,
    @Ctx() context: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return rootConnection(context, LABELLING_DECISION_COLLECTION, args, info);
  }

  @RelatedRecord(LABELLING_DECISION_COLLECTION, 'pole', { description: 'The pole decided on.' })
  readonly pole!: RelatedRecordResolver;

  @RelatedRecord(LABELLING_DECISION_COLLECTION, 'phase', { description: 'The phase.' })
  readonly phase!: RelatedRecordResolver;
}

@Resolver(() => ClusterLabel)
export class ClusterLabelResolver {
  @RelatedRecord(CLUSTER_LABEL_COLLECTION, 'pole', { description: 'The labelled pole.' })
  readonly pole!: RelatedRecordResolver;
}
