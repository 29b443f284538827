import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';

import type { GraphQLContext } from '../graphql/context';
import { runMutation } from '../graphql/mutation/mutation-runner';
import { RecordPoleYearInput } from './pole-year.input';
import { RecordPoleYearPayload } from './pole-year.payloads';
import { recordPoleYear } from './pole-year.service';

@Resolver()
export class PoleYearMutationResolver {
  @Mutation(() => RecordPoleYearPayload, {
    description:
      'Records a pole’s figures for a year: creates them, or updates them when they exist ' +
      '(then `expectedVersion` is required).',
  })
  recordPoleYear(
    @Arg('input', () => RecordPoleYearInput, { description: 'The year’s figures.' })
    input: RecordPoleYearInput,
    @Ctx() context: GraphQLContext,
  ) {
    return runMutation(context, {
      operation: 'recordPoleYear',
      input,
      execute: (scope) => recordPoleYear(scope, input),
    });
  }
}
