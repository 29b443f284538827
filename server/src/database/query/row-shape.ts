import { getMetadataStorage } from 'type-graphql';
import type { DataSource, EntityMetadata } from 'typeorm';

import type { CollectionSpec } from './collection-spec';

/**
 * Which columns of a collection's rows one read selects: all of them, or only those the caller
 * asked for plus the keys every resolver reads (the primary key, the foreign keys).
 *
 * Reading and converting columns nobody asked for was most of a page's cost: better-sqlite3
 * builds one JS value per column (15 columns of 72 poles: 0.58 ms against 0.08 ms for the id
 * alone), then every value is hydrated (dates parsed) and collected. A row read with a narrow
 * shape is still an entity instance, but a column it did not select cannot be read by accident:
 * its property throws (see `hydrate`), so a resolver that needs a column nobody declared fails
 * loudly in the tests instead of reading `undefined` (which a confidentiality rule could take
 * for "not confidential").
 */
export interface RowShape {
  /** Database column names, sorted; `null`: every column (`t0.*`). */
  readonly columns: readonly string[] | null;
  /** Names the shape in loader keys and caches: `*` or the columns joined. */
  readonly key: string;
}

export const WHOLE_ROWS: RowShape = { columns: null, key: '*' };

/** The SELECT list of a shape for the row alias `alias`. */
export function selectColumns(shape: RowShape, alias: string): string {
  if (!shape.columns) return `${alias}.*`;
  return shape.columns.map((column) => `${alias}.\`${column}\``).join(', ');
}

const shapes = new WeakMap<CollectionSpec, Map<string, RowShape>>();
/** The same set of names asks again for every row of a list: answered by identity first. */
const shapesBySet = new WeakMap<ReadonlySet<string>, WeakMap<CollectionSpec, RowShape>>();

/**
 * The shape that serves the GraphQL fields `fieldNames` of `spec`'s type: the column behind
 * each field that is a column, the keys, and the columns `spec.fieldColumns` declares for
 * fields computed by resolvers. A field computed on the entity itself (a getter or method,
 * which may read any column) selects whole rows; names that are no field of the type (fields of
 * other types in inline fragments, `__typename`) select nothing.
 */
export function rowShapeFor(
  dataSource: DataSource,
  spec: CollectionSpec,
  fieldNames: ReadonlySet<string>,
): RowShape {
  let bySpec = shapesBySet.get(fieldNames);
  if (!bySpec) shapesBySet.set(fieldNames, (bySpec = new WeakMap()));
  const known = bySpec.get(spec);
  if (known) return known;
  let bySelection = shapes.get(spec);
  if (!bySelection) shapes.set(spec, (bySelection = new Map()));
  const selectionKey = [...fieldNames].sort().join(',');
  let shape = bySelection.get(selectionKey);
  if (!shape) {
    shape = computeShape(dataSource.getMetadata(spec.entity), spec, fieldNames);
    bySelection.set(selectionKey, shape);
  }
  bySpec.set(spec, shape);
  return shape;
}

function computeShape(
  metadata: EntityMetadata,
  spec: CollectionSpec,
  fieldNames: ReadonlySet<string>,
): RowShape {
  const columns = new Set(keyColumns(metadata));
  const fields = graphqlFields(spec.entity);
  for (const name of fieldNames) {
    const declared = spec.fieldColumns?.[name];
    if (declared) {
      for (const property of declared) columns.add(columnNamed(metadata, property, spec));
      continue;
    }
    const field = fields.get(name);
    // A field resolver (they read keys), or a field of another type (an inline fragment's).
    if (field === undefined || field.resolved) continue;
    const column = metadata.findColumnWithPropertyName(field.property);
    if (column && !column.isVirtual) columns.add(column.databaseName);
    else return WHOLE_ROWS;
  }
  const sorted = [...columns].sort();
  return { columns: sorted, key: sorted.join(',') };
}

/** The primary key and every foreign key: what relation and nested-list resolvers read. */
function keyColumns(metadata: EntityMetadata): string[] {
  const own = new Set(metadata.columns.filter((column) => !column.isVirtual));
  return [
    ...metadata.primaryColumns,
    ...metadata.relations
      .filter((relation) => relation.isManyToOne || relation.isOneToOneOwner)
      .flatMap((relation) => relation.joinColumns),
    ...metadata.foreignKeys.flatMap((foreignKey) => foreignKey.columns),
  ]
    .filter((column) => own.has(column))
    .map((column) => column.databaseName);
}

function columnNamed(metadata: EntityMetadata, property: string, spec: CollectionSpec): string {
  const column = metadata.findColumnWithPropertyName(property);
  if (!column) throw new Error(`${spec.typeName}.fieldColumns names ${property}, not a column`);
  return column.databaseName;
}

interface EntityField {
  property: string;
  /** Resolved by a resolver class's `@FieldResolver`, not read off the entity. */
  resolved: boolean;
}

const fieldsByEntity = new WeakMap<object, Map<string, EntityField>>();

/** The GraphQL fields of the entity's type (its own and its parents'), by GraphQL name. */
function graphqlFields(entity: new () => object): Map<string, EntityField> {
  let fields = fieldsByEntity.get(entity);
  if (fields) return fields;
  const classes: unknown[] = [];
  for (let target: unknown = entity; typeof target === 'function';) {
    classes.push(target);
    target = Object.getPrototypeOf(target);
    if (target === Function.prototype) break;
  }
  const storage = getMetadataStorage();
  const resolverClasses = new Set(
    storage.resolverClasses
      .filter((resolver) => classes.includes(objectTypeOf(resolver)))
      .map((resolver) => resolver.target),
  );
  const resolved = new Set(
    storage.fieldResolvers
      .filter((resolver) => resolverClasses.has(resolver.target))
      .map((resolver) => resolver.schemaName),
  );
  fields = new Map(
    storage.fields
      .filter((field) => classes.includes(field.target))
      .map((field) => [
        field.schemaName,
        { property: field.name, resolved: resolved.has(field.schemaName) },
      ]),
  );
  fieldsByEntity.set(entity, fields);
  return fields;
}

/** The shape that serves every one of `shapes` (one statement for several readers). */
export function unionShape(shapes: readonly RowShape[]): RowShape {
  if (shapes.length === 1) return shapes[0];
  const columns = new Set<string>();
  for (const shape of shapes) {
    if (!shape.columns) return WHOLE_ROWS;
    for (const column of shape.columns) columns.add(column);
  }
  const sorted = [...columns].sort();
  return { columns: sorted, key: sorted.join(',') };
}

/** The type a resolver class resolves fields of; none for root resolvers (`@Resolver()`). */
function objectTypeOf(resolver: { getObjectType?: () => unknown }): unknown {
  try {
    return resolver.getObjectType?.();
  } catch {
    // type-graphql throws for a class declared without an object type.
    return undefined;
  }
}
