import type { SqlDialect } from './sql-dialect';

/**
 * What the caller may see, as SQL: the permission policy plugs in here, so every statement the
 * list engine builds (pages, counts, aggregates, filters, lookups) carries the same rules.
 */
export interface AccessScope {
  /** Condition on `alias` limiting the rows of `typeName` to those the caller may see; null: all. */
  rows(typeName: string, alias: string): string | null;
  /** Condition on `alias` under which `field` of `typeName` is visible; null: always. */
  field(typeName: string, field: string, alias: string): string | null;
  /** Condition on `alias` under which the caller may read the detail of a `typeName` row. */
  detail(typeName: string, alias: string): string | null;
  /** Told that the filter at `path` reads data hidden from the caller on some rows. */
  noteHidden(path: readonly string[]): void;
}

/**
 * The ids of the rows a statement selects (`SELECT id FROM <reference table> WHERE …`) when
 * they are known, undefined while they are not (reference-filters.ts).
 */
export interface ReferenceIdLookup {
  idsOf(text: string, params: readonly unknown[]): readonly number[] | undefined;
}

export const UNRESTRICTED: AccessScope = {
  rows: () => null,
  field: () => null,
  detail: () => null,
  noteHidden: () => undefined,
};

/** Collects the positional parameters of one statement and hands out unique table aliases. */
export class SqlBuilder {
  readonly params: unknown[] = [];
  private aliasCount = 0;

  constructor(
    readonly dialect: SqlDialect,
    readonly access: AccessScope = UNRESTRICTED,
    /**
     * Where relation filters on reference tables find the ids they match, on the databases
     * that want ids (reference-filters.ts); without it they stay semi-joins.
     */
    readonly references?: ReferenceIdLookup,
  ) {}

  /** Appends `value` and returns its placeholder. */
  param(value: unknown): string {
    this.params.push(value);
    return '?';
  }

  /** Placeholders for a list of values: `?, ?, ?`. */
  paramList(values: readonly unknown[]): string {
    return values.map((value) => this.param(value)).join(', ');
  }

  alias(prefix = 't'): string {
    return `${prefix}${this.aliasCount++}`;
  }

  /**
   * `expression` as the caller may see it: a restricted field reads as NULL on rows whose
   * detail the caller may not see, in filters, sort keys and sums alike.
   */
  visible(typeName: string, field: string, alias: string, expression: string): string {
    const condition = this.access.field(typeName, field, alias);
    return condition ? `CASE WHEN ${condition} THEN ${expression} END` : expression;
  }
}
