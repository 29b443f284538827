import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';

import { Confidential } from '../auth/confidential-field';
import { connectionOf, type ListArgs, listArgsType } from '../graphql/collection-types';
import { lookupRecord, recordById, rootConnection } from '../graphql/connection.service';
import type { GraphQLContext } from '../graphql/context';
import { RelatedList, type RelatedListResolver } from '../graphql/related-list-field';
import { RelatedRecord, type RelatedRecordResolver } from '../graphql/related-record-field';
import { MEMBER_COLLECTION } from '../member/member.collection';
import { Member } from '../member/member.entity';
import { POLE_COLLECTION } from '../pole/pole.collection';
import { REGION_COLLECTION } from '../region/region.collection';
import { THEME_COLLECTION } from '../theme/theme.collection';
import {
  PROJECT_COLLECTION,
  PROJECT_PARTNER_COLLECTION,
  PROJECT_STATUS_CHANGE_COLLECTION,
} from './project.collection';
import { Project } from './project.entity';
import { ProjectPartner } from './project-partner.entity';
import { ProjectStatusChange } from './project-status-change.entity';

@Resolver(() => Project)
export class ProjectResolver {
  @Query(() => Project, {
    nullable: true,
    description: 'One project, by global id or acronym; null when there is none.',
  })
  project(
    @Ctx() context: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('id', () => ID, { nullable: true, description: 'Global id.' }) id?: string,
    @Arg('acronym', () => String, { nullable: true, description: 'Acronym of the project.' })
    acronym?: string,
  ): Promise<Project | null> {
    return lookupRecord(context, PROJECT_COLLECTION, { id, acronym }, info);
  }

  @Query(() => connectionOf(PROJECT_COLLECTION), {
    description: 'Collaborative projects (projets collaboratifs), filtered, sorted and paginated.',
  })
  projects(
    @Args(() => listArgsType(PROJECT_COLLECTION)) args: ListArgs,
    @Ctx() context: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return rootConnection(context, PROJECT_COLLECTION, args, info);
  }

  @RelatedRecord(PROJECT_COLLECTION, 'programme', { description: 'The funding programme.' })
  readonly programme!: RelatedRecordResolver;

  @RelatedRecord(PROJECT_COLLECTION, 'leadPole', {
    description: 'The pole that leads the project (pôle porteur).',
  })
  readonly leadPole!: RelatedRecordResolver;

  @RelatedList(POLE_COLLECTION, 'coLabelledProject', {
    description: 'Other poles that co-labelled the project.',
  })
  readonly coLabellingPoles!: RelatedListResolver;

  @Confidential()
  @FieldResolver(() => Member, {
    nullable: true,
    description: 'The coordinating member (chef de file).',
  })
  coordinator(
    @Root() project: Project,
    @Ctx() context: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return recordById(context, MEMBER_COLLECTION, project.coordinatorId, info);
  }

  @RelatedList(THEME_COLLECTION, 'project', { description: 'Themes of the project.' })
  readonly themes!: RelatedListResolver;

  @Confidential()
  @RelatedList(REGION_COLLECTION, 'project', {
    nullable: true,
    description: 'Regions of the lead pole’s headquarters and of the partners.',
  })
  readonly regions!: RelatedListResolver;

  @Confidential()
  @RelatedList(PROJECT_PARTNER_COLLECTION, 'project', {
    nullable: true,
    description:
      'The consortium: every partner with its role and share. Confidential: null (with a FORBIDDEN or UNAUTHENTICATED error at this path) for a caller who may not see it, which is why the list is nullable.',
  })
  readonly partners!: RelatedListResolver;

  @Confidential()
  @RelatedList(PROJECT_STATUS_CHANGE_COLLECTION, 'project', {
    nullable: true,
    description:
      'Tracking history (historique), oldest first. Confidential: null (with a FORBIDDEN or UNAUTHENTICATED error at this path) for a caller who may not see it, which is why the list is nullable.',
  })
  readonly history!: RelatedListResolver;
}

@Resolver(() => ProjectPartner)
export class ProjectPartnerResolver {
  @RelatedRecord(PROJECT_PARTNER_COLLECTION, 'project', { description: 'The project.' })
  readonly project!: RelatedRecordResolver;

  @RelatedRecord(PROJECT_PARTNER_COLLECTION, 'member', { description: 'The member.' })
  readonly member!: RelatedRecordResolver;
}

@Resolver(() => ProjectStatusChange)
export class ProjectStatusChangeResolver {
  @RelatedRecord(PROJECT_STATUS_CHANGE_COLLECTION, 'project', { description: 'The project.' })
  readonly project!: RelatedRecordResolver;
}
