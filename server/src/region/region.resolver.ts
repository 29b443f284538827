import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, ID, Info, Query, Resolver } from 'type-graphql';

import { lookupRecord, referenceList } from '../graphql/connection.service';
import type { GraphQLContext } from '../graphql/context';
import {
  NestedConnection,
  type NestedConnectionResolver,
} from '../graphql/nested-connection-field';
import { MEMBER_COLLECTION } from '../member/member.collection';
import { POLE_COLLECTION } from '../pole/pole.collection';
import { PROJECT_COLLECTION } from '../project/project.collection';
import { REGION_COLLECTION } from './region.collection';
import { Region } from './region.entity';

@Resolver(() => Region)
export class RegionResolver {
  @Query(() => [Region], {
    description: 'All French regions (régions), metropolitan first, by INSEE code.',
  })
  regions(@Ctx() context: GraphQLContext): readonly Region[] | Promise<readonly Region[]> {
    return referenceList(context, REGION_COLLECTION);
  }

  @Query(() => Region, { nullable: true, description: 'One region, by global id or INSEE code.' })
  region(
    @Ctx() context: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('id', () => ID, { nullable: true, description: 'Global id.' }) id?: string,
    @Arg('code', () => String, { nullable: true, description: 'INSEE code, e.g. "84".' })
    code?: string,
  ): Promise<Region | null> {
    return lookupRecord(context, REGION_COLLECTION, { id, code }, info);
  }

  @NestedConnection(POLE_COLLECTION, 'region', {
    description: 'Poles headquartered in the region (pôles dont le siège est dans la région).',
  })
  readonly poles!: NestedConnectionResolver;

  @NestedConnection(MEMBER_COLLECTION, 'region', { description: 'Members located in the region.' })
  readonly members!: NestedConnectionResolver;

  @NestedConnection(PROJECT_COLLECTION, 'region', {
    description:
      'Projects led by a pole headquartered in the region or with a partner located there.',
  })
  readonly projects!: NestedConnectionResolver;
}
