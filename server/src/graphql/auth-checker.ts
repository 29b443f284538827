import type { AuthChecker } from 'type-graphql';

import { DETAIL, forbiddenFieldMessage } from '../auth/permission-policy';
import { DomainError } from '../core/domain-error';
import { readRows } from '../database/database';
import type { CollectionSpec } from '../database/query/collection-spec';
import type { GraphQLContext } from './context';

/** Every collection by GraphQL type name (features.ts). */
export type CollectionRegistry = ReadonlyMap<string, CollectionSpec>;

/**
 * The record whose detail right guards a field: the object itself, or for computed objects
 * (a pole's indicators) the record they describe.
 */
function guardedRecord(
  typeName: string,
  root: Record<string, unknown>,
): { typeName: string; id: number } {
  if (typeName === 'PoleIndicators') return { typeName: 'Pole', id: Number(root.poleId) };
  return { typeName, id: Number(root.id) };
}

/**
 * Whether the caller may read the detail of one record, by the request's access scope (the same
 * conditions every list applies); batched per type within a request.
 */
async function detailVisible(
  collections: CollectionRegistry,
  context: GraphQLContext,
  typeName: string,
  id: number,
): Promise<boolean> {
  const condition = context.access.detail(typeName, 't0');
  if (condition === null) return true;
  if (condition === '1 = 0') return false;
  const spec = collections.get(typeName);
  if (!spec) return false;
  return context.loaders
    .get<number, boolean>(`detail:${typeName}`, async (ids) => {
      const rows = (await readRows(
        context.dataSource,
        `SELECT t0.\`id\` AS id FROM \`${spec.table}\` t0 WHERE t0.\`id\` IN (${ids.map(() => '?').join(', ')}) AND ${condition}`,
        [...ids],
      )) as { id: number | string }[];
      const visible = new Set(rows.map((row) => Number(row.id)));
      return ids.map((key) => visible.has(key));
    })
    .load(id);
}

/**
 * type-graphql's `@Authorized(DETAIL)` check: the field resolves only for callers with the
 * record's detail right (permission-policy.ts); others get null and a FORBIDDEN error that
 * says who may read it.
 */
export function createAuthChecker(collections: CollectionRegistry): AuthChecker<GraphQLContext> {
  return async ({ root, context, info }, roles) => {
    if (!roles.includes(DETAIL)) return true;
    const record = guardedRecord(info.parentType.name, root as Record<string, unknown>);
    if (await detailVisible(collections, context, record.typeName, record.id)) return true;
    throw new DomainError(
      'FORBIDDEN',
      forbiddenFieldMessage(context.caller, info.parentType.name, info.fieldName),
    );
  };
}
