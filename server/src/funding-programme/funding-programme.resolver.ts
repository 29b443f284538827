import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';

import { connectionOf, type ListArgs, listArgsType } from '../graphql/collection-types';
import { lookupRecord, nestedConnection } from '../graphql/connection.service';
import type { GraphQLContext } from '../graphql/context';
import { PROJECT_COLLECTION } from '../project/project.collection';
import { FUNDING_PROGRAMME_COLLECTION } from './funding-programme.collection';
import { FundingProgramme } from './funding-programme.entity';
import { listFundingProgrammes } from './funding-programme.service';

@Resolver(() => FundingProgramme)
export class FundingProgrammeResolver {
  @Query(() => [FundingProgramme], {
    description: 'All funding programmes (programmes de financement), oldest first.',
  })
  fundingProgrammes(@Ctx() { dataSource }: GraphQLContext): Promise<FundingProgramme[]> {
    return listFundingProgrammes(dataSource);
  }

  @Query(() => FundingProgramme, {
    nullable: true,
    description: 'One funding programme, by global id or code.',
  })
  fundingProgramme(
    @Ctx() context: GraphQLContext,
    @Arg('id', () => ID, { nullable: true, description: 'Global id.' }) id?: string,
    @Arg('code', () => String, { nullable: true, description: 'Code, e.g. "FUI".' }) code?: string,
  ): Promise<FundingProgramme | null> {
    return lookupRecord(context, FUNDING_PROGRAMME_COLLECTION, { id, code });
  }

  @FieldResolver(() => connectionOf(PROJECT_COLLECTION), {
    description: 'Projects funded by this programme.',
  })
  projects(
    @Root() programme: FundingProgramme,
    @Args(() => listArgsType(PROJECT_COLLECTION)) args: ListArgs,
    @Ctx() context: GraphQLContext,
  ) {
    return nestedConnection(context, PROJECT_COLLECTION, 'programme', programme.id, args);
  }
}
