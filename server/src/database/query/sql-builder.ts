import type { SqlDialect } from './sql-dialect';

/** Collects the positional parameters of one statement and hands out unique table aliases. */
export class SqlBuilder {
  readonly params: unknown[] = [];
  private aliasCount = 0;

  constructor(readonly dialect: SqlDialect) {}

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
}
