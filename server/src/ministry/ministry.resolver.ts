import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, ID, Info, Query, Resolver } from 'type-graphql';

import { lookupRecord, referenceList } from '../graphql/connection.service';
import type { GraphQLContext } from '../graphql/context';
import {
  NestedConnection,
  type NestedConnectionResolver,
} from '../graphql/nested-connection-field';
import { EVALUATION_COLLECTION } from '../selection/evaluation.collection';
import { MINISTRY_COLLECTION } from './ministry.collection';
import { Ministry } from './ministry.entity';

@Resolver(() => Ministry)
export class MinistryResolver {
  @Query(() => [Ministry], {
    description: 'The ministries that select and track the poles, the lead one first.',
  })
  ministries(@Ctx() context: GraphQLContext): readonly Ministry[] | Promise<readonly Ministry[]> {
    return referenceList(context, MINISTRY_COLLECTION);
  }

  @Query(() => Ministry, { nullable: true, description: 'One ministry, by global id or code.' })
  ministry(
    @Ctx() context: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('id', () => ID, { nullable: true, description: 'Global id.' }) id?: string,
    @Arg('code', () => String, { nullable: true, description: 'Code, e.g. "ECO".' }) code?: string,
  ): Promise<Ministry | null> {
    return lookupRecord(context, MINISTRY_COLLECTION, { id, code }, info);
  }

  @NestedConnection(EVALUATION_COLLECTION, 'ministry', {
    description: 'Evaluations made by this ministry.',
  })
  readonly evaluations!: NestedConnectionResolver;
}
