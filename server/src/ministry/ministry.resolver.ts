import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';

import { connectionOf, type ListArgs, listArgsType } from '../graphql/collection-types';
import { lookupRecord, nestedConnection } from '../graphql/connection.service';
import type { GraphQLContext } from '../graphql/context';
import { EVALUATION_COLLECTION } from '../selection/evaluation.collection';
import { MINISTRY_COLLECTION } from './ministry.collection';
import { Ministry } from './ministry.entity';
import { listMinistries } from './ministry.service';

@Resolver(() => Ministry)
export class MinistryResolver {
  @Query(() => [Ministry], {
    description: 'The ministries that select and track the poles, the lead one first.',
  })
  ministries(@Ctx() { dataSource }: GraphQLContext): Promise<Ministry[]> {
    return listMinistries(dataSource);
  }

  @Query(() => Ministry, { nullable: true, description: 'One ministry, by global id or code.' })
  ministry(
    @Ctx() context: GraphQLContext,
    @Arg('id', () => ID, { nullable: true, description: 'Global id.' }) id?: string,
    @Arg('code', () => String, { nullable: true, description: 'Code, e.g. "ECO".' }) code?: string,
  ): Promise<Ministry | null> {
    return lookupRecord(context, MINISTRY_COLLECTION, { id, code });
  }

  @FieldResolver(() => connectionOf(EVALUATION_COLLECTION), {
    description: 'Evaluations made by this ministry.',
  })
  evaluations(
    @Root() ministry: Ministry,
    @Args(() => listArgsType(EVALUATION_COLLECTION)) args: ListArgs,
    @Ctx() context: GraphQLContext,
  ) {
    return nestedConnection(context, EVALUATION_COLLECTION, 'ministry', ministry.id, args);
  }
}
