import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, ID, Info, Query, Resolver } from 'type-graphql';

import { lookupRecord, referenceList } from '../graphql/connection.service';
import type { GraphQLContext } from '../graphql/context';
import {
  NestedConnection,
  type NestedConnectionResolver,
} from '../graphql/nested-connection-field';
import { PROJECT_COLLECTION } from '../project/project.collection';
import { FUNDING_PROGRAMME_COLLECTION } from './funding-programme.collection';
import { FundingProgramme } from './funding-programme.entity';

@Resolver(() => FundingProgramme)
export class FundingProgrammeResolver {
  @Query(() => [FundingProgramme], {
    description: 'All funding programmes (programmes de financement), oldest first.',
  })
  fundingProgrammes(
    @Ctx() context: GraphQLContext,
  ): readonly FundingProgramme[] | Promise<readonly FundingProgramme[]> {
    return referenceList(context, FUNDING_PROGRAMME_COLLECTION);
  }

  @Query(() => FundingProgramme, {
    nullable: true,
    description: 'One funding programme, by global id or code.',
  })
  fundingProgramme(
    @Ctx() context: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('id', () => ID, { nullable: true, description: 'Global id.' }) id?: string,
    @Arg('code', () => String, { nullable: true, description: 'Code, e.g. "FUI".' }) code?: string,
  ): Promise<FundingProgramme | null> {
    return lookupRecord(context, FUNDING_PROGRAMME_COLLECTION, { id, code }, info);
  }

  @NestedConnection(PROJECT_COLLECTION, 'programme', {
    description: 'Projects funded by this programme.',
  })
  readonly projects!: NestedConnectionResolver;
}
