import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, FieldResolver, Info, Root } from 'type-graphql';

import type { CollectionSpec } from '../database/query/collection-spec';
import type { RelationNameOf } from '../database/relationships';
import { connectionOf, type ListArgs, listArgsType } from './collection-types';
import { nestedConnection } from './connection.service';
import type { GraphQLContext } from './context';

/** What a nested connection field is at run time: a field resolver of its parent type. */
export type NestedConnectionResolver = (
  parent: { id: number },
  args: ListArgs,
  context: GraphQLContext,
  info: GraphQLResolveInfo,
) => ReturnType<typeof nestedConnection>;

/**
 * Declares a field resolver listing `spec` under the parent through the relation `relation`
 * (filtered, sorted, paginated, batched across parents), on a property of the resolver class:
 *
 *     @NestedConnection(MEMBER_COLLECTION, 'pole', { description: 'Active members.' })
 *     readonly members!: NestedConnectionResolver;
 *
 * instead of the same ten lines (decorators, @Root, @Args, @Ctx, one call) on every parent.
 */
export function NestedConnection<Type extends string>(
  spec: CollectionSpec<Type>,
  relation: RelationNameOf<Type>,
  options: { description: string },
): PropertyDecorator {
  return (prototype, property) => {
    if (typeof property !== 'string') throw new Error('A nested connection needs a field name');
    const resolve: NestedConnectionResolver = (parent, args, context, info) =>
      nestedConnection(context, spec, relation, parent.id, args, info);
    const descriptor = { value: resolve, writable: true, configurable: true };
    Object.defineProperty(prototype, property, descriptor);
    Root()(prototype, property, 0);
    Args(() => listArgsType(spec))(prototype, property, 1);
    Ctx()(prototype, property, 2);
    Info()(prototype, property, 3);
    FieldResolver(() => connectionOf(spec), options)(prototype, property, descriptor);
  };
}
