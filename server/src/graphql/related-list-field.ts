import type { GraphQLResolveInfo } from 'graphql';

import type { CollectionSpec } from '../database/query/collection-spec';
import type { RelationNameOf } from '../database/relationships';
import { relatedList } from './connection.service';
import type { GraphQLContext } from './context';
import { defineParentFieldResolver } from './direct-resolvers';

/** What a related-list field is at run time: a field resolver of its parent type. */
export type RelatedListResolver = (
  parent: { id: number },
  context: GraphQLContext,
  info: GraphQLResolveInfo,
) => Promise<object[]>;

/**
 * Declares a field resolver returning every `spec` row related to the parent through
 * `relation` (small bounded lists, batched across parents), typed as a list of the spec's
 * entity, on a property of the resolver class:
 *
 *     @RelatedList(THEME_COLLECTION, 'pole', { description: 'Themes of the pole.' })
 *     readonly themes!: RelatedListResolver;
 *
 * Other decorators (`@Confidential()`) stack on the property as on a method.
 */
export function RelatedList<Type extends string>(
  spec: CollectionSpec<Type>,
  relation: RelationNameOf<Type>,
  options: { description: string; nullable?: boolean },
): PropertyDecorator {
  return (prototype, property) => {
    if (typeof property !== 'string') throw new Error('A related list needs a field name');
    const resolve: RelatedListResolver = (parent, context, info) =>
      relatedList(context, spec, relation, parent.id, info);
    defineParentFieldResolver(prototype, property, resolve, () => [spec.entity], options);
  };
}
