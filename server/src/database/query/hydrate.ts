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
 */
export function hydrate<T extends object>(
  dataSource: DataSource,
  entity: new () => T,
  rows: readonly Record<string, unknown>[],
  shape: RowShape = WHOLE_ROWS,
): T[] {
  const metadata: EntityMetadata = dataSource.getMetadata(entity);
  const driver = dataSource.driver;
  const { columns, create } = plan(metadata, entity, shape);
  return rows.map((row) => {
    const instance = create() as Record<string, unknown>;
    for (const column of columns) {
      const value = row[column.databaseName];
      if (value === undefined) continue;
      instance[column.propertyName] = driver.prepareHydratedValue(value, column);
    }
    return instance as T;
  });
}

interface HydrationPlan {
  columns: readonly ColumnMetadata[];
  create: () => object;
}

const plans = new WeakMap<EntityMetadata, Map<string, HydrationPlan>>();

function plan(metadata: EntityMetadata, entity: new () => object, shape: RowShape): HydrationPlan {
  let byShape = plans.get(metadata);
  if (!byShape) plans.set(metadata, (byShape = new Map()));
  let found = byShape.get(shape.key);
  if (found) return found;
  const stored = metadata.columns.filter((column) => !column.isVirtual);
  if (!shape.columns) {
    found = { columns: stored, create: () => new entity() };
  } else {
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
    found = {
      columns: stored.filter((column) => selected.has(column.databaseName)),
      create: () => Object.create(prototype) as object,
    };
  }
  byShape.set(shape.key, found);
  return found;
}
