import { type Hop, type Relationship, RELATIONSHIPS } from '../relationships';
import type { CollectionDeclaration, CollectionSpec, RelationSpec } from './collection-spec';
import type { SqlBuilder } from './sql-builder';

/**
 * The relation graph as the list engine uses it: each collection's relations derived from
 * `RELATIONSHIPS` (both directions from one declaration), and the SQL shapes a relation takes —
 * semi-joins (`key IN (SELECT key …)`) for filters and policies, pairs for nested lists.
 */

const COLLECTIONS = new Map<string, CollectionSpec>();

/**
 * Registers a collection and gives it its relations, derived on first use from the relation
 * graph; collections name their neighbours by type, so no collection file imports another.
 */
export function defineCollection(declaration: CollectionDeclaration): CollectionSpec {
  let relations: Record<string, RelationSpec> | undefined;
  const spec = { ...declaration } as CollectionSpec;
  Object.defineProperty(spec, 'relations', {
    enumerable: true,
    get: () => (relations ??= relationsOf(declaration.typeName)),
  });
  COLLECTIONS.set(declaration.typeName, spec);
  return spec;
}

/** Every collection registered so far (features.ts defines them all when it loads). */
export function definedCollections(): Iterable<CollectionSpec> {
  return COLLECTIONS.values();
}

export function collectionOf(typeName: string): CollectionSpec {
  const spec = COLLECTIONS.get(typeName);
  if (!spec) throw new Error(`No collection is defined for ${typeName}`);
  return spec;
}

function oriented(relationship: Relationship, side: 'a' | 'b'): Hop[][] {
  if (side === 'a') return relationship.paths.map((path) => [...path]);
  return relationship.paths.map((path) =>
    [...path].reverse().map((hop) => ({ ...hop, from: hop.to, to: hop.from })),
  );
}

const RELATIONS = new Map<string, Record<string, RelationSpec>>();

function relationsOf(typeName: string): Record<string, RelationSpec> {
  let relations = RELATIONS.get(typeName);
  if (!relations) {
    relations = deriveRelations(typeName);
    RELATIONS.set(typeName, relations);
  }
  return relations;
}

function deriveRelations(typeName: string): Record<string, RelationSpec> {
  const relations: Record<string, RelationSpec> = {};
  for (const relationship of RELATIONSHIPS) {
    for (const side of ['a', 'b'] as const) {
      const self = relationship[side];
      const other = relationship[side === 'a' ? 'b' : 'a'];
      if (self.type !== typeName || self.name === null) continue;
      const paths = oriented(relationship, side);
      const detailEnd = relationship.detailOf;
      relations[self.name] = {
        name: self.name,
        description: self.description ?? '',
        target: () => collectionOf(other.type),
        paths,
        pairs: pairsSql(paths),
        foreignKey:
          paths.length === 1 && paths[0].length === 1
            ? ownColumn(paths[0][0], collectionOf(typeName).table)
            : null,
        detail: detailEnd
          ? {
              typeName: relationship[detailEnd].type,
              side: detailEnd === side ? 'self' : 'target',
            }
          : null,
      };
    }
  }
  return relations;
}

/** The column a hop reads when it is a foreign key of the row itself (a partner's `projectId`). */
function ownColumn(hop: Hop, selfTable: string): string | null {
  return hop.table === selfTable && hop.from === 'id' && !hop.where ? hop.to : null;
}

function hopWhere(hop: Hop, alias: string): string | null {
  return hop.where ? hop.where.replaceAll('$', alias) : null;
}

/** `FROM … JOIN …` over the hops of a path, aliased `<prefix>0…`, with the hops' conditions. */
function chain(hops: readonly Hop[], prefix: string): { from: string; where: string[] } {
  let from = '';
  const where: string[] = [];
  hops.forEach((hop, index) => {
    const alias = `${prefix}${index}`;
    from +=
      index === 0
        ? `\`${hop.table}\` ${alias}`
        : ` JOIN \`${hop.table}\` ${alias} ON ${alias}.\`${hop.from}\` = ${prefix}${index - 1}.\`${hops[index - 1].to}\``;
    const condition = hopWhere(hop, alias);
    if (condition) where.push(condition);
  });
  return { from, where };
}

/**
 * The relation as SQL pairs (`a` = row of this collection, `b` = related row), for nested
 * lists that partition children by parent.
 */
function pairsSql(paths: readonly (readonly Hop[])[]): string {
  return paths
    .map((hops) => {
      const { from, where } = chain(hops, 'r');
      const first = `r0.\`${hops[0].from}\``;
      const last = `r${hops.length - 1}.\`${hops.at(-1)!.to}\``;
      where.push(`${first} IS NOT NULL`, `${last} IS NOT NULL`);
      // A pair reached twice (two active memberships of one pole) must list the row once.
      const distinct = paths.length === 1 && hops.some((hop) => hop.where) ? 'DISTINCT ' : '';
      return `SELECT ${distinct}${first} AS a, ${last} AS b FROM ${from} WHERE ${where.join(' AND ')}`;
    })
    .join(' UNION ');
}

export interface SemiJoinOptions {
  /** The table of the rows `outer` stands for. */
  selfTable: string;
  /** The row alias of this collection in the enclosing statement. */
  outer: string;
  target: CollectionSpec;
  /** A fresh alias for the target rows. */
  alias: () => string;
  /** Conditions on the target rows (called once per path, in textual order). */
  condition: (targetAlias: string) => string | null;
  /** `EXISTS` correlated on the join key instead of an uncorrelated `IN` (see `semiJoin`). */
  correlated?: boolean;
  /**
   * The placeholders of the ids of the target rows that match, when they are known
   * (reference-filters.ts; called once per path, in textual order): each path then compares the
   * key that names the target with them instead of reading the target's table under `condition`.
   */
  targetIds?: () => string;
}

/**
 * "The row has a related row matching `condition`", as semi-joins on the join keys, one per
 * path (OR-ed), in one of two shapes:
 *
 * - uncorrelated `key IN (SELECT key …)` (the default): the inner side runs once per statement
 *   over indexed keys; right when the outer rows are the whole table (or most of it).
 * - `correlated`: `EXISTS (SELECT 1 … WHERE key = outer.key …)`, one index probe per outer
 *   row that stops at the first match; right when the outer rows are already few (an indexed
 *   equality of their own). SQLite never turns one shape into the other: with `IN` it builds
 *   the whole inner set first (every partnership of a region: 20 ms) even when 60 outer rows
 *   remain to check (0.3 ms with `EXISTS`); MariaDB converts both into the same semi-join.
 *   The choice is the caller's (filter-compiler.ts); relation-filter-plans.test.ts pins it.
 */
export function semiJoin(paths: readonly (readonly Hop[])[], options: SemiJoinOptions): string {
  const parts = paths.map((hops) => pathSemiJoin(hops, options));
  return parts.length === 1 ? parts[0] : `(${parts.join(' OR ')})`;
}

function pathSemiJoin(path: readonly Hop[], options: SemiJoinOptions): string {
  const { outer, target } = options;
  let hops = path;
  let outerKey = `${outer}.\`id\``;
  // A foreign key of the row itself: compare the column, no need to read the table again.
  const column = ownColumn(hops[0], options.selfTable);
  if (column) {
    outerKey = `${outer}.\`${column}\``;
    hops = hops.slice(1);
  }
  const { targetIds } = options;
  if (hops.length === 0 && targetIds) return `${outerKey} IN (${targetIds()})`;
  const targetAlias = options.alias();
  if (hops.length === 0) {
    const condition = options.condition(targetAlias);
    if (!condition) return `${outerKey} IS NOT NULL`;
    if (options.correlated) {
      return `EXISTS (SELECT 1 FROM \`${target.table}\` ${targetAlias} WHERE ${targetAlias}.\`id\` = ${outerKey} AND ${condition})`;
    }
    return `${outerKey} IN (SELECT ${targetAlias}.\`id\` FROM \`${target.table}\` ${targetAlias} WHERE ${condition})`;
  }
  const prefix = `${targetAlias}h`;
  const { from, where } = chain(hops, prefix);
  const last = hops.at(-1)!;
  const lastAlias = `${prefix}${hops.length - 1}`;
  let text: string;
  let condition: string | null;
  if (targetIds) {
    // The key that names the target rows, compared with their ids: the target's table unread.
    text = from;
    condition = `${lastAlias}.\`${last.to}\` IN (${targetIds()})`;
  } else if (last.table === target.table && last.to === 'id') {
    // The last hop reads the target's own table: its rows are the target rows.
    text = from;
    condition = options.condition(lastAlias);
  } else {
    text = `${from} JOIN \`${target.table}\` ${targetAlias} ON ${targetAlias}.\`id\` = ${lastAlias}.\`${last.to}\``;
    condition = options.condition(targetAlias);
  }
  if (options.correlated) {
    where.unshift(`${prefix}0.\`${hops[0].from}\` = ${outerKey}`);
    if (condition) where.push(condition);
    return `EXISTS (SELECT 1 FROM ${text} WHERE ${where.join(' AND ')})`;
  }
  if (condition) where.push(condition);
  where.push(`${prefix}0.\`${hops[0].from}\` IS NOT NULL`);
  return `${outerKey} IN (SELECT ${prefix}0.\`${hops[0].from}\` FROM ${text} WHERE ${where.join(' AND ')})`;
}

/**
 * "`idExpression` is related through `typeName.relation` to the row whose id is `targetId`", as
 * semi-joins (for the permission policy's scopes: "projects of region 84").
 */
export function relatedTo(
  typeName: string,
  relation: string,
  idExpression: string,
  targetId: number,
  aliasPrefix: string,
): string {
  const spec = relationsOf(typeName)[relation];
  if (!spec) throw new Error(`${typeName} has no relation ${relation}`);
  const parts = spec.paths.map((hops, index) => {
    const prefix = `${aliasPrefix}${index}h`;
    const { from, where } = chain(hops, prefix);
    where.push(`${prefix}${hops.length - 1}.\`${hops.at(-1)!.to}\` = ${targetId}`);
    return `${idExpression} IN (SELECT ${prefix}0.\`${hops[0].from}\` FROM ${from} WHERE ${where.join(' AND ')})`;
  });
  return parts.length === 1 ? parts[0] : `(${parts.join(' OR ')})`;
}

/**
 * `expression` (read through `relation` from the row `selfAlias`) as the caller may see it:
 * NULL where the relation is detail-only and the caller may not read the guarded row's detail.
 */
export function visibleThrough(
  relation: RelationSpec,
  selfAlias: string,
  expression: string,
  sql: SqlBuilder,
): string {
  if (relation.detail?.side !== 'self') {
    if (relation.detail) throw new Error(`${relation.name} is guarded on its target row`);
    return expression;
  }
  const condition = sql.access.detail(relation.detail.typeName, selfAlias);
  return condition ? `CASE WHEN ${condition} THEN ${expression} END` : expression;
}
