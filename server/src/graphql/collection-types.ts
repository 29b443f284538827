import {
  ArgsType,
  type ClassType,
  Field,
  InputType,
  Int,
  ObjectType,
  registerEnumType,
} from 'type-graphql';

import { DecimalScalar } from '../database/entity/scalars/decimal.scalar';
import type { CollectionSpec, ScalarKind, ScalarSpec } from '../database/query/collection-spec';
import { AGGREGATE_MEASURES, type MeasureName } from '../database/query/list-aggregates';
import {
  BooleanFilter,
  DateFilter,
  DateTimeFilter,
  DecimalFilter,
  enumFilter,
  IDFilter,
  IntFilter,
  StringFilter,
} from './filters/operator-filters';
import { ConnectionArgs, connectionType, OrderDirection } from './relay/connection';

/**
 * The GraphQL types of a collection — `<Type>Filter`, `<Type>Order`, `<Type>Aggregate` and
 * `<Type>Connection` — generated from its spec, so the schema and the SQL can never disagree
 * on which fields filter, sort or sum.
 */

const OPERATOR_FILTERS: Record<Exclude<ScalarKind, 'enum'>, ClassType> = {
  id: IDFilter,
  int: IntFilter,
  decimal: DecimalFilter,
  date: DateFilter,
  datetime: DateTimeFilter,
  string: StringFilter,
  boolean: BooleanFilter,
};

function operatorFilter(name: string, scalar: ScalarSpec): ClassType {
  if (scalar.kind !== 'enum') return OPERATOR_FILTERS[scalar.kind];
  if (!scalar.enum) throw new Error(`Enum scalar ${name} names no enum`);
  return enumFilter(scalar.enum.type, scalar.enum.name);
}

/** Applies a decorator to a property of a class made at run time. */
function decorate(target: ClassType, property: string, decorator: PropertyDecorator): void {
  decorator(target.prototype, property);
}

const filters = new Map<CollectionSpec, ClassType>();
const orders = new Map<CollectionSpec, ClassType>();
const aggregates = new Map<CollectionSpec, ClassType>();
const connections = new Map<CollectionSpec, ReturnType<typeof connectionType>>();

export function filterInputType(spec: CollectionSpec): ClassType {
  const existing = filters.get(spec);
  if (existing) return existing;
  const typeName = spec.typeName;
  class Filter {}
  Object.defineProperty(Filter, 'name', { value: `${typeName}Filter` });
  InputType(`${typeName}Filter`, {
    description:
      `Which ${typeName} rows to return. Every condition given must hold; ` +
      'use `or` for alternatives and `not` to exclude.',
  })(Filter);
  filters.set(spec, Filter);
  for (const [name, scalar] of Object.entries(spec.scalars)) {
    const operators = operatorFilter(name, scalar);
    decorate(
      Filter,
      name,
      Field(() => operators, { nullable: true, description: scalar.description }),
    );
  }
  for (const [name, relation] of Object.entries(spec.relations)) {
    decorate(
      Filter,
      name,
      Field(() => filterInputType(relation.target()), {
        nullable: true,
        description: relation.description,
      }),
    );
  }
  decorate(
    Filter,
    'and',
    Field(() => [Filter], { nullable: true, description: 'Every one of these filters holds.' }),
  );
  decorate(
    Filter,
    'or',
    Field(() => [Filter], { nullable: true, description: 'At least one of these filters holds.' }),
  );
  decorate(
    Filter,
    'not',
    Field(() => Filter, { nullable: true, description: 'This filter does not hold.' }),
  );
  return Filter;
}

export function orderInputType(spec: CollectionSpec): ClassType {
  const existing = orders.get(spec);
  if (existing) return existing;
  const typeName = spec.typeName;
  const fieldEnum = Object.fromEntries(Object.keys(spec.orderFields).map((key) => [key, key]));
  registerEnumType(fieldEnum, {
    name: `${typeName}OrderField`,
    description: `What ${typeName} rows can be sorted on.`,
    valuesConfig: Object.fromEntries(
      Object.entries(spec.orderFields).map(([key, scalar]) => [
        key,
        { description: spec.scalars[scalar].description },
      ]),
    ),
  });

  @InputType(`${typeName}Order`, {
    description: `One sort key for ${typeName} rows; ties are always broken by id, so pages are stable.`,
  })
  class Order {
    @Field(() => fieldEnum, { description: 'The field to sort on.' })
    field!: string;

    @Field(() => OrderDirection, {
      defaultValue: OrderDirection.ASC,
      description: 'Ascending or descending.',
    })
    direction!: OrderDirection;
  }
  orders.set(spec, Order);
  return Order;
}

const MEASURE_DESCRIPTIONS: Record<MeasureName, string> = {
  sum: 'Sums',
  avg: 'Averages (rounded to two decimals)',
  min: 'Smallest values',
  max: 'Largest values',
};

export function aggregateType(spec: CollectionSpec): ClassType {
  const existing = aggregates.get(spec);
  if (existing) return existing;
  const typeName = spec.typeName;

  class Aggregate {}
  ObjectType(`${typeName}Aggregate`, {
    description: `Totals over every ${typeName} row that matches the filter, computed in SQL.`,
  })(Aggregate);
  decorate(
    Aggregate,
    'count',
    Field(() => Int, { description: 'How many rows match.' }),
  );
  if (spec.aggregateFields.length > 0) {
    class Numbers {}
    ObjectType(`${typeName}AggregateNumbers`, {
      description: `One value per numeric field of ${typeName}; null when no row has a value.`,
    })(Numbers);
    for (const field of spec.aggregateFields) {
      decorate(
        Numbers,
        field,
        Field(() => DecimalScalar, {
          nullable: true,
          description: spec.scalars[field].description,
        }),
      );
    }
    for (const measure of AGGREGATE_MEASURES) {
      const description = MEASURE_DESCRIPTIONS[measure];
      decorate(
        Aggregate,
        measure,
        Field(() => Numbers, { description: `${description} of the numeric fields.` }),
      );
    }
  }
  aggregates.set(spec, Aggregate);
  return Aggregate;
}

export function connectionOf(spec: CollectionSpec) {
  const existing = connections.get(spec);
  if (existing) return existing;
  const connection = connectionType(spec.entity as ClassType<object>, aggregateType(spec));
  connections.set(spec, connection);
  return connection;
}

/** What every list of the collection takes: `filter`, `orderBy`, `first`/`after`, `last`/`before`. */
export interface ListArgs extends ConnectionArgs {
  filter?: Record<string, unknown> | null;
  orderBy?: { field: string; direction?: 'ASC' | 'DESC' | null }[] | null;
}

const listArgs = new Map<CollectionSpec, ClassType<ListArgs>>();

export function listArgsType(spec: CollectionSpec): ClassType<ListArgs> {
  const existing = listArgs.get(spec);
  if (existing) return existing;

  @ArgsType()
  class CollectionListArgs extends ConnectionArgs {
    @Field(() => filterInputType(spec), { nullable: true, description: 'Which rows to return.' })
    filter?: Record<string, unknown> | null;

    @Field(() => [orderInputType(spec)], {
      nullable: true,
      description: 'Sort keys, most significant first; ties are broken by id.',
    })
    orderBy?: { field: string; direction?: 'ASC' | 'DESC' | null }[] | null;
  }
  listArgs.set(spec, CollectionListArgs);
  return CollectionListArgs;
}
