import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';

import { connectionOf, type ListArgs, listArgsType } from '../graphql/collection-types';
import { lookupRecord, nestedConnection } from '../graphql/connection.service';
import type { GraphQLContext } from '../graphql/context';
import { POLE_COLLECTION } from '../pole/pole.collection';
import { PROJECT_COLLECTION } from '../project/project.collection';
import { THEME_COLLECTION } from './theme.collection';
import { Theme } from './theme.entity';
import { listThemes } from './theme.service';

@Resolver(() => Theme)
export class ThemeResolver {
  @Query(() => [Theme], {
    description: 'All thematic specialisations (domaines thématiques), by code.',
  })
  themes(@Ctx() { dataSource }: GraphQLContext): Promise<Theme[]> {
    return listThemes(dataSource);
  }

  @Query(() => Theme, { nullable: true, description: 'One theme, by global id or code.' })
  theme(
    @Ctx() context: GraphQLContext,
    @Arg('id', () => ID, { nullable: true, description: 'Global id.' }) id?: string,
    @Arg('code', () => String, { nullable: true, description: 'Code, e.g. "HEALTH".' })
    code?: string,
  ): Promise<Theme | null> {
    return lookupRecord(context, THEME_COLLECTION, { id, code });
  }

  @FieldResolver(() => connectionOf(POLE_COLLECTION), {
    description: 'Poles specialised in this theme.',
  })
  poles(
    @Root() theme: Theme,
    @Args(() => listArgsType(POLE_COLLECTION)) args: ListArgs,
    @Ctx() context: GraphQLContext,
  ) {
    return nestedConnection(context, POLE_COLLECTION, 'theme', theme.id, args);
  }

  @FieldResolver(() => connectionOf(PROJECT_COLLECTION), { description: 'Projects on this theme.' })
  projects(
    @Root() theme: Theme,
    @Args(() => listArgsType(PROJECT_COLLECTION)) args: ListArgs,
    @Ctx() context: GraphQLContext,
  ) {
    return nestedConnection(context, PROJECT_COLLECTION, 'theme', theme.id, args);
  }
}
