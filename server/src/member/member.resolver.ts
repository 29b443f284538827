import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, ID, Info, Query, Resolver } from 'type-graphql';

import { connectionOf, type ListArgs, listArgsType } from '../graphql/collection-types';
import { lookupRecord, rootConnection } from '../graphql/connection.service';
import type { GraphQLContext } from '../graphql/context';
import {
  NestedConnection,
  type NestedConnectionResolver,
} from '../graphql/nested-connection-field';
import { RelatedRecord, type RelatedRecordResolver } from '../graphql/related-record-field';
import { POLE_COLLECTION } from '../pole/pole.collection';
import { PROJECT_COLLECTION } from '../project/project.collection';
import { MEMBER_COLLECTION, MEMBERSHIP_COLLECTION } from './member.collection';
import { Member } from './member.entity';
import { Membership } from './membership.entity';

@Resolver(() => Member)
export class MemberResolver {
  @Query(() => Member, {
    nullable: true,
    description: 'One member, by global id or SIREN; null when there is none.',
  })
  member(
    @Ctx() context: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('id', () => ID, { nullable: true, description: 'Global id.' }) id?: string,
    @Arg('siren', () => String, { nullable: true, description: 'SIREN number (9 digits).' })
    siren?: string,
  ): Promise<Member | null> {
    return lookupRecord(context, MEMBER_COLLECTION, { id, siren }, info);
  }

  @Query(() => connectionOf(MEMBER_COLLECTION), {
    description: 'The members (adhérents) of the poles, filtered, sorted and paginated.',
  })
  members(
    @Args(() => listArgsType(MEMBER_COLLECTION)) args: ListArgs,
    @Ctx() context: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return rootConnection(context, MEMBER_COLLECTION, args, info);
  }

  @RelatedRecord(MEMBER_COLLECTION, 'region', {
    description: 'Region where the member is located.',
  })
  readonly region!: RelatedRecordResolver;

  @NestedConnection(POLE_COLLECTION, 'member', {
    description: 'Poles the member belongs to today.',
  })
  readonly poles!: NestedConnectionResolver;

  @NestedConnection(MEMBERSHIP_COLLECTION, 'member', {
    description: 'Memberships, current and past.',
  })
  readonly memberships!: NestedConnectionResolver;

  @NestedConnection(PROJECT_COLLECTION, 'partner', {
    description: 'Projects the member takes part in.',
  })
  readonly projects!: NestedConnectionResolver;
}

@Resolver(() => Membership)
export class MembershipResolver {
  @Query(() => connectionOf(MEMBERSHIP_COLLECTION), {
    description: 'Memberships (adhésions) of members to poles, filtered, sorted and paginated.',
  })
  memberships(
    @Args(() => listArgsType(MEMBERSHIP_COLLECTION)) args: ListArgs,
    @Ctx() context: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return rootConnection(context, MEMBERSHIP_COLLECTION, args, info);
  }

  @RelatedRecord(MEMBERSHIP_COLLECTION, 'member', { description: 'The member.' })
  readonly member!: RelatedRecordResolver;

  @RelatedRecord(MEMBERSHIP_COLLECTION, 'pole', { description: 'The pole.' })
  readonly pole!: RelatedRecordResolver;
}
