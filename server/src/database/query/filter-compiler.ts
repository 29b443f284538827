import { databaseIdOf } from '../../core/global-id';
import { compileBooleanCondition } from './boolean-condition';
import {
  type CollectionSpec,
  columnSql,
  type RelationSpec,
  type ScalarSpec,
} from './collection-spec';
import { semiJoin } from './relation-graph';
import { SqlBuilder } from './sql-builder';
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
  options: CompileOptions = {},
): string | null {
  const correlated = options.rowsBounded === true || boundsOwnRows(spec, filter);
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
        correlated,
      );
    },
    depth,
  );
}

export interface CompileOptions {
  /**
   * The statement's rows are already few whatever the filter says (a nested list under its
   * parents' ids): relation filters then probe per row (`EXISTS`) instead of building the
   * related set (`IN`).
   */
  rowsBounded?: boolean;
}

/**
 * Whether the filter bounds its own rows by an equality (`eq` with a value, `in`) on a column of
 * theirs, at its top level or in an `and`: every filterable column is indexed (see
 * test/read-api/filter-indexes.test.ts), so the database starts from those rows, and a relation
 * filter beside it is cheapest as a correlated `EXISTS` probed from each of them. Measured on
 * SQLite, national dataset: projects FUNDED (60 rows) with a partner in region 84, `EXISTS`
 * 0.3 ms against 20 ms for `IN`, which first lists the region's 3,600 partnerships; even with
 * the least selective status (REJECTED, 4,239 rows) both take 38 ms. Without such an equality
 * the outer side is the whole table and `IN` wins (26 ms against 60 ms). MariaDB plans both
 * shapes as the same semi-join.
 */
export function boundsOwnRows(
  spec: CollectionSpec,
  filter: FilterInput | null | undefined,
): boolean {
  if (!filter) return false;
  for (const [key, value] of Object.entries(filter)) {
    if (value === null || value === undefined) continue;
    if (key === 'and') {
      if ((value as FilterInput[]).some((item) => boundsOwnRows(spec, item))) return true;
    } else if (key in spec.scalars) {
      const operators = value as FilterInput;
      if ((operators.eq !== undefined && operators.eq !== null) || Array.isArray(operators.in)) {
        return true;
      }
    }
  }
  return false;
}

/**
 * A relation filter as semi-joins on the join keys (relation-graph.ts), correlated when the
 * outer rows are already bounded (see `boundsOwnRows`). A detail-only relation
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
  correlated: boolean,
): string {
  const ids = referenceIds(relation, value, sql, path, level);
  if (ids?.length === 0) return '1 = 0';
  if (ids && relation.foreignKey)
    return `${alias}.\`${relation.foreignKey}\` IN (${sql.paramList(ids)})`;
  const target = relation.target();
  const guard = relation.detail;
  const selfDetail = guard?.side === 'self' ? sql.access.detail(guard.typeName, alias) : null;
  let hidden = selfDetail !== null;
  const exists = semiJoin(relation.paths, {
    selfTable: spec.table,
    outer: alias,
    target,
    alias: () => sql.alias(),
    correlated,
    targetIds: ids && (() => sql.paramList(ids)),
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

/**
 * The ids of the reference rows (a `loadWhole` collection) that `value` matches under the
 * caller's access, where the dialect wants them (reference-filters.ts): a foreign key of the
 * row's own is compared with them, a join table's key likewise (the reference table unread);
 * undefined where the filter stays a semi-join on the reference table, or while the ids are not
 * known yet.
 */
function referenceIds(
  relation: RelationSpec,
  value: FilterInput,
  sql: SqlBuilder,
  path: readonly string[],
  level: number,
): readonly number[] | undefined {
  if (!sql.references || !sql.dialect.referenceFiltersAsIds) return undefined;
  const target = relation.target();
  if (!target.loadWhole || relation.detail) return undefined;
  const inner = new SqlBuilder(sql.dialect, sql.access);
  const row = inner.alias();
  const conditions = [
    sql.access.rows(target.typeName, row),
    compileFilter(target, value, row, inner, path, level + 1),
  ].filter(Boolean);
  if (conditions.length === 0) return undefined;
  return sql.references.idsOf(
    `SELECT ${row}.\`id\` FROM \`${target.table}\` ${row} WHERE ${conditions.join(' AND ')}`,
    inner.params,
  );
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
  const expression = sql.visible(spec.typeName, fieldName, alias, columnSql(scalar, alias));
  const operand: ComparisonOperand = {
    expression,
    placeholder: (raw, at) => sql.param(toDatabaseValue(spec, scalar, raw, at, sql)),
    text: true,
    // A derived flag (`active`: "($.`endDate` IS NULL)") is a condition itself.
    condition: scalar.kind === 'boolean' && expression.startsWith('('),
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
