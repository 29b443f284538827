import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  getNullableType,
  getVariableValues,
  GraphQLError,
  GraphQLIncludeDirective,
  type GraphQLInputObjectType,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLSchema,
  GraphQLSkipDirective,
  isAbstractType,
  isInputObjectType,
  isLeafType,
  isListType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

import { DomainError } from '../../core/domain-error';
import { checkConditionBounds } from '../../database/query/boolean-condition';
import { MAX_STATS_GROUPS } from '../../database/query/grouped-limits';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../../database/query/relay-pages';

/** A mutation's root field: a transaction, an audit row and the writes (Shopify charges 10 too). */
export const MUTATION_FIELD_COST = 10;
/** `totalCount`: one COUNT over every row the filter matches, not only the page. */
export const COUNT_COST = 10;
/** `aggregate`, and each statistics query: one grouped SUM/AVG/MIN/MAX over the matching rows. */
export const AGGREGATE_COST = 10;
/** Each relation a filter walks (`leadPole: { region: … }` walks two): one semi-join each. */
export const RELATION_FILTER_COST = 10;
/** `contains` and `startsWith`: a text comparison on every row, accents folded. */
export const TEXT_SEARCH_COST = 2;
/** `in`/`notIn`: 1 point, plus 1 per this many values. */
export const VALUES_PER_POINT = 10;
/** Selections visited at most while costing one operation (fragments spread many times add up). */
export const MAX_COSTED_NODES = 10_000;

/**
 * How many items each list without pagination arguments holds at most: its real bound in the
 * national dataset (reference tables whole: 18 regions, 11 ministries…; lists per parent by
 * the longest one there, e.g. 12 partners; the selection dashboard by the number of poles).
 * Admission prices these bounds; the actual cost charged counts what came back, so a longer
 * list than its bound is charged for what it is. `test/abuse/query-cost.test.ts` checks every
 * bound against the seeded data and that no such list of the schema lacks one.
 */
export const LIST_BOUNDS: Readonly<Record<string, number>> = {
  'Query.regions': 18,
  'Query.ministries': 11,
  'Query.themes': 34,
  'Query.fundingProgrammes': 20,
  'Query.labellingPhases': 5,
  'LabellingPhase.criteria': 11,
  'Pole.clusterLabels': 2,
  'Pole.coveredRegions': 3,
  'Pole.decisions': 5,
  /** At most a handful of poles merged into one (two in every merger so far). */
  'Pole.predecessors': 4,
  'Pole.themes': 3,
  'Pole.years': 11,
  'PoleIndicators.membersByCategory': 8,
  'Project.coLabellingPoles': 2,
  'Project.history': 6,
  'Project.partners': 12,
  'Project.regions': 12,
  'Project.themes': 3,
  'Evaluation.scores': 11,
  'AuditLogEntry.changes': 20,
  'SelectionDashboard.rows': 80,
  'SelectionDashboard.criteria': 11,
  'SelectionRow.criteria': 11,
  'SelectionRow.evaluations': 3,
  /** Administrators register a few endpoints (none in the dataset): priced as a page. */
  'Query.webhooks': 20,
  /**
   * Attempts of one delivery: 7 doubling retries from 30 s reach the 1 h cap, then hourly for
   * the rest of the 24 h (WEBHOOK_* defaults): 32 at most.
   */
  'WebhookDelivery.attempts': 32,
};
/** Lists of a mutation's payload (`userErrors`): a few per input at most. */
const PAYLOAD_LIST_BOUND = 10;

/** Objects computed along with their parent's page, priced at their parent: PageInfo, totals. */
const FREE_TYPE = /^(PageInfo|\w+Aggregate|\w+AggregateNumbers)$/;

/**
 * Objects that are values of their parent, not records read for it: they cost nothing
 * themselves, while the objects they lead to are priced as anywhere else (a key's region, an
 * assessment's criterion). A statistics group's key holds the group's own GROUP BY values; a
 * selection row's criterion assessments come from three batched statements for every row
 * (criteria, indicators, average scores): pricing each of the 80 × 11 assessments as a
 * statement made the dashboard cost 961 points for work the size of its 80 rows.
 */
const VALUE_TYPE = /^(\w+StatsKey|CriterionAssessment)$/;

/**
 * The cost model, close to Shopify's, priced on what the database does:
 * - every object returned costs 1 (scalars 0); a mutation's root field costs 10;
 * - a list holds what its arguments say: `first`/`last` (20 by default, 100 at most), the
 *   number of `ids`, statistics' `first` (100 by default, 1,000 at most), or for lists without
 *   pagination their real bound (LIST_BOUNDS: `regions` is 18); a nested page multiplies:
 *   `poles(first: 55) { nodes { projects(first: 10) { nodes { id } } } }` costs
 *   1 + 55 × (1 + 1 + 10 × 1) = 661;
 * - a filter costs what it makes the database evaluate: 1 per condition, 2 per text search,
 *   1 + 1 per 10 values of an `in` list, 10 per relation it walks, every `or`/`and` branch
 *   added; it is paid by the page, and again by `totalCount` (10) and `aggregate` (10), each
 *   priced as a statement over every matching row (one answers both when both are asked);
 *   statistics pay the aggregate too;
 * - introspection costs 1 per `__schema`/`__type` (graphql-js bounds its nesting).
 *
 * With `data` (an execution's result), the same model counts what was actually returned:
 * pages by their real length, null objects as nothing; that is the actual cost, never more
 * than the requested one.
 */
export function computeQueryCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | undefined | null,
  variables: Record<string, unknown> | undefined | null,
  data?: Record<string, unknown> | null,
): number {
  const walk = costWalk(schema, document, operationName, variables, data !== undefined);
  return walk ? walk.cost(data ?? null) : 0;
}

/**
 * Counts the actual cost of results of one operation with the same variables, keeping what the
 * document and the variables decide (fields collected through fragments and directives, each
 * field's arguments and plan) from one result to the next: only the result is walked again.
 */
export interface ActualCostCounter {
  count(data: Record<string, unknown> | null): number;
}

export function actualCostCounter(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | undefined | null,
  variables: Record<string, unknown> | undefined | null,
): ActualCostCounter {
  const walk = costWalk(schema, document, operationName, variables, true);
  return { count: (data) => (walk ? walk.cost(data) : 0) };
}

/** The walk of an operation (null when the document has no such operation or root type). */
function costWalk(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | undefined | null,
  variables: Record<string, unknown> | undefined | null,
  actual: boolean,
): { cost(data: Record<string, unknown> | null): number } | null {
  const operation = findOperation(document, operationName);
  if (!operation) return null;
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {});
  if (coerced.errors) throw coerced.errors[0];
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION)
      fragments.set(definition.name.value, definition);
  }
  const rootType =
    operation.operation === 'mutation'
      ? schema.getMutationType()
      : operation.operation === 'subscription'
        ? schema.getSubscriptionType()
        : schema.getQueryType();
  if (!rootType) return null;
  const walker = new CostWalker(schema, fragments, coerced.coerced, actual);
  return { cost: (data) => walker.selectionCost(rootType, operation.selectionSet, data, 1, true) };
}

function findOperation(
  document: DocumentNode,
  operationName: string | undefined | null,
): OperationDefinitionNode | undefined {
  const operations = document.definitions.filter(
    (definition): definition is OperationDefinitionNode =>
      definition.kind === Kind.OPERATION_DEFINITION,
  );
  if (operationName) return operations.find((operation) => operation.name?.value === operationName);
  return operations.length === 1 ? operations[0] : undefined;
}

type ObjectValue = Record<string, unknown>;

/** What pricing a field node on one parent type gives, before its sub-selection is counted. */
interface FieldPlan {
  /** The whole cost when there is no object below (leaves, free types, unknown fields). */
  flat: number | null;
  own: number;
  perObject: number;
  perItemPage: number;
  itemType: ReturnType<typeof getNamedType>;
  /** Items priced for a list (requested mode); `null`: the enclosing page's size. */
  items: number | null;
}

/** A field of a selection set on a type, by response key: the first of its nodes prices it. */
interface CollectedField {
  responseKey: string;
  node: FieldNode;
}

function collected(fields: Map<string, FieldNode[]>): CollectedField[] {
  return Array.from(fields, ([responseKey, nodes]) => ({ responseKey, node: nodes[0] }));
}

class CostWalker {
  private visited = 0;
  /**
   * Counting a result walks the same selections once per object returned: their fields and
   * plans are kept per walker (they depend on the document and variables only), which
   * `actualCostCounter` keeps for the next result. Pricing a request keeps nothing, so every
   * selection it expands counts towards MAX_COSTED_NODES.
   */
  private readonly collected = new Map<SelectionSetNode, Map<string, CollectedField[]>>();
  private readonly plans = new Map<FieldNode, Map<string, FieldPlan>>();

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly fragments: Map<string, FragmentDefinitionNode>,
    private readonly variables: Record<string, unknown>,
    /** Counting an execution's result rather than pricing the request. */
    private readonly actual: boolean,
  ) {}

  /**
   * The cost of `selectionSet` on an object of `type` (`value` in actual mode). `pageSize` is
   * the page of the enclosing connection, for its `nodes` and `edges`.
   */
  selectionCost(
    type: GraphQLObjectType,
    selectionSet: SelectionSetNode,
    value: ObjectValue | null,
    pageSize: number,
    root = false,
  ): number {
    let total = 0;
    for (const { responseKey, node } of this.fieldsOf(type, selectionSet)) {
      total += this.fieldCost(type, node, value?.[responseKey], pageSize, root);
    }
    return total;
  }

  /**
   * The fields of `selectionSet` on `type` (collectFields), each by its first node; kept per
   * selection set and type when counting a result, which walks them once per object returned.
   */
  private fieldsOf(type: GraphQLObjectType, selectionSet: SelectionSetNode): CollectedField[] {
    if (!this.actual) return collected(this.collectFields(type, selectionSet));
    let byType = this.collected.get(selectionSet);
    if (!byType) this.collected.set(selectionSet, (byType = new Map()));
    let fields = byType.get(type.name);
    if (!fields)
      byType.set(type.name, (fields = collected(this.collectFields(type, selectionSet))));
    return fields;
  }

  private fieldCost(
    parentType: GraphQLObjectType,
    node: FieldNode,
    value: unknown,
    pageSize: number,
    root: boolean,
  ): number {
    const plan = this.planOf(parentType, node, root);
    if (plan.flat !== null) return plan.flat;
    const selectionSet = node.selectionSet!;
    if (!this.actual)
      return plan.own + (plan.items ?? pageSize) * this.itemCost(plan, selectionSet);
    if (Array.isArray(value)) {
      let total = plan.own;
      for (const item of value) total += this.itemCost(plan, selectionSet, item);
      return total;
    }
    // A null object was looked for all the same: its own statement, if any, ran.
    return plan.own + this.itemCost(plan, selectionSet, value);
  }

  /** One object under a field (`object` in actual mode: nothing returned costs nothing). */
  private itemCost(plan: FieldPlan, selectionSet: SelectionSetNode, object?: unknown): number {
    if (this.actual && (object === null || object === undefined)) return 0;
    return plan.perObject + this.objectCost(plan.itemType, selectionSet, object, plan.perItemPage);
  }

  /** The plan of a field node on a parent type, kept per walk when counting a result. */
  private planOf(parentType: GraphQLObjectType, node: FieldNode, root: boolean): FieldPlan {
    if (!this.actual) return this.plan(parentType, node, root);
    let byType = this.plans.get(node);
    if (!byType) this.plans.set(node, (byType = new Map()));
    let plan = byType.get(parentType.name);
    if (!plan) byType.set(parentType.name, (plan = this.plan(parentType, node, root)));
    return plan;
  }

  private plan(parentType: GraphQLObjectType, node: FieldNode, root: boolean): FieldPlan {
    const flat = (cost: number): FieldPlan => ({
      flat: cost,
      own: cost,
      perObject: 0,
      perItemPage: 1,
      itemType: parentType,
      items: 1,
    });
    const name = node.name.value;
    if (name === '__typename') return flat(0);
    if (name.startsWith('__')) return flat(1);
    const field = parentType.getFields()[name];
    if (!field) return flat(0);
    const args = getArgumentValues(field, node, this.variables);
    const work = this.argumentsCost(field.args, args, node);
    const returnType = getNullableType(field.type);
    const itemType = getNamedType(returnType);
    const isMutationRoot = root && parentType === this.schema.getMutationType();
    if (isLeafType(itemType)) return flat(work + (isMutationRoot ? MUTATION_FIELD_COST : 0));
    if (FREE_TYPE.test(itemType.name)) return flat(work);

    const isConnection = itemType.name.endsWith('Connection');
    const hasFirst = field.args.some((arg) => arg.name === 'first' || arg.name === 'last');
    let items: number | null = 1;
    let perItemPage = 1;
    let own = work;
    if (isConnection) {
      // The connection object: the statement that reads the page. Its rows are `nodes`/`edges`.
      perItemPage = pageArgument(args.first) ?? pageArgument(args.last) ?? DEFAULT_PAGE_SIZE;
      perItemPage = Math.min(perItemPage, MAX_PAGE_SIZE);
      own += this.totalsCost(itemType as GraphQLObjectType, node, work);
    } else if (isListType(returnType)) {
      if (hasFirst) {
        // Statistics: groups computed by one aggregate over every matching row.
        items = Math.min(pageArgument(args.first) ?? 100, MAX_STATS_GROUPS);
        own += AGGREGATE_COST;
      } else if (Array.isArray(args.ids)) {
        items = args.ids.length;
      } else if (parentType.name.endsWith('Connection') || parentType.name.endsWith('Edge')) {
        items = null;
      } else {
        items =
          LIST_BOUNDS[`${parentType.name}.${name}`] ??
          (parentType.name.endsWith('Payload') ? PAYLOAD_LIST_BOUND : MAX_PAGE_SIZE);
      }
    }
    const perObject = isMutationRoot ? MUTATION_FIELD_COST : VALUE_TYPE.test(itemType.name) ? 0 : 1;
    if (!node.selectionSet) return flat(own);
    return { flat: null, own, perObject, perItemPage, itemType, items };
  }

  /** One object's cost; an abstract type costs its costliest possible type. */
  private objectCost(
    type: ReturnType<typeof getNamedType>,
    selectionSet: SelectionSetNode,
    value: unknown,
    pageSize: number,
  ): number {
    const object =
      this.actual && value && typeof value === 'object' ? (value as ObjectValue) : null;
    if (isObjectType(type)) return this.selectionCost(type, selectionSet, object, pageSize);
    if (!isAbstractType(type)) return 0;
    const named = object && typeof object.__typename === 'string' ? object.__typename : null;
    const candidates = this.schema
      .getPossibleTypes(type)
      .filter((possible) => named === null || possible.name === named);
    return Math.max(
      0,
      ...candidates.map((possible) => this.selectionCost(possible, selectionSet, object, pageSize)),
    );
  }

  /**
   * `totalCount` and `aggregate` of a connection: each is priced as a statement of its own over
   * every row the filter matches, so each pays the filter again (when both are asked, one
   * statement answers them: the price is an upper bound). Priced whether or not they returned.
   */
  private totalsCost(connection: GraphQLObjectType, node: FieldNode, filterWork: number): number {
    if (!node.selectionSet) return 0;
    let cost = 0;
    for (const field of this.fieldsOf(connection, node.selectionSet)) {
      const name = field.node.name.value;
      if (name === 'totalCount') cost += COUNT_COST + filterWork;
      if (name === 'aggregate') cost += AGGREGATE_COST + filterWork;
    }
    return cost;
  }

  /** What the field's input arguments make the database do: filters and `having`. */
  private argumentsCost(
    definitions: readonly { name: string; type: GraphQLInputType }[],
    args: Record<string, unknown>,
    node: FieldNode,
  ): number {
    let cost = 0;
    for (const definition of definitions) {
      const value = args[definition.name];
      const type = getNamedType(definition.type);
      if (value === null || value === undefined || !isInputObjectType(type)) continue;
      if (!type.getFields().and) continue;
      try {
        checkConditionBounds(value, [definition.name]);
      } catch (error) {
        throw asRequestError(error, node);
      }
      cost += conditionCost(type, value as ObjectValue);
    }
    return cost;
  }

  /** Fields of `selectionSet` that apply to `type`, by response key, fragments expanded. */
  private collectFields(
    type: GraphQLObjectType,
    selectionSet: SelectionSetNode,
    fields = new Map<string, FieldNode[]>(),
    spread = new Set<string>(),
  ): Map<string, FieldNode[]> {
    for (const selection of selectionSet.selections) {
      this.visited += 1;
      if (this.visited > MAX_COSTED_NODES) {
        throw new GraphQLError(
          `This operation holds more than ${MAX_COSTED_NODES} selections once its fragments are expanded.`,
        );
      }
      if (!this.included(selection)) continue;
      if (selection.kind === Kind.FIELD) {
        const key = selection.alias?.value ?? selection.name.value;
        const known = fields.get(key);
        if (known) known.push(selection);
        else fields.set(key, [selection]);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (this.applies(selection.typeCondition?.name.value, type)) {
          this.collectFields(type, selection.selectionSet, fields, spread);
        }
      } else {
        const name = selection.name.value;
        const fragment = this.fragments.get(name);
        if (!fragment || spread.has(name)) continue;
        spread.add(name);
        if (this.applies(fragment.typeCondition.name.value, type)) {
          this.collectFields(type, fragment.selectionSet, fields, spread);
        }
      }
    }
    return fields;
  }

  private applies(condition: string | undefined, type: GraphQLObjectType): boolean {
    if (!condition || condition === type.name) return true;
    const conditionType = this.schema.getType(condition);
    return !!conditionType && isAbstractType(conditionType)
      ? this.schema.isSubType(conditionType, type)
      : false;
  }

  private included(selection: SelectionSetNode['selections'][number]): boolean {
    const skip = getDirectiveValues(GraphQLSkipDirective, selection, this.variables);
    if (skip?.if === true) return false;
    const include = getDirectiveValues(GraphQLIncludeDirective, selection, this.variables);
    return include?.if !== false;
  }
}

/**
 * What a condition input (a collection's filter, a statistics `having`) costs the database:
 * see computeQueryCost. A field whose type has `and` is a relation to another collection.
 */
export function conditionCost(type: GraphQLInputObjectType, input: ObjectValue): number {
  let cost = 0;
  const fields = type.getFields();
  for (const [key, value] of Object.entries(input)) {
    if (value === null || value === undefined) continue;
    if (key === 'and' || key === 'or') {
      for (const item of value as ObjectValue[]) cost += Math.max(1, conditionCost(type, item));
      continue;
    }
    if (key === 'not') {
      cost += conditionCost(type, value as ObjectValue);
      continue;
    }
    const fieldType = fields[key] ? getNamedType(fields[key].type) : null;
    if (fieldType && isInputObjectType(fieldType) && fieldType.getFields().and) {
      cost += RELATION_FILTER_COST + conditionCost(fieldType, value as ObjectValue);
      continue;
    }
    if (typeof value !== 'object' || Array.isArray(value)) {
      cost += 1;
      continue;
    }
    for (const [operator, operand] of Object.entries(value as ObjectValue)) {
      if (operand === undefined) continue;
      if (Array.isArray(operand)) cost += 1 + Math.ceil(operand.length / VALUES_PER_POINT);
      else if (operator === 'contains' || operator === 'startsWith') cost += TEXT_SEARCH_COST;
      else cost += 1;
    }
  }
  return cost;
}

function pageArgument(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? Math.max(0, value) : null;
}

/** A refusal of the input (a DomainError of the list engine) as the request's GraphQL error. */
function asRequestError(error: unknown, node: FieldNode): GraphQLError {
  if (!(error instanceof DomainError)) throw error;
  return new GraphQLError(error.message, {
    nodes: [node],
    extensions: {
      code: error.code,
      ...(error.argumentPath.length > 0 ? { argumentPath: error.argumentPath } : {}),
      http: { status: 400 },
    },
  });
}
