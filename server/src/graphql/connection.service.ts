import type { GraphQLResolveInfo } from 'graphql';

import { badUserInput } from '../core/domain-error';
import { databaseIdOf } from '../core/global-id';
import type { CollectionSpec, RelationSpec } from '../database/query/collection-spec';
import { aggregateRows, type AggregateValues, countRows } from '../database/query/list-aggregates';
import { fetchByIds, fetchOneBy } from '../database/query/record-lookups';
import { fetchPages, type Page, type PageRequest } from '../database/query/relay-pages';
import { type RowShape, rowShapeFor, unionShape, WHOLE_ROWS } from '../database/query/row-shape';
import type { RelationNameOf } from '../database/relationships';
import { connectionOf } from './collection-types';
import type { GraphQLContext } from './context';
import { rowFieldNames, type RowsAt } from './selected-fields';

/**
 * Lists for resolvers: root connections, nested connections and bounded lists batched across
 * parents through the request's loaders, and records by id. Resolvers stay one line long.
 *
 * Given the resolver's `info`, a read selects only the columns the operation asks for (and the
 * keys); without it, whole rows.
 */

/** The columns a read needs to answer the fields selected at `info`. */
export function rowShapeAt(
  { dataSource }: GraphQLContext,
  spec: CollectionSpec,
  info: GraphQLResolveInfo | undefined,
  at: RowsAt,
): RowShape {
  return info ? rowShapeFor(dataSource, spec, rowFieldNames(info, at)) : WHOLE_ROWS;
}

type ConnectionInstance<T> = InstanceType<ReturnType<typeof connectionOf>> & { nodes: T[] };

function makeConnection<T>(
  spec: CollectionSpec,
  page: Page<T>,
  count: () => Promise<number>,
  aggregate: () => Promise<AggregateValues>,
): ConnectionInstance<T> {
  const Connection = connectionOf(spec) as unknown as new (
    page: Page<T>,
    totals: { count: typeof count; aggregate: typeof aggregate },
  ) => ConnectionInstance<T>;
  return new Connection(page, { count, aggregate });
}

/** A root list: `poles(filter:, orderBy:, first:, after:)`. */
export async function rootConnection<T extends object>(
  context: GraphQLContext,
  spec: CollectionSpec,
  request: PageRequest,
  info?: GraphQLResolveInfo,
): Promise<ConnectionInstance<T>> {
  const { dataSource, access } = context;
  const pages = await fetchPages<T>(dataSource, spec, request, {
    defaultOrder: spec.defaultOrder,
    access,
    shape: rowShapeAt(context, spec, info, 'connection'),
  });
  let totals: Promise<AggregateValues> | undefined;
  const aggregate = () =>
    (totals ??= aggregateRows(dataSource, spec, request.filter, access).then((map) =>
      map.get(null)!,
    ));
  const count = async () =>
    totals
      ? (await totals).count
      : (await countRows(dataSource, spec, request.filter, access)).get(null)!;
  return makeConnection(spec, pages.get(null)!, count, aggregate);
}

/**
 * One parent's page of a nested list (`pole { projects(first: 10) }`): every parent of the
 * request shares one statement. `relation` is the child collection's relation to the parent.
 */
export async function nestedConnection<T extends object, Type extends string = string>(
  context: GraphQLContext,
  spec: CollectionSpec<Type>,
  relation: RelationNameOf<Type>,
  parentId: number,
  request: PageRequest,
  info?: GraphQLResolveInfo,
): Promise<ConnectionInstance<T>> {
  const { dataSource, loaders, access } = context;
  const scopeRelation = relationOf(spec, relation);
  const shape = rowShapeAt(context, spec, info, 'connection');
  const key = `${spec.typeName}.${relation}:${JSON.stringify(request)}|${shape.key}`;
  const page = await loaders
    .get<number, Page<T>>(`pages:${key}`, async (parentIds) => {
      const pages = await fetchPages<T>(
        dataSource,
        spec,
        request,
        { defaultOrder: spec.defaultOrder, access, shape },
        { relation: scopeRelation, parentIds },
      );
      return parentIds.map((id) => pages.get(id)!);
    })
    .load(parentId);
  const filterKey = `${spec.typeName}.${relation}:${JSON.stringify(request.filter ?? null)}`;
  const aggregate = () =>
    loaders
      .get<number, AggregateValues>(`aggregate:${filterKey}`, async (parentIds) => {
        const values = await aggregateRows(dataSource, spec, request.filter, access, {
          relation: scopeRelation,
          parentIds,
        });
        return parentIds.map((id) => values.get(id)!);
      })
      .load(parentId);
  const count = () =>
    loaders
      .get<number, number>(`count:${filterKey}`, async (parentIds) => {
        const counts = await countRows(dataSource, spec, request.filter, access, {
          relation: scopeRelation,
          parentIds,
        });
        return parentIds.map((id) => counts.get(id)!);
      })
      .load(parentId);
  return makeConnection(spec, page, count, aggregate);
}

/** Every related row of one parent, for small bounded lists (a project's partners). */
export function relatedList<T extends object, Type extends string = string>(
  context: GraphQLContext,
  spec: CollectionSpec<Type>,
  relation: RelationNameOf<Type>,
  parentId: number,
  info?: GraphQLResolveInfo,
): Promise<T[]> {
  const { dataSource, loaders, access } = context;
  const scopeRelation = relationOf(spec, relation);
  const shape = rowShapeAt(context, spec, info, 'value');
  return loaders
    .get<number, T[]>(`list:${spec.typeName}.${relation}|${shape.key}`, async (parentIds) => {
      const pages = await fetchPages<T>(
        dataSource,
        spec,
        {},
        { defaultOrder: spec.defaultOrder, unbounded: true, access, shape },
        { relation: scopeRelation, parentIds },
      );
      return parentIds.map((id) => pages.get(id)!.nodes);
    })
    .load(parentId);
}

/**
 * A record by database id, batched; `null` when there is none. Every reader of the type in one
 * batch shares one statement, which selects the columns all of them need; a reference table
 * (`loadWhole`) is read all at once, again only for a reader that needs other columns.
 */
export function recordById<T extends object>(
  context: GraphQLContext,
  spec: CollectionSpec,
  id: number | null | undefined,
  info?: GraphQLResolveInfo,
): Promise<T | null> {
  const { dataSource, loaders, access } = context;
  if (id === null || id === undefined) return Promise.resolve(null);
  const shape = rowShapeAt(context, spec, info, 'value');
  if (spec.loadWhole) {
    return loaders
      .get<RowShape, Map<number, T>, string>(
        `all:${spec.typeName}`,
        async (shapes) => {
          const records = await fetchByIds<T>(dataSource, spec, null, access, unionShape(shapes));
          return shapes.map(() => records);
        },
        (key) => key.key,
      )
      .load(shape)
      .then((records) => records.get(id) ?? null);
  }
  return loaders
    .get<ShapedId, T | null, string>(
      `byId:${spec.typeName}`,
      async (keys) => {
        const records = await fetchByIds<T>(
          dataSource,
          spec,
          [...new Set(keys.map((key) => key.id))],
          access,
          unionShape([...new Set(keys.map((key) => key.shape))]),
        );
        return keys.map((key) => records.get(key.id) ?? null);
      },
      shapedIdKey,
    )
    .load({ id, shape });
}

/** A record id with the columns its reader needs; cached per both. */
interface ShapedId {
  id: number;
  shape: RowShape;
}

const shapedIdKey = (key: ShapedId) => `${key.id}|${key.shape.key}`;

function relationOf(spec: CollectionSpec, relation: string): RelationSpec {
  const relationSpec = spec.relations[relation];
  if (!relationSpec) throw new Error(`${spec.typeName} has no relation ${relation}`);
  return relationSpec;
}

/**
 * A single-record lookup by global id or by one unique key (`pole(id:)` or `pole(slug:)`):
 * exactly one must be given. Unknown keys give `null`, as GitHub's API does.
 */
export async function lookupRecord<T extends object>(
  context: GraphQLContext,
  spec: CollectionSpec,
  keys: Record<string, unknown>,
  info?: GraphQLResolveInfo,
): Promise<T | null> {
  const given = Object.entries(keys).filter(([, value]) => value !== undefined && value !== null);
  if (given.length !== 1) {
    const names = Object.keys(keys).join(' or ');
    throw badUserInput(`Give exactly one of ${names} to look up a ${spec.typeName}`, [
      Object.keys(keys)[0],
    ]);
  }
  const [name, value] = given[0];
  if (name === 'id')
    return recordById<T>(context, spec, databaseIdOf(String(value), spec.typeName, ['id']), info);
  return fetchOneBy<T>(
    context.dataSource,
    spec,
    name,
    value,
    context.access,
    rowShapeAt(context, spec, info, 'value'),
  );
}
