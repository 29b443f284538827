import { databaseIdOf } from '../../core/global-id';
import { compileBooleanCondition } from './boolean-condition';
import {
  type CollectionSpec,
  columnSql,
  type RelationSpec,
  type ScalarSpec,
} from './collection-spec';
import { semiJoin } from './relation-graph';
import type { SqlBuilder } from './sql-builder';
import { checkedText, type ComparisonOperand, compileComparison } from './sql-comparison';

/** How deep a filter may nest (`and`, `or`, `not` and relations). */
const MAX_FILTER_DEPTH = 8;

type FilterInput = Record<string, unknown>;

/**
 * Compiles a filter input (`{ status: { in: [FUNDED] }, leadPole: { region: { code: { eq: "84" } } } }`)
 * into an SQL condition over `alias`, or `null` when it filters nothing. Values become
 * parameters; `path` names the argument in errors (e.g. ['filter', 'leadPole', 'id', 'eq']).
 */
export function compileFilter(
  spec: CollectionSpec,
  filter: FilterInput | null | undefined,
  alias: string,
  sql: SqlBuilder,
  path: readonly string[] = ['filter'],
  depth = 0,
): string | null {
  return compileBooleanCondition(
    filter,
    path,
    MAX_FILTER_DEPTH,
    (key, value, here, level) => {
      if (key in spec.scalars) {
        return compileScalar(spec, key, spec.scalars[key], value as FilterInput, alias, sql, here);
      }
      if (!(key in spec.relations))
        throw new Error(`${spec.typeName} filter has no field "${key}"`);
      return compileRelation(
        spec,
        spec.relations[key],
        value as FilterInput,
        alias,
        sql,
        here,
        level,
      );
    },
    depth,
  );
}

/**
 * A relation filter as semi-joins on the join keys (relation-graph.ts). A detail-only relation
 * exists only where the caller may read the detail of its guarded end: elsewhere it matches
 * nothing, and the response warns that the filter touched hidden data.
 */
function compileRelation(
  spec: CollectionSpec,
  relation: RelationSpec,
  value: FilterInput,
  alias: string,
  sql: SqlBuilder,
  path: readonly string[],
  level: number,
): string {
  const target = relation.target();
  const guard = relation.detail;
  const selfDetail = guard?.side === 'self' ? sql.access.detail(guard.typeName, alias) : null;
  let hidden = selfDetail !== null;
  const exists = semiJoin(relation.paths, {
    selfTable: spec.table,
    outer: alias,
    target,
    alias: () => sql.alias(),
    condition: (inner) => {
      const targetDetail =
        guard?.side === 'target' ? sql.access.detail(guard.typeName, inner) : null;
      if (targetDetail !== null) hidden = true;
      const conditions = [
        sql.access.rows(target.typeName, inner),
        targetDetail,
        compileFilter(target, value, inner, sql, path, level + 1),
      ].filter(Boolean);
      return conditions.length > 0 ? conditions.join(' AND ') : null;
    },
  });
  if (hidden) sql.access.noteHidden(path);
  return selfDetail ? `(${selfDetail} AND ${exists})` : exists;
}

function compileScalar(
  spec: CollectionSpec,
  fieldName: string,
  scalar: ScalarSpec,
  operators: FilterInput,
  alias: string,
  sql: SqlBuilder,
  path: readonly string[],
): string | null {
  if (sql.access.field(spec.typeName, fieldName, alias) !== null) sql.access.noteHidden(path);
  const operand: ComparisonOperand = {
    expression: sql.visible(spec.typeName, fieldName, alias, columnSql(scalar, alias)),
    placeholder: (raw, at) => sql.param(toDatabaseValue(spec, scalar, raw, at, sql)),
    text: true,
  };
  return compileComparison(operand, operators, sql, path);
}

function toDatabaseValue(
  spec: CollectionSpec,
  scalar: ScalarSpec,
  raw: unknown,
  path: readonly string[],
  sql: SqlBuilder,
): unknown {
  switch (scalar.kind) {
    case 'decimal':
      // SQLite compares a text parameter with a number as "larger" unless the other side is a
      // column with numeric affinity, which a permission-wrapped expression is not.
      return sql.dialect.kind === 'sqlite' ? Number(raw) : raw;
    case 'id':
      return databaseIdOf(String(raw), spec.typeName, path);
    case 'boolean':
      return raw ? 1 : 0;
    case 'string':
      return checkedText(raw, path);
    case 'datetime':
      return raw instanceof Date ? raw.toISOString().replace('T', ' ').replace('Z', '') : raw;
    default:
      return raw;
  }
}
