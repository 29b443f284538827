import { ArgsType, type ClassType, Field, Int, ObjectType, registerEnumType } from 'type-graphql';

import type { AggregateValues } from '../../database/query/list-aggregates';
import type { Page } from '../../database/query/relay-pages';

export enum OrderDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}

registerEnumType(OrderDirection, {
  name: 'OrderDirection',
  description: 'Sort order.',
  valuesConfig: {
    ASC: { description: 'Smallest first (A→Z, oldest first).' },
    DESC: { description: 'Largest first (Z→A, newest first).' },
  },
});

@ObjectType({ description: 'Where a page stands in its list (Relay).' })
export class PageInfo {
  @Field({
    description: 'True when rows follow this page: pass `endCursor` as `after` to get them.',
  })
  hasNextPage!: boolean;

  @Field({
    description: 'True when rows precede this page: pass `startCursor` as `before` to get them.',
  })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first row of the page.' })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last row of the page.' })
  endCursor!: string | null;
}

@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, {
    nullable: true,
    description: 'Return the first n rows (at most 100; 20 by default).',
  })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Return rows after this cursor.' })
  after?: string | null;

  @Field(() => Int, { nullable: true, description: 'Return the last n rows (at most 100).' })
  last?: number | null;

  @Field(() => String, { nullable: true, description: 'Return rows before this cursor.' })
  before?: string | null;
}

/** Computes the list's totals lazily: only when `totalCount` or `aggregate` is selected. */
export interface ConnectionTotals {
  count(): Promise<number>;
  aggregate(): Promise<AggregateValues>;
}

/**
 * The Relay connection of `nodeType`, named `<Type>Connection` with `<Type>Edge`, plus
 * `totalCount` and `aggregate` computed only when asked. `aggregateType` describes the
 * aggregate of this type (built by `aggregateTypes`).
 */
export function connectionType<TNode extends object, TAggregate extends object>(
  nodeType: ClassType<TNode>,
  aggregateType: ClassType<TAggregate>,
) {
  const typeName = nodeType.name;

  @ObjectType(`${typeName}Edge`, { description: `A ${typeName} in a list, with its cursor.` })
  class Edge {
    @Field({ description: 'Opaque position of this row: pass it as `after` or `before`.' })
    cursor!: string;

    @Field(() => nodeType, { description: `The ${typeName}.` })
    node!: TNode;
  }

  @ObjectType(`${typeName}Connection`, {
    description: `A page of ${typeName} rows (Relay connection), with totals over every matching row.`,
  })
  class Connection {
    constructor(
      page?: Page<TNode>,
      private readonly totals?: ConnectionTotals,
    ) {
      // Its properties as they are: `edges` is made when first read (relay-pages.ts), which
      // Object.assign would do at once.
      if (page) Object.defineProperties(this, Object.getOwnPropertyDescriptors(page));
    }

    @Field(() => [Edge], { description: 'The rows of this page with their cursors.' })
    edges!: Edge[];

    @Field(() => [nodeType], { description: 'The rows of this page (edges without cursors).' })
    nodes!: TNode[];

    @Field(() => PageInfo, { description: 'How to get the next or previous page.' })
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'How many rows match the filter, over all pages.' })
    totalCount(): Promise<number> {
      return this.totals!.count();
    }

    @Field(() => aggregateType, {
      description: 'Count, sum, average, minimum and maximum over every row matching the filter.',
    })
    aggregate(): Promise<TAggregate> {
      return this.totals!.aggregate() as unknown as Promise<TAggregate>;
    }
  }

  return Connection;
}
