import type { DataSource, EntityMetadata } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';

import { type RowShape, WHOLE_ROWS } from './row-shape';

/**
 * Turns raw rows (`SELECT t0.* …`) into entity instances through the driver's own conversions
 * and the columns' transformers, as TypeORM's `getMany` does, without its join bookkeeping,
 * which the performance notes show can cost far more than the SQL on big lists.
 *
 * Rows read with a narrow `shape` become instances whose unselected columns throw when read:
 * a resolver that needs a column the shape left out fails instead of seeing `undefined`.
 *
 * `prefix` reads each column under `<prefix><column>` (a joined relation's columns, e.g.
 * `__j1_name`), so a joined row needs no record of its own before it becomes an instance.
 */
export function hydrate<T extends object>(
  dataSource: DataSource,
  entity: new () => T,
  rows: readonly Record<string, unknown>[],
  shape: RowShape = WHOLE_ROWS,
  prefix = '',
): T[] {
  const build = plan(dataSource, entity, shape, prefix);
  const instances = new Array<T>(rows.length);
  for (let index = 0; index < rows.length; index += 1) instances[index] = build(rows[index]) as T;
  return instances;
}

type BuildInstance = (row: Record<string, unknown>) => object;

const plans = new WeakMap<EntityMetadata, Map<string, BuildInstance>>();

function plan(
  dataSource: DataSource,
  entity: new () => object,
  shape: RowShape,
  prefix: string,
): BuildInstance {
  const metadata = dataSource.getMetadata(entity);
  let byShape = plans.get(metadata);
  if (!byShape) plans.set(metadata, (byShape = new Map()));
  const key = `${prefix}|${shape.key}`;
  let found = byShape.get(key);
  if (found) return found;
  const stored = metadata.columns.filter((column) => !column.isVirtual);
  let columns: readonly ColumnMetadata[] = stored;
  let create: () => object = () => new entity();
  if (shape.columns) {
    const selected = new Set(shape.columns);
    const prototype = Object.create(entity.prototype) as object;
    for (const column of stored) {
      if (selected.has(column.databaseName)) continue;
      Object.defineProperty(prototype, column.propertyName, {
        get() {
          throw new Error(
            `${entity.name}.${column.propertyName} was not selected by this read ` +
              `(columns ${shape.key}): declare it in the collection's fieldColumns`,
          );
        },
        set(value: unknown) {
          Object.defineProperty(this, column.propertyName, {
            value,
            writable: true,
            enumerable: true,
            configurable: true,
          });
        },
      });
    }
    columns = stored.filter((column) => selected.has(column.databaseName));
    create = () => Object.create(prototype) as object;
  }
  found = compile(dataSource, columns, create, prefix);
  byShape.set(key, found);
  return found;
}

/**
 * Column types the driver hands over as read, on SQLite and MySQL/MariaDB alike: for these
 * (without a transformer) TypeORM's `prepareHydratedValue` returns its value unchanged, so the
 * instance takes the value itself. Every other column goes through the driver.
 */
const AS_READ = new Set<unknown>(['varchar', 'text', 'int', 'integer', 'bigint', 'char', String]);

/** Whether `column`'s values become the instance's as read (test/database/hydrate.test.ts). */
export function readsAsIs(column: ColumnMetadata): boolean {
  return !column.transformer && AS_READ.has(column.type);
}

/**
 * One function per entity, shape and prefix that copies a row's columns into a new instance:
 * each row's properties read and written by constant names, which V8 serves from its inline
 * caches, where a loop over the columns read and wrote every property by a computed key (the
 * regional page's profile: `hydrate` 5.3 % of the main thread's busy time, for 590 rows). The
 * names come from the entities' metadata, never from a request; quoted by `JSON.stringify`.
 */
function compile(
  dataSource: DataSource,
  columns: readonly ColumnMetadata[],
  create: () => object,
  prefix: string,
): BuildInstance {
  const driver = dataSource.driver;
  const convert = columns.map((column) =>
    readsAsIs(column) ? null : (value: unknown) => driver.prepareHydratedValue(value, column),
  );
  const body = columns
    .map((column, index) => {
      const value = `row[${JSON.stringify(prefix + column.databaseName)}]`;
      const property = `instance[${JSON.stringify(column.propertyName)}]`;
      const converted = convert[index] ? `convert[${index}](value)` : 'value';
      return `value = ${value};\nif (value !== undefined) ${property} = ${converted};`;
    })
    .join('\n');
  const factory = new Function(
    'create',
    'convert',
    `return function hydrateRow(row) {\nconst instance = create();\nlet value;\n${body}\nreturn instance;\n};`,
  ) as (create: () => object, convert: (((value: unknown) => unknown) | null)[]) => BuildInstance;
  return factory(create, convert);
}
