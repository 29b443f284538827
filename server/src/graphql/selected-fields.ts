import { type FieldNode, type GraphQLResolveInfo, Kind, type SelectionSetNode } from 'graphql';

import { AGGREGATE_MEASURES, type AggregateRequest } from '../database/query/list-aggregates';

/** The fields selected directly under `selectionSets` (through fragments), by name. */
function subfields(
  { fragments }: Pick<GraphQLResolveInfo, 'fragments'>,
  selectionSets: readonly (SelectionSetNode | undefined)[],
): Map<string, FieldNode[]> {
  const found = new Map<string, FieldNode[]>();
  const seen = new Set<string>();
  const visit = (selectionSet: SelectionSetNode | undefined): void => {
    for (const selection of selectionSet?.selections ?? []) {
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        found.set(name, [...(found.get(name) ?? []), selection]);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        visit(selection.selectionSet);
      } else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        visit(fragments[selection.name.value]?.selectionSet);
      }
    }
  };
  for (const selectionSet of selectionSets) visit(selectionSet);
  return found;
}

const selectionSetsOf = (nodes: readonly FieldNode[] | undefined) =>
  (nodes ?? []).map((node) => node.selectionSet);

const rowFieldCache = new WeakMap<readonly FieldNode[], Map<RowsAt, ReadonlySet<string>>>();

/** Where a resolver's records are in what it returns: itself, or a connection's nodes. */
export type RowsAt = 'value' | 'connection';

/**
 * The fields the operation reads on the records that the field `fieldNodes` returns, by name:
 * its own subfields (`value`), or those under `nodes` and `edges { node }` of a connection.
 */
export function rowSubfields(
  info: Pick<GraphQLResolveInfo, 'fragments'>,
  fieldNodes: readonly FieldNode[],
  at: RowsAt,
): Map<string, FieldNode[]> {
  const own = subfields(info, selectionSetsOf(fieldNodes));
  if (at === 'value') return own;
  const edges = subfields(info, selectionSetsOf(own.get('edges')));
  return subfields(info, [
    ...selectionSetsOf(own.get('nodes')),
    ...selectionSetsOf(edges.get('node')),
  ]);
}

/**
 * The names of the fields the operation reads on the records this resolver returns
 * (`rowSubfields`). Directives are not evaluated: a field under `@include(if: false)` is
 * counted, which only reads a column more. Computed once per field of a document (graphql-js
 * hands every row the same nodes).
 */
export function rowFieldNames(info: GraphQLResolveInfo, at: RowsAt): ReadonlySet<string> {
  let byPlace = rowFieldCache.get(info.fieldNodes);
  if (!byPlace) rowFieldCache.set(info.fieldNodes, (byPlace = new Map()));
  let names = byPlace.get(at);
  if (!names) {
    names = new Set(rowSubfields(info, info.fieldNodes, at).keys());
    byPlace.set(at, names);
  }
  return names;
}

/** The fields of `sum`, `avg`, `min` and `max` selected under `selectionSets`. */
function measureFields(
  info: Pick<GraphQLResolveInfo, 'fragments'>,
  selectionSets: readonly (SelectionSetNode | undefined)[],
): { own: Map<string, FieldNode[]>; fields: AggregateRequest } {
  const own = subfields(info, selectionSets);
  const fields = new Map(
    AGGREGATE_MEASURES.map((measure) => [
      measure,
      new Set(subfields(info, selectionSetsOf(own.get(measure))).keys()),
    ]),
  );
  return { own, fields };
}

const aggregateCache = new WeakMap<readonly FieldNode[], AggregateRequest | null>();

/**
 * What the operation asks of this connection's `aggregate` (through fragments and aliases,
 * directives not evaluated): the fields of each measure, or null when it asks no aggregate.
 * Computed once per field of a document.
 */
export function selectedAggregates(info: GraphQLResolveInfo): AggregateRequest | null {
  let request = aggregateCache.get(info.fieldNodes);
  if (request === undefined) {
    const aggregates = subfields(info, selectionSetsOf(info.fieldNodes)).get('aggregate');
    request = aggregates ? measureFields(info, selectionSetsOf(aggregates)).fields : null;
    aggregateCache.set(info.fieldNodes, request);
  }
  return request;
}

const statisticsCache = new WeakMap<readonly FieldNode[], ReadonlySet<string>>();

/**
 * The figures the operation reads on each group a statistics query returns, by the names the
 * statement selects them under: a field of the group (`count`), or a measure and its field
 * (`sum_totalBudget` for `sum { totalBudget }`). Computed once per field of a document.
 */
export function selectedStatisticsMeasures(info: GraphQLResolveInfo): ReadonlySet<string> {
  let names = statisticsCache.get(info.fieldNodes);
  if (!names) {
    const { own, fields } = measureFields(info, selectionSetsOf(info.fieldNodes));
    names = new Set([
      ...own.keys(),
      ...[...fields].flatMap(([measure, asked]) =>
        [...asked].map((field) => `${measure}_${field}`),
      ),
    ]);
    statisticsCache.set(info.fieldNodes, names);
  }
  return names;
}

const cursorsCache = new WeakMap<readonly FieldNode[], boolean>();

/**
 * Whether the operation asks this connection for a cursor: `edges { cursor }` or `pageInfo {
 * startCursor endCursor }` (through fragments and aliases, directives not evaluated). Computed
 * once per field of a document.
 */
export function selectsCursors(info: GraphQLResolveInfo): boolean {
  let asked = cursorsCache.get(info.fieldNodes);
  if (asked === undefined) {
    const own = subfields(info, selectionSetsOf(info.fieldNodes));
    const pageInfo = subfields(info, selectionSetsOf(own.get('pageInfo')));
    asked =
      pageInfo.has('startCursor') ||
      pageInfo.has('endCursor') ||
      subfields(info, selectionSetsOf(own.get('edges'))).has('cursor');
    cursorsCache.set(info.fieldNodes, asked);
  }
  return asked;
}
