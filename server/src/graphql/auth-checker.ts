import {
  defaultFieldResolver,
  type GraphQLFieldResolver,
  type GraphQLSchema,
  isObjectType,
} from 'graphql';
import { getMetadataStorage } from 'type-graphql';

import { confidentialMarks } from '../auth/confidential-field';
import { forbiddenFieldMessage } from '../auth/permission-policy';
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
  condition: string,
): Promise<boolean> {
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

/** `Type.field` (GraphQL names) of every `@Confidential()` field, once the schema is built. */
export function confidentialFields(): { typeName: string; fieldName: string }[] {
  const storage = getMetadataStorage();
  const typeNameOf = (target: unknown): string | undefined =>
    storage.objectTypes.find((type) => type.target === target)?.name;
  return confidentialMarks().map(({ target, property }) => {
    const onType = typeNameOf(target);
    if (onType) {
      const field = storage.fields.find(
        (candidate) => candidate.target === target && candidate.name === property,
      );
      return { typeName: onType, fieldName: field?.schemaName ?? property };
    }
    const resolver = storage.fieldResolvers.find(
      (candidate) => candidate.target === target && candidate.methodName === property,
    );
    const resolverType = resolver && typeNameOf(resolver.getObjectType?.());
    if (!resolver || !resolverType) throw new Error(`@Confidential() on ${property}: no field`);
    return { typeName: resolverType, fieldName: resolver.schemaName };
  });
}

/**
 * Guards every `@Confidential()` field of the built schema: it resolves only for callers with the
 * record's detail right (permission-policy.ts); others get null and a FORBIDDEN error that says
 * who may read it. A caller whose rights cover every record of the type (an analyst, an
 * administrator) reads the field as any other, synchronously: the check is one lookup of the
 * request's access scope, not a middleware and its promises on every field of every row.
 */
export function guardConfidentialFields(
  schema: GraphQLSchema,
  collections: CollectionRegistry,
): void {
  for (const { typeName, fieldName } of confidentialFields()) {
    const type = schema.getType(typeName);
    const field = isObjectType(type) ? type.getFields()[fieldName] : undefined;
    if (!field) throw new Error(`@Confidential() ${typeName}.${fieldName}: not in the schema`);
    const resolve: GraphQLFieldResolver<unknown, GraphQLContext> =
      field.resolve ?? defaultFieldResolver;
    field.resolve = (root, args, context: GraphQLContext, info) => {
      const record = guardedRecord(typeName, root as Record<string, unknown>);
      const condition = context.access.detail(record.typeName, 't0');
      if (condition === null) return resolve(root, args, context, info);
      return detailVisible(collections, context, record.typeName, record.id, condition).then(
        (visible) => {
          if (!visible)
            throw new DomainError(
              'FORBIDDEN',
              forbiddenFieldMessage(context.caller, typeName, fieldName),
            );
          return resolve(root, args, context, info);
        },
      );
    };
  }
}
