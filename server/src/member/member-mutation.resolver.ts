import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';

import type { GraphQLContext } from '../graphql/context';
import { runMutation } from '../graphql/mutation/mutation-runner';
import {
  CreateMemberInput,
  JoinPoleInput,
  LeavePoleInput,
  UpdateMemberInput,
} from './member.input';
import {
  CreateMemberPayload,
  JoinPolePayload,
  LeavePolePayload,
  UpdateMemberPayload,
} from './member.payloads';
import { createMember, joinPole, leavePole, updateMember } from './member.service';

@Resolver()
export class MemberMutationResolver {
  @Mutation(() => CreateMemberPayload, {
    description: 'Creates a member (adhérent); refused when its SIREN is already a member’s.',
  })
  createMember(
    @Arg('input', () => CreateMemberInput, { description: 'The new member.' })
    input: CreateMemberInput,
    @Ctx() context: GraphQLContext,
  ) {
    return runMutation(context, {
      operation: 'createMember',
      input,
      execute: (scope) => createMember(scope, input),
    });
  }

  @Mutation(() => UpdateMemberPayload, {
    description: 'Changes a member’s fields, if it is still at `expectedVersion`.',
  })
  updateMember(
    @Arg('input', () => UpdateMemberInput, { description: 'What to change.' })
    input: UpdateMemberInput,
    @Ctx() context: GraphQLContext,
  ) {
    return runMutation(context, {
      operation: 'updateMember',
      input,
      execute: (scope) => updateMember(scope, input),
    });
  }

  @Mutation(() => JoinPolePayload, {
    description:
      'A member joins a pole (adhésion); refused when it already has an active membership of it.',
  })
  joinPole(
    @Arg('input', () => JoinPoleInput, { description: 'The new membership.' }) input: JoinPoleInput,
    @Ctx() context: GraphQLContext,
  ) {
    return runMutation(context, {
      operation: 'joinPole',
      input,
      execute: (scope) => joinPole(scope, input),
    });
  }

  @Mutation(() => LeavePolePayload, {
    description: 'Ends an active membership on its last day, if it is still at `expectedVersion`.',
  })
  leavePole(
    @Arg('input', () => LeavePoleInput, { description: 'The membership and its last day.' })
    input: LeavePoleInput,
    @Ctx() context: GraphQLContext,
  ) {
    return runMutation(context, {
      operation: 'leavePole',
      input,
      execute: (scope) => leavePole(scope, input),
    });
  }
}
