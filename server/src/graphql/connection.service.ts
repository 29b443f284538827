import type { FieldNode, GraphQLResolveInfo } from 'graphql';

import { badUserInput } from '../core/domain-error';
import { databaseIdOf } from '../core/global-id';
import type { CollectionSpec, RelationSpec } from '../database/query/collection-spec';
import {
  type AggregateRequest,
  aggregateRequestKey,
  aggregateRows,
  type AggregateValues,
  COUNT_ONLY,
  everyAggregate,
} from '../database/query/list-aggregates';
import type { ParentScope } from '../database/query/list-statement';
import { fetchByIds, fetchOneBy } from '../database/query/record-lookups';
import {
  readWholeTable,
  type ReferenceTable,
  referenceTableOf,
  sharedWith,
} from '../database/query/reference-tables';
import {
  fetchPagesWithJoins,
  type JoinedRelation,
  type Page,
  type PageOptions,
  type PageRequest,
} from '../database/query/relay-pages';
import { type RowShape, rowShapeFor, unionShape, WHOLE_ROWS } from '../database/query/row-shape';
import type { RelationNameOf } from '../database/relationships';
import { connectionOf } from './collection-types';
import type { GraphQLContext } from './context';
import {
  rowFieldNames,
  type RowsAt,
  rowSubfields,
  selectedAggregates,
  selectsCursors,
} from './selected-fields';

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

/** Whether a connection's rows must hold their cursors: always when the selection is unknown. */
function cursorsAsked(info: GraphQLResolveInfo | undefined): boolean {
  return info ? selectsCursors(info) : true;
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
  const { dataSource, access, keptTotals } = context;
  const pages = await pagesWithRelated<T>(
    context,
    spec,
    request,
    {
      defaultOrder: spec.defaultOrder,
      access,
      shape: rowShapeAt(context, spec, info, 'connection'),
      cursors: cursorsAsked(info),
    },
    relatedPlan(context, spec, info, 'connection'),
  );
  // One statement for `totalCount` and `aggregate` when both are asked, with the measures asked.
  const asked = info ? selectedAggregates(info) : null;
  const totals = (measures: AggregateRequest) =>
    aggregateRows(dataSource, spec, request.filter, access, undefined, measures, keptTotals).then(
      (map) => map.get(null)!,
    );
  let asAsked: Promise<AggregateValues> | undefined;
  const aggregate = () => (asAsked ??= totals(asked ?? everyAggregate(spec)));
  const count = async () => (asked || asAsked ? await aggregate() : await totals(COUNT_ONLY)).count;
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
  const { dataSource, loaders, access, keptTotals } = context;
  const scopeRelation = relationOf(spec, relation);
  const shape = rowShapeAt(context, spec, info, 'connection');
  const related = relatedPlan(context, spec, info, 'connection');
  const cursors = cursorsAsked(info);
  const key = `${spec.typeName}.${relation}:${JSON.stringify(request)}|${shape.key}|${related.key}|${cursors}`;
  const page = await loaders
    .get<number, Page<T>>(`pages:${key}`, async (parentIds) => {
      const pages = await pagesWithRelated<T>(
        context,
        spec,
        request,
        { defaultOrder: spec.defaultOrder, access, shape, cursors },
        related,
        { relation: scopeRelation, parentIds },
      );
      return parentIds.map((id) => pages.get(id)!);
    })
    .load(parentId);
  const filterKey = `${spec.typeName}.${relation}:${JSON.stringify(request.filter ?? null)}`;
  const asked = info ? selectedAggregates(info) : null;
  // Every parent's totals with `measures`, in one statement per filter and set of measures.
  const totals = (measures: AggregateRequest) =>
    loaders
      .get<number, AggregateValues>(
        `aggregate:${filterKey}|${aggregateRequestKey(measures)}`,
        async (parentIds) => {
          const values = await aggregateRows(
            dataSource,
            spec,
            request.filter,
            access,
            { relation: scopeRelation, parentIds },
            measures,
            keptTotals,
          );
          return parentIds.map((id) => values.get(id)!);
        },
      )
      .load(parentId);
  const aggregate = () => totals(asked ?? everyAggregate(spec));
  // With an aggregate asked, its statement's count serves `totalCount` too.
  const count = () => totals(asked ?? COUNT_ONLY).then((values) => values.count);
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
  const { loaders, access } = context;
  const scopeRelation = relationOf(spec, relation);
  const shape = rowShapeAt(context, spec, info, 'value');
  const related = relatedPlan(context, spec, info, 'value');
  return loaders
    .get<number, T[]>(
      `list:${spec.typeName}.${relation}|${shape.key}|${related.key}`,
      async (parentIds) => {
        const pages = await pagesWithRelated<T>(
          context,
          spec,
          {},
          { defaultOrder: spec.defaultOrder, unbounded: true, access, shape },
          related,
          { relation: scopeRelation, parentIds },
        );
        return parentIds.map((id) => pages.get(id)!.nodes);
      },
    )
    .load(parentId);
}

/**
 * A record by database id, batched; `null` when there is none. Every reader of the type in one
 * batch shares one statement, which selects the columns all of them need; a reference table
 * (`loadWhole`) is answered from the server's kept tables. A record this request has already
 * read with these columns (a prefetch, an earlier level), or a reference table kept fresh, is
 * answered at once, without a promise.
 */
export function recordById<T extends object>(
  context: GraphQLContext,
  spec: CollectionSpec,
  id: number | null | undefined,
  info?: GraphQLResolveInfo,
): T | null | Promise<T | null> {
  if (id === null || id === undefined) return null;
  if (spec.loadWhole) {
    const kept = keptReferenceTable<T>(context, spec);
    if (kept) return kept.byId.get(id) ?? null;
    return referenceTable<T>(context, spec).then((table) => table.byId.get(id) ?? null);
  }
  const shape = rowShapeAt(context, spec, info, 'value');
  const known = context.loaders.recall<T>(spec.typeName, shape.key, id);
  if (known !== undefined) return known;
  return byIdLoader<T>(context, spec).load({ id, shape });
}

/**
 * Every row of a reference table (`loadWhole`) the caller may see, in its order: the root list
 * of a reference type (`regions`, `themes`…).
 */
export function referenceList<T extends object>(
  context: GraphQLContext,
  spec: CollectionSpec,
): readonly T[] | Promise<readonly T[]> {
  const kept = keptReferenceTable<T>(context, spec);
  if (kept) return kept.rows;
  return referenceTable<T>(context, spec).then((table) => table.rows);
}

/** The server's kept copy of a reference table, if fresh and the caller may see all of it. */
function keptReferenceTable<T extends object>(
  context: GraphQLContext,
  spec: CollectionSpec,
): ReferenceTable<T> | undefined {
  return sharedWith(context.access, spec) ? context.referenceTables.current<T>(spec) : undefined;
}

/**
 * A reference table as the caller may see it, read at most once per request: the server's
 * kept copy (read now if it is not kept), or for a caller who may not see all of it, the rows
 * it may see.
 */
function referenceTable<T extends object>(
  context: GraphQLContext,
  spec: CollectionSpec,
): Promise<ReferenceTable<T>> {
  const { dataSource, loaders, access, referenceTables } = context;
  return loaders
    .get<CollectionSpec, ReferenceTable<T>, string>(
      `all:${spec.typeName}`,
      async (specs) => {
        const table = sharedWith(access, spec)
          ? await referenceTables.table<T>(spec)
          : referenceTableOf(await readWholeTable<T>(dataSource, spec, access));
        return specs.map(() => table);
      },
      (key) => key.typeName,
    )
    .load(spec);
}

/** The request's loader of `spec` records by id and shape. */
function byIdLoader<T extends object>(context: GraphQLContext, spec: CollectionSpec) {
  const { dataSource, loaders, access } = context;
  return loaders.get<ShapedId, T | null, string>(
    `byId:${spec.typeName}`,
    async (keys) => {
      const records = await fetchByIds<T>(
        dataSource,
        spec,
        [...new Set(keys.map((key) => key.id))],
        access,
        unionShape([...new Set(keys.map((key) => key.shape))]),
      );
      const idsByShape = new Map<string, number[]>();
      for (const { id, shape } of keys) {
        const ids = idsByShape.get(shape.key);
        if (ids) ids.push(id);
        else idsByShape.set(shape.key, [id]);
      }
      for (const [shapeKey, ids] of idsByShape) rememberRead(context, spec, shapeKey, ids, records);
      return keys.map((key) => records.get(key.id) ?? null);
    },
    shapedIdKey,
  );
}

/**
 * Related records (`partner.member`, `member.region`): the record a row's foreign key names.
 *
 * Resolved one by one, a list of N rows asking for such a field costs N loader calls, each with
 * its promise and batch key, before the one statement that reads them. Instead, a list reads
 * them as soon as its own rows are in (`prefetchRelated`), for every parent of the batch at once,
 * level after level of the operation, in the same one statement per level with the same access
 * rules; the field resolvers then find each record at once (`recordById`, `recall`).
 */

/** Fields declared with `@RelatedRecord`, per collection: GraphQL field → relation. */
const RELATED_RECORD_FIELDS = new WeakMap<CollectionSpec, Map<string, string>>();

/** Called by `@RelatedRecord` (related-record-field.ts). */
export function declareRelatedRecordField(
  spec: CollectionSpec,
  field: string,
  relation: string,
): void {
  let fields = RELATED_RECORD_FIELDS.get(spec);
  if (!fields) RELATED_RECORD_FIELDS.set(spec, (fields = new Map()));
  fields.set(field, relation);
}

/** A relation that is a foreign key of the row: the row's property, the related collection. */
interface ForeignKey {
  column: string;
  property: string;
  target: CollectionSpec;
}

const foreignKeys = new WeakMap<RelationSpec, ForeignKey>();

function foreignKeyOf(context: GraphQLContext, spec: CollectionSpec, relation: string): ForeignKey {
  const relationSpec = relationOf(spec, relation);
  let key = foreignKeys.get(relationSpec);
  if (!key) {
    const column = relationSpec.foreignKey;
    const property =
      column &&
      context.dataSource.getMetadata(spec.entity).findColumnWithDatabaseName(column)?.propertyName;
    if (!property || relationSpec.detail) {
      throw new Error(`${spec.typeName}.${relation} is not a plain foreign key of the row`);
    }
    key = { column: column!, property, target: relationSpec.target() };
    foreignKeys.set(relationSpec, key);
  }
  return key;
}

/** The record `row`'s foreign key `relation` names (`partner.member`), as `recordById`. */
export function relatedRecord<T extends object>(
  context: GraphQLContext,
  spec: CollectionSpec,
  relation: string,
  row: object,
  info?: GraphQLResolveInfo,
): T | null | Promise<T | null> {
  const { property, target } = foreignKeyOf(context, spec, relation);
  const id = (row as Record<string, number | null | undefined>)[property];
  return recordById<T>(context, target, id, info);
}

/** The related records the operation asks for under a list's rows, level by level. */
interface RelatedPlan {
  steps: readonly RelatedStep[];
  /** Names the plan in loader keys: lists asking for different related records batch apart. */
  key: string;
}

interface RelatedStep {
  key: ForeignKey;
  shape: RowShape;
  next: RelatedPlan;
}

const NO_RELATED: RelatedPlan = { steps: [], key: '' };
const relatedPlans = new WeakMap<readonly FieldNode[], Map<string, RelatedPlan>>();

/** The related records the operation reads under the rows this resolver returns. */
function relatedPlan(
  context: GraphQLContext,
  spec: CollectionSpec,
  info: GraphQLResolveInfo | undefined,
  at: RowsAt,
): RelatedPlan {
  if (!info || !RELATED_RECORD_FIELDS.has(spec)) return NO_RELATED;
  let bySpec = relatedPlans.get(info.fieldNodes);
  if (!bySpec) relatedPlans.set(info.fieldNodes, (bySpec = new Map()));
  const planKey = `${spec.typeName}:${at}`;
  let plan = bySpec.get(planKey);
  if (!plan) {
    plan = planRelated(context, spec, info, info.fieldNodes, at);
    bySpec.set(planKey, plan);
  }
  return plan;
}

function planRelated(
  context: GraphQLContext,
  spec: CollectionSpec,
  info: GraphQLResolveInfo,
  fieldNodes: readonly FieldNode[],
  at: RowsAt,
): RelatedPlan {
  const declared = RELATED_RECORD_FIELDS.get(spec);
  if (!declared) return NO_RELATED;
  const steps: RelatedStep[] = [];
  const keys: string[] = [];
  for (const [field, nodes] of rowSubfields(info, fieldNodes, at)) {
    const relation = declared.get(field);
    if (!relation) continue;
    const key = foreignKeyOf(context, spec, relation);
    // The columns the field's resolver asks for (recordById), so that it finds the records.
    const names = new Set(rowSubfields(info, nodes, 'value').keys());
    const shape = rowShapeFor(context.dataSource, key.target, names);
    const next = planRelated(context, key.target, info, nodes, 'value');
    steps.push({ key, shape, next });
    keys.push(`${field}(${shape.key})${next.key ? `{${next.key}}` : ''}`);
  }
  return steps.length ? { steps, key: keys.join(';') } : NO_RELATED;
}

/**
 * Reads the related records `plan` names for `rows` (one statement per field; a reference table
 * through its whole-table loader), keeps them for the fields' resolvers, then reads the next
 * level under them. A failed read fails the list that asked for it, as its own read would.
 */
async function prefetchRelated(
  context: GraphQLContext,
  rows: readonly object[],
  plan: RelatedPlan,
  joined?: ReadonlyMap<RelatedStep, ReadonlyMap<number, object | null>>,
): Promise<void> {
  if (plan.steps.length === 0 || rows.length === 0) return;
  await Promise.all(
    plan.steps.map(async (step) => {
      const { key, shape, next } = step;
      const ids = new Set<number>();
      for (const row of rows) {
        const id = (row as Record<string, number | null | undefined>)[key.property];
        if (id !== null && id !== undefined) ids.add(id);
      }
      if (ids.size === 0) return;
      const records =
        joined?.get(step) ?? (await readRecords(context, key.target, [...ids], shape));
      const found: object[] = [];
      for (const id of ids) {
        const record = records.get(id);
        if (record) found.push(record);
      }
      await prefetchRelated(context, found, next);
    }),
  );
}

/**
 * A list's pages with the related records `plan` names: for an unpaginated list, those of the
 * first level read in the list's own statement (a LEFT JOIN each, as a hand-written query
 * would); otherwise, and for reference tables and deeper levels, right after it
 * (`prefetchRelated`).
 */
async function pagesWithRelated<T extends object>(
  context: GraphQLContext,
  spec: CollectionSpec,
  request: PageRequest,
  options: PageOptions,
  plan: RelatedPlan,
  scope?: ParentScope,
): Promise<Map<number | null, Page<T>>> {
  // Only where every row read is returned: under a LIMIT (a page, per parent or not) the
  // database joins every candidate row before it sorts and cuts (the European page's statement
  // went from 1.6 to 2.9 ms), so a page's related records are read after it, by id.
  const joinedSteps = options.unbounded
    ? plan.steps.filter((step) => !step.key.target.loadWhole && step.shape.columns !== null)
    : [];
  const joins: JoinedRelation[] = joinedSteps.map(({ key, shape }) => ({
    foreignKey: key.column,
    target: key.target,
    shape: shape as JoinedRelation['shape'],
  }));
  const { pages, joined } = await fetchPagesWithJoins<T>(
    context.dataSource,
    spec,
    request,
    { ...options, joins, kept: context.keptTotals },
    scope,
  );
  const byStep = new Map<RelatedStep, ReadonlyMap<number, object | null>>();
  joinedSteps.forEach((step, index) => {
    context.loaders.remember(step.key.target.typeName, step.shape.key, joined[index], false);
    byStep.set(step, joined[index]);
  });
  const rows = [...pages.values()].flatMap((page) => page.nodes);
  await prefetchRelated(context, rows, plan, byStep);
  return pages;
}

/** Records by id with `shape`, kept for `recall`; a reference collection's from its table. */
async function readRecords(
  context: GraphQLContext,
  spec: CollectionSpec,
  ids: readonly number[],
  shape: RowShape,
): Promise<ReadonlyMap<number, object>> {
  if (spec.loadWhole) {
    return (keptReferenceTable(context, spec) ?? (await referenceTable(context, spec))).byId;
  }
  const records = await fetchByIds<object>(context.dataSource, spec, ids, context.access, shape);
  rememberRead(context, spec, shape.key, ids, records);
  return records;
}

/** Keeps what a read of `ids` by id found for the request: each record, or none. */
function rememberRead(
  context: GraphQLContext,
  spec: CollectionSpec,
  shapeKey: string,
  ids: readonly number[],
  records: ReadonlyMap<number, object>,
): void {
  const found = new Map<number, object | null>();
  for (const id of ids) found.set(id, records.get(id) ?? null);
  context.loaders.remember(spec.typeName, shapeKey, found, false);
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
  const record = await fetchOneBy<T>(
    context.dataSource,
    spec,
    name,
    value,
    context.access,
    rowShapeAt(context, spec, info, 'value'),
  );
  if (record) await prefetchRelated(context, [record], relatedPlan(context, spec, info, 'value'));
  return record;
}
