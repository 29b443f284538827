import type { CollectionDeclaration, CollectionSpec } from './collection-spec';
import { entityTable } from './entity-scalars';
import { defineCollection } from './relation-graph';

/**
 * `defineCollection`, keeping the collection's type name as a type: its relations are then
 * typed by their names in the relation graph (`RelationNameOf`), so a resolver that names a
 * relation the graph does not declare fails to compile instead of failing at run time. The
 * table is the entity's (`@Entity('…')`) unless the declaration names another.
 */
export function defineTypedCollection<const Type extends string>(
  declaration: Omit<CollectionDeclaration, 'table'> & { typeName: Type; table?: string },
): CollectionSpec<Type> {
  const table = declaration.table ?? entityTable(declaration.entity);
  return defineCollection({ ...declaration, table }) as CollectionSpec<Type>;
}
