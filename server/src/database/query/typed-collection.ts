import type { CollectionDeclaration, CollectionSpec } from './collection-spec';
import { defineCollection } from './relation-graph';

/**
 * `defineCollection`, keeping the collection's type name as a type: its relations are then
 * typed by their names in the relation graph (`RelationNameOf`), so a resolver that names a
 * relation the graph does not declare fails to compile instead of failing at run time.
 */
export function defineTypedCollection<const Type extends string>(
  declaration: CollectionDeclaration & { typeName: Type },
): CollectionSpec<Type> {
  return defineCollection(declaration) as CollectionSpec<Type>;
}
