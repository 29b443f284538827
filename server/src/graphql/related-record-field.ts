import type { GraphQLResolveInfo } from 'graphql';

import type { CollectionSpec } from '../database/query/collection-spec';
import type { RelationNameOf } from '../database/relationships';
import { declareRelatedRecordField, relatedRecord } from './connection.service';
import type { GraphQLContext } from './context';
import { defineParentFieldResolver } from './direct-resolvers';

/** What a related-record field is at run time: a field resolver of its parent type. */
export type RelatedRecordResolver = (
  parent: object,
  context: GraphQLContext,
  info: GraphQLResolveInfo,
) => object | null | Promise<object | null>;

/**
 * Declares a field resolver returning the record the row's foreign key `relation` names (a
 * partner's member), on a property of the resolver class:
 *
 *     @RelatedRecord(PROJECT_PARTNER_COLLECTION, 'member', { description: 'The member.' })
 *     readonly member!: RelatedRecordResolver;
 *
 * The relation must be a plain foreign key of the row (relationships.ts); the field is typed as
 * the related collection's entity. Lists whose operation asks for the field read its records
 * along with their rows (connection.service.ts › Related records).
 */
export function RelatedRecord<Type extends string>(
  spec: CollectionSpec<Type>,
  relation: RelationNameOf<Type>,
  options: { description: string; nullable?: boolean },
): PropertyDecorator {
  return (prototype, property) => {
    if (typeof property !== 'string') throw new Error('A related record needs a field name');
    declareRelatedRecordField(spec, property, relation);
    const resolve: RelatedRecordResolver = (parent, context, info) =>
      relatedRecord(context, spec, relation, parent, info);
    defineParentFieldResolver(
      prototype,
      property,
      resolve,
      () => spec.relations[relation].target().entity,
      options,
    );
  };
}
