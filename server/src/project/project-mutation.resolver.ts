import { Arg, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';

import type { GraphQLContext } from '../graphql/context';
import { runMutation } from '../graphql/mutation/mutation-runner';
import { ProjectStatus } from './project.enums';
import {
  AddProjectPartnerInput,
  CreateProjectInput,
  RemoveProjectPartnerInput,
  UpdateProjectInput,
} from './project.input';
import {
  AddProjectPartnerPayload,
  ChangeProjectStatusPayload,
  CreateProjectPayload,
  RemoveProjectPartnerPayload,
  UpdateProjectPayload,
} from './project.payloads';
import {
  addProjectPartner,
  changeProjectStatus,
  createProject,
  removeProjectPartner,
  updateProject,
} from './project.service';

@Resolver()
export class ProjectMutationResolver {
  @Mutation(() => CreateProjectPayload, {
    description:
      'Creates a project in DRAFT with its partners, co-labelling poles and themes, all or nothing.',
  })
  createProject(
    @Arg('input', () => CreateProjectInput, { description: 'The new project.' })
    input: CreateProjectInput,
    @Ctx() context: GraphQLContext,
  ) {
    return runMutation(context, {
      operation: 'createProject',
      input,
      execute: (scope) => createProject(scope, input),
    });
  }

  @Mutation(() => UpdateProjectPayload, {
    description:
      'Changes a project’s fields (not its status: see changeProjectStatus), if it is still at `expectedVersion`.',
  })
  updateProject(
    @Arg('input', () => UpdateProjectInput, { description: 'What to change.' })
    input: UpdateProjectInput,
    @Ctx() context: GraphQLContext,
  ) {
    return runMutation(context, {
      operation: 'updateProject',
      input,
      execute: (scope) => updateProject(scope, input),
    });
  }

  @Mutation(() => AddProjectPartnerPayload, {
    description: 'Adds a member to a project’s consortium.',
  })
  addProjectPartner(
    @Arg('input', () => AddProjectPartnerInput, { description: 'The partner to add.' })
    input: AddProjectPartnerInput,
    @Ctx() context: GraphQLContext,
  ) {
    return runMutation(context, {
      operation: 'addProjectPartner',
      input,
      execute: (scope) => addProjectPartner(scope, input),
    });
  }

  @Mutation(() => RemoveProjectPartnerPayload, {
    description: 'Removes a member from a project’s consortium.',
  })
  removeProjectPartner(
    @Arg('input', () => RemoveProjectPartnerInput, { description: 'The partner to remove.' })
    input: RemoveProjectPartnerInput,
    @Ctx() context: GraphQLContext,
  ) {
    return runMutation(context, {
      operation: 'removeProjectPartner',
      input,
      execute: (scope) => removeProjectPartner(scope, input),
    });
  }

  @Mutation(() => ChangeProjectStatusPayload, {
    description:
      'Moves a project along its life cycle (DRAFT → SUBMITTED → LABELLED → FUNDED → IN_PROGRESS → COMPLETED, ' +
      'REJECTED from SUBMITTED or LABELLED, ABANDONED from any open status) and records the step in its history.',
  })
  changeProjectStatus(
    @Arg('id', () => ID, { description: 'Global id of the project.' }) id: string,
    @Arg('to', () => ProjectStatus, { description: 'The new status.' }) to: ProjectStatus,
    @Arg('expectedVersion', () => Int, { description: 'The project’s `version` you read.' })
    expectedVersion: number,
    @Arg('comment', () => String, {
      nullable: true,
      description: 'Why the status changes (2,000 characters at most).',
    })
    comment: string | null,
    @Ctx() context: GraphQLContext,
  ) {
    return runMutation(context, {
      operation: 'changeProjectStatus',
      execute: (scope) => changeProjectStatus(scope, { id, to, comment, expectedVersion }),
    });
  }
}
