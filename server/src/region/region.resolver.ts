import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';

import { connectionOf, type ListArgs, listArgsType } from '../graphql/collection-types';
import { lookupRecord, nestedConnection } from '../graphql/connection.service';
import type { GraphQLContext } from '../graphql/context';
import { MEMBER_COLLECTION } from '../member/member.collection';
import { POLE_COLLECTION } from '../pole/pole.collection';
import { PROJECT_COLLECTION } from '../project/project.collection';
import { REGION_COLLECTION } from './region.collection';
import { Region } from './region.entity';
import { listRegions } from './region.service';

@Resolver(() => Region)
export class RegionResolver {
  @Query(() => [Region], {
    description: 'All French regions (régions), metropolitan first, by INSEE code.',
  })
  regions(@Ctx() { dataSource }: GraphQLContext): Promise<Region[]> {
    return listRegions(dataSource);
  }

  @Query(() => Region, { nullable: true, description: 'One region, by global id or INSEE code.' })
  region(
    @Ctx() context: GraphQLContext,
    @Arg('id', () => ID, { nullable: true, description: 'Global id.' }) id?: string,
    @Arg('code', () => String, { nullable: true, description: 'INSEE code, e.g. "84".' })
    code?: string,
  ): Promise<Region | null> {
    return lookupRecord(context, REGION_COLLECTION, { id, code });
  }

  @FieldResolver(() => connectionOf(POLE_COLLECTION), {
    description: 'Poles headquartered in the region (pôles dont le siège est dans la région).',
  })
  poles(
    @Root() region: Region,
    @Args(() => listArgsType(POLE_COLLECTION)) args: ListArgs,
    @Ctx() context: GraphQLContext,
  ) {
    return nestedConnection(context, POLE_COLLECTION, 'region', region.id, args);
  }

  @FieldResolver(() => connectionOf(MEMBER_COLLECTION), {
    description: 'Members located in the region.',
  })
  members(
    @Root() region: Region,
    @Args(() => listArgsType(MEMBER_COLLECTION)) args: ListArgs,
    @Ctx() context: GraphQLContext,
  ) {
    return nestedConnection(context, MEMBER_COLLECTION, 'region', region.id, args);
  }

  @FieldResolver(() => connectionOf(PROJECT_COLLECTION), {
    description:
      'Projects led by a pole headquartered in the region or with a partner located there.',
  })
  projects(
    @Root() region: Region,
    @Args(() => listArgsType(PROJECT_COLLECTION)) args: ListArgs,
    @Ctx() context: GraphQLContext,
  ) {
    return nestedConnection(context, PROJECT_COLLECTION, 'region', region.id, args);
  }
}
