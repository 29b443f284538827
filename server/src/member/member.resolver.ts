import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';

import { connectionOf, type ListArgs, listArgsType } from '../graphql/collection-types';
import { lookupRecord, recordById, rootConnection } from '../graphql/connection.service';
import type { GraphQLContext } from '../graphql/context';
import {
  NestedConnection,
  type NestedConnectionResolver,
} from '../graphql/nested-connection-field';
import { POLE_COLLECTION } from '../pole/pole.collection';
import { Pole } from '../pole/pole.entity';
import { PROJECT_COLLECTION } from '../project/project.collection';
import { REGION_COLLECTION } from '../region/region.collection';
import { Region } from '../region/region.entity';
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

  @FieldResolver(() => Region, { description: 'Region where the member is located.' })
  region(@Root() member: Member, @Ctx() context: GraphQLContext, @Info() info: GraphQLResolveInfo) {
    return recordById(context, REGION_COLLECTION, member.regionId, info);
  }

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

  @FieldResolver(() => Member, { description: 'The member.' })
  member(
    @Root() membership: Membership,
    @Ctx() context: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return recordById(context, MEMBER_COLLECTION, membership.memberId, info);
  }

  @FieldResolver(() => Pole, { description: 'The pole.' })
  pole(
    @Root() membership: Membership,
    @Ctx() context: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return recordById(context, POLE_COLLECTION, membership.poleId, info);
  }
}
