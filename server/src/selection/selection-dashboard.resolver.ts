import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';

import type { GraphQLContext } from '../graphql/context';
import { PoleIndicators } from '../pole/pole-indicators.types';
import { Criterion } from './criterion.entity';
import { Evaluation } from './evaluation.entity';
import { LabellingDecision } from './labelling-decision.entity';
import {
  phaseCriteria,
  rowCriteria,
  rowDecision,
  rowEvaluations,
  rowIndicators,
  selectionDashboard,
  selectionRows,
} from './selection-dashboard.service';
import { CriterionAssessment, SelectionDashboard, SelectionRow } from './selection-dashboard.types';

@Resolver(() => SelectionDashboard)
export class SelectionDashboardResolver {
  @Query(() => SelectionDashboard, {
    nullable: true,
    description:
      'The ministry’s selection dashboard for a phase, in one query: for every pole evaluated or ' +
      'decided on in the phase, or labelled today, its indicators against each criterion, the ' +
      'evaluations received and the decision. Null when the phase does not exist. Batched: the ' +
      'cost in statements does not grow with the number of poles.',
  })
  selection(
    @Arg('phase', () => Int, {
      nullable: true,
      description:
        'Number of the labelling phase, e.g. 5; by default the phase running this year (else ' +
        'the latest that has begun).',
    })
    phase: number | null | undefined,
    @Ctx() context: GraphQLContext,
  ): Promise<SelectionDashboard | null> {
    return selectionDashboard(context, phase);
  }

  @FieldResolver(() => [Criterion], { description: 'The phase’s selection criteria, by code.' })
  criteria(@Root() dashboard: SelectionDashboard, @Ctx() context: GraphQLContext) {
    return phaseCriteria(context, dashboard.phase);
  }

  @FieldResolver(() => [SelectionRow], {
    description: 'One row per pole in the running, by pole name.',
  })
  rows(@Root() dashboard: SelectionDashboard, @Ctx() context: GraphQLContext) {
    return selectionRows(context, dashboard);
  }
}

@Resolver(() => SelectionRow)
export class SelectionRowResolver {
  @FieldResolver(() => PoleIndicators, {
    description: 'The pole’s indicators for the dashboard’s `indicatorsYear`.',
  })
  indicators(@Root() row: SelectionRow, @Ctx() context: GraphQLContext) {
    return rowIndicators(context, row);
  }

  @FieldResolver(() => [CriterionAssessment], {
    description: 'The pole against every criterion of the phase, in the order of `criteria`.',
  })
  criteria(@Root() row: SelectionRow, @Ctx() context: GraphQLContext) {
    return rowCriteria(context, row);
  }

  @FieldResolver(() => [Evaluation], {
    description: 'The evaluations the pole received in the phase, oldest first.',
  })
  evaluations(@Root() row: SelectionRow, @Ctx() context: GraphQLContext) {
    return rowEvaluations(context, row);
  }

  @FieldResolver(() => LabellingDecision, {
    nullable: true,
    description:
      'The latest decision on the pole for the phase (an extension or withdrawal after the ' +
      'first one); null while none is taken.',
  })
  decision(@Root() row: SelectionRow, @Ctx() context: GraphQLContext) {
    return rowDecision(context, row);
  }
}
