import { getMetadataStorage } from 'type-graphql';
import { type ColumnOptions, getMetadataArgsStorage } from 'typeorm';

import { Node } from '../entity/node.interface';
import type { ScalarKind, ScalarSpec } from './collection-spec';

const COLUMN_KINDS: Readonly<Record<string, ScalarKind>> = {
  int: 'int',
  integer: 'int',
  smallint: 'int',
  bigint: 'int',
  decimal: 'decimal',
  date: 'date',
  datetime: 'datetime',
  boolean: 'boolean',
  varchar: 'string',
  char: 'string',
  text: 'string',
  enum: 'enum',
  'simple-enum': 'enum',
};

/** TypeORM's special columns, which declare no type. */
const MODE_KINDS: Readonly<Record<string, ScalarKind>> = {
  createDate: 'datetime',
  updateDate: 'datetime',
  version: 'int',
};

/**
 * The filter fields of a collection: `fields` of the entity, each with its kind, column and
 * nullability from its TypeORM column and its description from its GraphQL field, so a filter
 * documents a field as its type does; `id` filters by global id. `computed` adds the fields
 * that are no column (an expression over the row alias `$`, e.g. "($.`endDate` IS NULL)").
 */
export function entityScalars<Entity extends object>(
  entity: new () => Entity,
  fields: readonly (keyof Entity & string)[],
  computed: Readonly<Record<string, ScalarSpec>> = {},
): Record<string, ScalarSpec> {
  return {
    ...Object.fromEntries(fields.map((name) => [name, entityScalar(entity, name)])),
    ...computed,
  };
}

function entityScalar(entity: new () => object, name: string): ScalarSpec {
  const where = `${entity.name}.${name}`;
  // The Relay id: every record's primary key, filtered by global id (see Node).
  if (name === 'id') return { kind: 'id', column: 'id', description: nodeIdDescription() };
  const column = columnOf(entity, name);
  if (!column) throw new Error(`${where}: no TypeORM column; declare kind, column and description`);
  const options: ColumnOptions = column.options;
  const kind =
    typeof options.type === 'string' ? COLUMN_KINDS[options.type] : MODE_KINDS[column.mode];
  if (!kind) throw new Error(`${where}: no filter kind for column type ${String(options.type)}`);
  const description = fieldOf(entity, name)?.description;
  const derived: ScalarSpec = {
    kind,
    column: options.name ?? name,
    description: description ?? '',
    ...(options.nullable ? { nullable: true } : {}),
    ...(isUnique(entity, name, options) ? { unique: true } : {}),
    ...(kind === 'enum' ? { enum: enumOf(options.enum, where) } : {}),
  };
  if (!derived.description)
    throw new Error(`${where}: no GraphQL description to document the filter`);
  return derived;
}

/** A class that may carry TypeORM columns and type-graphql fields. */
type EntityClass = object;

/** The classes `entity` inherits its columns and fields from, itself first. */
function lineage(entity: new () => object): EntityClass[] {
  const classes: EntityClass[] = [];
  for (
    let target: unknown = entity;
    typeof target === 'function' && target !== Function.prototype;
  ) {
    classes.push(target);
    target = Object.getPrototypeOf(target);
  }
  return classes;
}

function columnOf(entity: new () => object, name: string) {
  const classes = lineage(entity);
  return getMetadataArgsStorage().columns.find(
    (column) => column.propertyName === name && classes.includes(column.target as EntityClass),
  );
}

/** The column holds no value twice: `@Column({ unique: true })` or a one-column unique index. */
function isUnique(entity: new () => object, name: string, options: ColumnOptions): boolean {
  if (options.unique === true) return true;
  const classes = lineage(entity);
  return getMetadataArgsStorage().indices.some(
    (index) =>
      index.unique &&
      classes.includes(index.target as EntityClass) &&
      Array.isArray(index.columns) &&
      index.columns.length === 1 &&
      index.columns[0] === name,
  );
}

function fieldOf(entity: new () => object, name: string) {
  const classes = lineage(entity);
  return getMetadataStorage().fields.find(
    (field) => field.name === name && classes.includes(field.target),
  );
}

function nodeIdDescription(): string {
  const field = getMetadataStorage().fields.find(
    (candidate) => candidate.target === Node && candidate.schemaName === 'id',
  );
  if (!field?.description) throw new Error('The Node interface has no described id field');
  return field.description;
}

/** The GraphQL enum registered (registerEnumType) for a column's TypeScript enum. */
function enumOf(type: unknown, where: string): { type: object; name: string } {
  const registered = getMetadataStorage().enums.find((candidate) => candidate.enumObj === type);
  if (!registered) throw new Error(`${where}: its enum is not registered with type-graphql`);
  return { type: registered.enumObj, name: registered.name };
}

/** The table of `entity`, as its `@Entity('…')` names it. */
export function entityTable(entity: new () => object): string {
  const table = getMetadataArgsStorage().tables.find((candidate) => candidate.target === entity);
  if (!table?.name) throw new Error(`${entity.name}: no @Entity with a table name`);
  return table.name;
}
