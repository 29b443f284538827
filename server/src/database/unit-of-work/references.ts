import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { In } from 'typeorm';

import { decodeGlobalId } from '../../core/global-id';
import { refuse, UserErrorCode } from '../../core/refusal';

/**
 * The database id behind a global id given in a mutation input, checked to exist: an id that
 * is malformed, of another type or unknown becomes a user error on `field`.
 */
export async function referencedId(
  manager: EntityManager,
  entity: EntityTarget<ObjectLiteral> & { name: string },
  globalId: string,
  field: string[],
): Promise<number> {
  const [id] = await referencedIds(manager, entity, [globalId], field, false);
  return id;
}

/** The same for a list; `field` gets the index of the offending element appended. */
export async function referencedIds(
  manager: EntityManager,
  entity: EntityTarget<ObjectLiteral> & { name: string },
  globalIds: readonly string[],
  field: string[],
  indexed = true,
): Promise<number[]> {
  const typeName = entity.name;
  const ids = globalIds.map((globalId, index) => {
    const decoded = decodeGlobalId(globalId);
    const at = indexed ? [...field, String(index)] : field;
    if (!decoded) refuse(UserErrorCode.INVALID, at, `"${globalId.slice(0, 60)}" is not a valid id`);
    if (decoded.typeName !== typeName) {
      refuse(
        UserErrorCode.INVALID,
        at,
        `"${globalId.slice(0, 60)}" is the id of a ${decoded.typeName}, not of a ${typeName}`,
      );
    }
    return decoded.id;
  });
  if (ids.length === 0) return ids;
  const found = await manager.find(entity, { select: { id: true }, where: { id: In(ids) } });
  const existing = new Set(found.map((row) => (row as { id: number }).id));
  ids.forEach((id, index) => {
    if (!existing.has(id)) {
      refuse(
        UserErrorCode.NOT_FOUND,
        indexed ? [...field, String(index)] : field,
        `No ${typeName} has the id "${globalIds[index]}"`,
      );
    }
  });
  return ids;
}

/**
 * The database id of the record whose `code` is `code` (a region's INSEE code, a ministry's
 * code), or NOT_FOUND on `field` with a message naming what was looked for.
 */
export async function referencedIdByCode(
  manager: EntityManager,
  entity: EntityTarget<ObjectLiteral> & { name: string },
  code: string,
  field: string[],
  codeLabel = 'code',
): Promise<number> {
  const found = (await manager.findOne(entity, { select: { id: true }, where: { code } })) as {
    id: number;
  } | null;
  if (!found)
    refuse(
      UserErrorCode.NOT_FOUND,
      field,
      `No ${entity.name.toLowerCase()} has the ${codeLabel} "${code}"`,
    );
  return found.id;
}
