import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';

import type { GraphQLContext } from '../graphql/context';
import { runMutation } from '../graphql/mutation/mutation-runner';
import { recordClusterLabel } from './cluster-label.service';
import { recordEvaluation } from './evaluation.service';
import { amendLabellingDecision } from './labelling-amendment.service';
import { decideLabelling } from './labelling-decision.service';
import { openLabellingPhase } from './labelling-phase.service';
import {
  AmendLabellingDecisionInput,
  DecideLabellingInput,
  OpenLabellingPhaseInput,
  RecordClusterLabelInput,
  RecordEvaluationInput,
} from './selection.input';
import {
  AmendLabellingDecisionPayload,
  DecideLabellingPayload,
  OpenLabellingPhasePayload,
  RecordClusterLabelPayload,
  RecordEvaluationPayload,
} from './selection.payloads';

@Resolver()
export class SelectionMutationResolver {
  @Mutation(() => OpenLabellingPhasePayload, {
    description: 'Opens a labelling phase with its selection criteria, all or nothing.',
  })
  openLabellingPhase(
    @Arg('input', () => OpenLabellingPhaseInput, { description: 'The new phase.' })
    input: OpenLabellingPhaseInput,
    @Ctx() context: GraphQLContext,
  ) {
    return runMutation(context, {
      operation: 'openLabellingPhase',
      input,
      execute: (scope) => openLabellingPhase(scope, input),
    });
  }

  @Mutation(() => RecordEvaluationPayload, {
    description:
      'Records a ministry’s or a region’s evaluation of a pole for a phase, with its scores on ' +
      'the phase’s SCORE criteria.',
  })
  recordEvaluation(
    @Arg('input', () => RecordEvaluationInput, { description: 'The evaluation.' })
    input: RecordEvaluationInput,
    @Ctx() context: GraphQLContext,
  ) {
    return runMutation(context, {
      operation: 'recordEvaluation',
      input,
      execute: (scope) => recordEvaluation(scope, input),
    });
  }

  @Mutation(() => DecideLabellingPayload, {
    description:
      'Records the State’s decision on a pole for a phase, or changes it (then with ' +
      '`expectedVersion`).',
  })
  decideLabelling(
    @Arg('input', () => DecideLabellingInput, { description: 'The decision.' })
    input: DecideLabellingInput,
    @Ctx() context: GraphQLContext,
  ) {
    return runMutation(context, {
      operation: 'decideLabelling',
      input,
      execute: (scope) => decideLabelling(scope, input),
    });
  }

  @Mutation(() => AmendLabellingDecisionPayload, {
    description:
      'Records a later decision on a pole’s label for a phase: an extension or a withdrawal ' +
      'before its term.',
  })
  amendLabellingDecision(
    @Arg('input', () => AmendLabellingDecisionInput, { description: 'The amendment.' })
    input: AmendLabellingDecisionInput,
    @Ctx() context: GraphQLContext,
  ) {
    return runMutation(context, {
      operation: 'amendLabellingDecision',
      input,
      execute: (scope) => amendLabellingDecision(scope, input),
    });
  }

  @Mutation(() => RecordClusterLabelPayload, {
    description: 'Records a European cluster-management label (bronze, silver, gold) of a pole.',
  })
  recordClusterLabel(
    @Arg('input', () => RecordClusterLabelInput, { description: 'The label.' })
    input: RecordClusterLabelInput,
    @Ctx() context: GraphQLContext,
  ) {
    return runMutation(context, {
      operation: 'recordClusterLabel',
      input,
      execute: (scope) => recordClusterLabel(scope, input),
    });
  }
}
