import {
  type DocumentNode,
  getNamedType,
  getNullableType,
  type GraphQLField,
  type GraphQLSchema,
  isLeafType,
  isListType,
} from 'graphql';
import {
  type ComplexityEstimator,
  type ComplexityEstimatorArgs,
  fieldExtensionsEstimator,
  getComplexity,
} from 'graphql-query-complexity';

import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../../database/query/collection-query';
import { MAX_STATS_GROUPS } from '../../statistics/having-compiler';

/** A mutation's root field: a transaction, an audit row and the writes (Shopify charges 10 too). */
export const MUTATION_FIELD_COST = 10;
/**
 * How many items a list without pagination arguments is taken to hold: the typical size of
 * those lists (a project's partners and status changes, a pole's themes, decisions…).
 */
export const UNPAGINATED_LIST_SIZE = 5;
/** Objects computed along with their parent's page, at no cost of their own. */
const FREE_TYPES = new Set(['PageInfo']);
/** Selections visited at most while costing one operation (fragments spread many times add up). */
export const MAX_COSTED_NODES = 10_000;

/**
 * The cost model, close to Shopify's: a scalar or enum costs 0, an object 1 (PageInfo 0), a
 * mutation's root field 10; a list costs 1 plus its items' cost times how many items it may
 * hold: its `first` or `last` (20 when neither is given), the number of `ids`, or 5 for lists
 * without pagination. `poles(first: 55) { nodes { projects(first: 10) { nodes { id } } } }`
 * therefore costs 1 + 55 × (1 + 1 + 10 × 1) = 661: the nested page multiplies. `nodes`/`edges` of a connection
 * are the page itself, already counted by the connection. A value above what a field accepts
 * (100 rows a page, 1,000 statistics groups) is costed at that maximum: the field refuses it
 * with a clearer message than a cost would give.
 *
 * Introspection costs 1 per `__schema`/`__type`: graphql-js bounds its nesting already.
 */
export function createCostEstimator(schema: GraphQLSchema): ComplexityEstimator {
  const mutationType = schema.getMutationType();
  return ({ type, field, args, childComplexity }: ComplexityEstimatorArgs): number => {
    if (field.name.startsWith('__')) return field.name === '__typename' ? 0 : 1;
    if (type.name.startsWith('__')) return 0;
    const returnType = getNullableType(field.type);
    const namedType = getNamedType(returnType);
    if (FREE_TYPES.has(namedType.name)) return 0;
    const leaf = isLeafType(namedType);
    const own = type === mutationType ? MUTATION_FIELD_COST : leaf ? 0 : 1;
    if (leaf) return own;
    return own + itemCount(field, type.name, isListType(returnType), args) * childComplexity;
  };
}

/** How many items a field may return, by its arguments and shape. */
function itemCount(
  field: GraphQLField<unknown, unknown>,
  parentTypeName: string,
  returnsList: boolean,
  args: Record<string, unknown>,
): number {
  if (field.args.some((argument) => argument.name === 'first' || argument.name === 'last')) {
    const size = pageArgument(args.first) ?? pageArgument(args.last);
    // Lists of groups (statistics) accept up to 1,000; connections (objects) a page of 100.
    return Math.min(size ?? DEFAULT_PAGE_SIZE, returnsList ? MAX_STATS_GROUPS : MAX_PAGE_SIZE);
  }
  if (Array.isArray(args.ids)) return args.ids.length;
  // A connection's `nodes` and `edges` are the page its connection field already counted.
  if (returnsList && !parentTypeName.endsWith('Connection')) return UNPAGINATED_LIST_SIZE;
  return 1;
}

function pageArgument(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? Math.max(0, value) : null;
}

/**
 * The cost of one operation with these variables, before it runs. Throws the GraphQLError of
 * invalid variables, or one for an operation with more than MAX_COSTED_NODES selections.
 */
export function computeQueryCost(
  schema: GraphQLSchema,
  estimator: ComplexityEstimator,
  document: DocumentNode,
  operationName: string | undefined,
  variables: Record<string, unknown> | undefined,
): number {
  return getComplexity({
    schema,
    query: document,
    operationName,
    variables,
    // A field's own `complexity` (type-graphql's `@Field({ complexity })`) overrides the model.
    estimators: [fieldExtensionsEstimator(), estimator],
    maxQueryNodes: MAX_COSTED_NODES,
  });
}
