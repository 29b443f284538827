import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Int, Query, Resolver, Root } from 'type-graphql';

import { connectionOf, type ListArgs, listArgsType } from '../graphql/collection-types';
import { lookupRecord, recordById, rootConnection } from '../graphql/connection.service';
import type { GraphQLContext } from '../graphql/context';
import {
  NestedConnection,
  type NestedConnectionResolver,
} from '../graphql/nested-connection-field';
import { RelatedList, type RelatedListResolver } from '../graphql/related-list-field';
import { MINISTRY_COLLECTION } from '../ministry/ministry.collection';
import { Ministry } from '../ministry/ministry.entity';
import { POLE_COLLECTION } from '../pole/pole.collection';
import { Pole } from '../pole/pole.entity';
import { REGION_COLLECTION } from '../region/region.collection';
import { Region } from '../region/region.entity';
import { ClusterLabel } from './cluster-label.entity';
import { Criterion } from './criterion.entity';
import { EVALUATION_COLLECTION, EVALUATION_SCORE_COLLECTION } from './evaluation.collection';
import { Evaluation } from './evaluation.entity';
import { EvaluationScore } from './evaluation-score.entity';
import { LABELLING_DECISION_COLLECTION } from './labelling-decision.collection';
import { LabellingDecision } from './labelling-decision.entity';
import { CRITERION_COLLECTION, LABELLING_PHASE_COLLECTION } from './labelling-phase.collection';
import { LabellingPhase } from './labelling-phase.entity';
import { countPolesLabelledAfterMergers, listLabellingPhases } from './labelling-phase.service';

@Resolver(() => LabellingPhase)
export class LabellingPhaseResolver {
  @Query(() => [LabellingPhase], {
    description: 'The labelling phases (phases de labellisation), 1 to 5.',
  })
  labellingPhases(@Ctx() { dataSource }: GraphQLContext): Promise<LabellingPhase[]> {
    return listLabellingPhases(dataSource);
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
  @FieldResolver(() => LabellingPhase, { description: 'The phase the criterion belongs to.' })
  phase(
    @Root() criterion: Criterion,
    @Ctx() context: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return recordById(context, LABELLING_PHASE_COLLECTION, criterion.phaseId, info);
  }
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

  @FieldResolver(() => Pole, { description: 'The evaluated pole.' })
  pole(
    @Root() evaluation: Evaluation,
    @Ctx() context: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return recordById(context, POLE_COLLECTION, evaluation.poleId, info);
  }

  @FieldResolver(() => LabellingPhase, { description: 'The phase.' })
  phase(
    @Root() evaluation: Evaluation,
    @Ctx() context: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return recordById(context, LABELLING_PHASE_COLLECTION, evaluation.phaseId, info);
  }

  @FieldResolver(() => Ministry, {
    nullable: true,
    description: 'The evaluating ministry, if a ministry evaluated.',
  })
  ministry(
    @Root() evaluation: Evaluation,
    @Ctx() context: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return recordById(context, MINISTRY_COLLECTION, evaluation.ministryId, info);
  }

  @FieldResolver(() => Region, {
    nullable: true,
    description: 'The evaluating region, if a region evaluated.',
  })
  region(
    @Root() evaluation: Evaluation,
    @Ctx() context: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return recordById(context, REGION_COLLECTION, evaluation.regionId, info);
  }

  @RelatedList(EVALUATION_SCORE_COLLECTION, 'evaluation', {
    description: 'The score given on each criterion, best first.',
  })
  readonly scores!: RelatedListResolver;
}

@Resolver(() => EvaluationScore)
export class EvaluationScoreResolver {
  @FieldResolver(() => Evaluation, { description: 'The evaluation.' })
  evaluation(
    @Root() score: EvaluationScore,
    @Ctx() context: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return recordById(context, EVALUATION_COLLECTION, score.evaluationId, info);
  }

  @FieldResolver(() => Criterion, { description: 'The criterion scored.' })
  criterion(
    @Root() score: EvaluationScore,
    @Ctx() context: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return recordById(context, CRITERION_COLLECTION, score.criterionId, info);
  }
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

  @FieldResolver(() => Pole, { description: 'The pole decided on.' })
  pole(
    @Root() decision: LabellingDecision,
    @Ctx() context: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return recordById(context, POLE_COLLECTION, decision.poleId, info);
  }

  @FieldResolver(() => LabellingPhase, { description: 'The phase.' })
  phase(
    @Root() decision: LabellingDecision,
    @Ctx() context: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return recordById(context, LABELLING_PHASE_COLLECTION, decision.phaseId, info);
  }
}

@Resolver(() => ClusterLabel)
export class ClusterLabelResolver {
  @FieldResolver(() => Pole, { description: 'The labelled pole.' })
  pole(
    @Root() label: ClusterLabel,
    @Ctx() context: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return recordById(context, POLE_COLLECTION, label.poleId, info);
  }
}
