import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, ID, Info, Query, Resolver } from 'type-graphql';

import { lookupRecord, referenceList } from '../graphql/connection.service';
import type { GraphQLContext } from '../graphql/context';
import {
  NestedConnection,
  type NestedConnectionResolver,
} from '../graphql/nested-connection-field';
import { POLE_COLLECTION } from '../pole/pole.collection';
import { PROJECT_COLLECTION } from '../project/project.collection';
import { THEME_COLLECTION } from './theme.collection';
import { Theme } from './theme.entity';

@Resolver(() => Theme)
export class ThemeResolver {
  @Query(() => [Theme], {
    description: 'All thematic specialisations (domaines thématiques), by code.',
  })
  themes(@Ctx() context: GraphQLContext): readonly Theme[] | Promise<readonly Theme[]> {
    return referenceList(context, THEME_COLLECTION);
  }

  @Query(() => Theme, { nullable: true, description: 'One theme, by global id or code.' })
  theme(
    @Ctx() context: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('id', () => ID, { nullable: true, description: 'Global id.' }) id?: string,
    @Arg('code', () => String, { nullable: true, description: 'Code, e.g. "HEALTH".' })
    code?: string,
  ): Promise<Theme | null> {
    return lookupRecord(context, THEME_COLLECTION, { id, code }, info);
  }

  @NestedConnection(POLE_COLLECTION, 'theme', { description: 'Poles specialised in this theme.' })
  readonly poles!: NestedConnectionResolver;

  @NestedConnection(PROJECT_COLLECTION, 'theme', { description: 'Projects on this theme.' })
  readonly projects!: NestedConnectionResolver;
}
