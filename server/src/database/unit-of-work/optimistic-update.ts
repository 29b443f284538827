import type { EntityManager, FindOptionsWhere, QueryDeepPartialEntity } from 'typeorm';

import { refuse, UserErrorCode } from '../../core/refusal';
import type { VersionedRecord } from '../entity/base-record';

/** A versioned entity class; its name is the GraphQL type name. */
export type VersionedEntity<T extends VersionedRecord> = (new () => T) & { name: string };

/** "LabellingDecision" → "labelling decision", for messages a person reads. */
function wordsOf(typeName: string): string {
  return typeName.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/** Refuses with STALE_VERSION on `versionField`, naming the version the record is at. */
export function refuseStale<T extends VersionedRecord>(
  entity: VersionedEntity<T>,
  record: T,
  expectedVersion: number,
  versionField: string[],
): never {
  return refuse(
    UserErrorCode.STALE_VERSION,
    versionField,
    `The ${wordsOf(entity.name)} changed since version ${expectedVersion} ` +
      `(it is at version ${record.version}): read it again`,
  );
}

/**
 * Refuses a caller who acted on an older version. Services call it before their other rules:
 * what the caller saw may be gone, so its other mistakes may not be mistakes any more.
 */
export function refuseIfStale<T extends VersionedRecord>(
  entity: VersionedEntity<T>,
  record: T,
  expectedVersion: number,
  versionField: string[] = ['input', 'expectedVersion'],
): void {
  if (record.version !== expectedVersion) {
    refuseStale(entity, record, expectedVersion, versionField);
  }
}

/**
 * Writes `changes` if the record is still at `expectedVersion`, in one conditional statement
 * (`UPDATE … WHERE id AND version`), so two writers racing for the same version cannot both
 * win; TypeORM adds `version = version + 1`. Returns the record as written.
 */
export async function updateIfCurrent<T extends VersionedRecord>(
  manager: EntityManager,
  entity: VersionedEntity<T>,
  record: T,
  expectedVersion: number,
  changes: QueryDeepPartialEntity<T>,
  versionField: string[] = ['input', 'expectedVersion'],
): Promise<T> {
  refuseIfStale(entity, record, expectedVersion, versionField);
  const result = await manager
    .createQueryBuilder()
    .update(entity)
    .set(changes)
    .where('id = :id AND version = :version', { id: record.id, version: expectedVersion })
    .execute();
  if (result.affected !== 1) refuseStale(entity, record, expectedVersion, versionField);
  return manager.findOneByOrFail(entity, { id: record.id } as FindOptionsWhere<T>);
}
