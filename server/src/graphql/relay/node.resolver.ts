import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, ID, Info, Query, Resolver } from 'type-graphql';

import { badUserInput } from '../../core/domain-error';
import { decodeGlobalId } from '../../core/global-id';
import { Node } from '../../database/entity/node.interface';
import type { CollectionRegistry } from '../auth-checker';
import { recordById } from '../connection.service';
import type { GraphQLContext } from '../context';

const MAX_NODES = 100;

/** `node` and `nodes` over the collections of features.ts. */
export function createNodeResolver(collections: CollectionRegistry) {
  @Resolver()
  class NodeResolver {
    @Query(() => Node, {
      nullable: true,
      description: 'Any object by its global id; null when it does not exist.',
    })
    node(
      @Arg('id', () => ID, { description: 'A global id.' }) id: string,
      @Ctx() context: GraphQLContext,
      @Info() info: GraphQLResolveInfo,
    ) {
      return fetchNode(collections, context, info, id, ['id']);
    }

    @Query(() => [Node], {
      nullable: 'items',
      description:
        'Objects by their global ids, in the same order (null where one does not exist). At most 100.',
    })
    nodes(
      @Arg('ids', () => [ID], { description: 'Global ids.' }) ids: string[],
      @Ctx() context: GraphQLContext,
      @Info() info: GraphQLResolveInfo,
    ) {
      if (ids.length > MAX_NODES)
        throw badUserInput(`ids: at most ${MAX_NODES} ids, got ${ids.length}`, ['ids']);
      return Promise.all(
        ids.map((id, index) => fetchNode(collections, context, info, id, ['ids', String(index)])),
      );
    }
  }
  return NodeResolver;
}

function fetchNode(
  collections: CollectionRegistry,
  context: GraphQLContext,
  info: GraphQLResolveInfo,
  id: string,
  argumentPath: string[],
) {
  const decoded = decodeGlobalId(id);
  const spec = decoded && collections.get(decoded.typeName);
  if (!decoded || !spec) {
    throw badUserInput(
      `${argumentPath.join('.')}: "${id.slice(0, 60)}" is not a valid id`,
      argumentPath,
    );
  }
  return recordById(context, spec, decoded.id, info);
}
