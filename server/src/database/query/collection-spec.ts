import type { Hop, RelationNameOf } from '../relationships';

/**
 * How the generic list engine sees one entity: which columns can be filtered, ordered and
 * summed, and how it relates to other entities. Each feature declares its own in
 * `<feature>.collection.ts`; filters, connections, nested connections, counts and aggregates
 * are all compiled from these declarations, so they behave the same on every type.
 */
export type ScalarKind =
  'id' | 'int' | 'decimal' | 'date' | 'datetime' | 'string' | 'enum' | 'boolean';

export interface ScalarSpec {
  kind: ScalarKind;
  /** What the field is, for the filter's documentation. */
  description: string;
  /** The GraphQL enum (registered with type-graphql) of an `enum` scalar, with its name. */
  enum?: { type: object; name: string };
  /** The column, or an SQL expression over the row alias `$` (e.g. "$.`name`"). */
  column: string;
  nullable?: boolean;
  /** No two rows hold the same value (a unique column): a sort on it needs no tie-breaker. */
  unique?: boolean;
}

/**
 * A relation of this collection (`a`) to another (`b`), derived from the relation graph
 * (database/relationships.ts). Filters compile it as semi-joins over `paths`; nested lists join
 * its `pairs` (`SELECT … AS a, … AS b`).
 */
export interface RelationSpec {
  name: string;
  description: string;
  target: () => CollectionSpec;
  paths: readonly (readonly Hop[])[];
  pairs: string;
  /**
   * The column of this collection's own row that holds the related row's id, when the relation
   * is just that foreign key (a partner's `projectId`): nested lists read it without the pairs.
   */
  foreignKey: string | null;
  /**
   * Detail-only: the relation exists only where the caller may read the detail of the
   * `typeName` record at this end (`self`) or the other (`target`).
   */
  detail: { typeName: string; side: 'self' | 'target' } | null;
}

export interface CollectionSpec<Type extends string = string> {
  /** GraphQL type name, also the global id prefix. */
  typeName: Type;
  /** The entity class, for hydration. */
  entity: new () => object;
  table: string;
  scalars: Record<string, ScalarSpec>;
  /** Derived from the relation graph (defineCollection), by name. */
  readonly relations: Readonly<Record<RelationNameOf<Type>, RelationSpec>>;
  /** `orderBy.field` enum values → the scalar they sort on. */
  orderFields: Record<string, string>;
  /** The order of a list when `orderBy` is not given. */
  defaultOrder: { field: string; direction: 'ASC' | 'DESC' }[];
  /** Numeric scalars that `aggregate { sum avg min max }` covers. */
  aggregateFields: string[];
  /**
   * A small reference table (regions, themes…), kept whole in memory between requests
   * (reference-tables.ts): a page that needs one of its rows reads none. `orderBy` (columns)
   * is the order of its root list.
   */
  loadWhole?: { orderBy: readonly (readonly [column: string, direction: 'ASC' | 'DESC'])[] };
  /**
   * The entity properties that field resolvers of this type read besides the keys, by GraphQL
   * field name: a read selects them when the field is asked for (database/query/row-shape.ts).
   */
  fieldColumns?: Readonly<Record<string, readonly string[]>>;
}

/** What a feature declares; `defineCollection` adds the relations. */
export type CollectionDeclaration = Omit<CollectionSpec, 'relations'>;

/** The SQL expression of a scalar for the row alias `alias`. */
export function columnSql(scalar: ScalarSpec, alias: string): string {
  return scalar.column.includes('$')
    ? scalar.column.replaceAll('$', alias)
    : `${alias}.\`${scalar.column}\``;
}
