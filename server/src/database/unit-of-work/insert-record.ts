import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

/** Inserts one row and returns the id the database gave it. */
export async function insertRow<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  values: QueryDeepPartialEntity<T>,
): Promise<number> {
  const { identifiers } = await manager.insert(entity, values);
  return (identifiers[0] as { id: number }).id;
}

/** Inserts one row and reads it back as stored (defaults, version, timestamps filled in). */
export async function insertRecord<T extends ObjectLiteral & { id: number }>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  values: QueryDeepPartialEntity<T>,
): Promise<T> {
  const id = await insertRow(manager, entity, values);
  return manager.findOneByOrFail(entity, { id } as never);
}
