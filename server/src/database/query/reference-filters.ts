import type { DataSource } from 'typeorm';

import { type KeptRows, readStatementRows, statementKey } from './kept-reads';
import type { ReferenceIdLookup } from './sql-builder';
import { dialectOf } from './sql-dialect';

/**
 * The ids of the reference rows (programmes, regions, themes…) a relation filter matches, for
 * the databases whose planner needs them in the statement (`SqlDialect.referenceFiltersAsIds`,
 * which says why): `project.programme: { level: { eq: EUROPEAN } }` reaches the page's
 * statement as `programmeId IN (9, …, 17)`, not as a semi-join.
 *
 * The ids are read by their own statement, `SELECT id FROM <reference table> WHERE <the
 * filter, under the caller's access>`, kept between requests like a list's totals (by text and
 * parameters, dropped when a write commits): a page pays for it on its first request only.
 *
 * Statements are built synchronously, so resolving takes two builds (`withReferenceIds`): the
 * first asks `idsOf` for each reference filter and keeps a semi-join where the ids are not known
 * yet; if any were missing they are read, and the statement is built again with all of them.
 */
export class ReferenceIds implements ReferenceIdLookup {
  private readonly resolved = new Map<string, readonly number[]>();
  private readonly missing = new Map<string, { text: string; params: readonly unknown[] }>();

  constructor(private readonly kept?: KeptRows) {}

  /** The ids `text` (a statement reading `id`) selects if known now; otherwise noted, undefined. */
  idsOf(text: string, params: readonly unknown[]): readonly number[] | undefined {
    const key = statementKey(text, params);
    const known = this.resolved.get(key) ?? this.kept?.current(key)?.map(idOf);
    if (known === undefined) this.missing.set(key, { text, params });
    return known;
  }

  /** Reads the ids noted as missing; whether there were any. */
  async resolve(dataSource: DataSource): Promise<boolean> {
    if (this.missing.size === 0) return false;
    const missing = [...this.missing];
    this.missing.clear();
    await Promise.all(
      missing.map(async ([key, { text, params }]) => {
        const rows = await readStatementRows(dataSource, text, params, this.kept);
        this.resolved.set(key, rows.map(idOf));
      }),
    );
    return true;
  }
}

function idOf(row: Record<string, unknown>): number {
  return Number(row.id);
}

/**
 * `build(references)`, with the ids of every reference filter it meets known: built once when
 * they are all kept already, twice otherwise; built once, without them, where the dialect keeps
 * semi-joins (SQLite: no lookup made for every statement of every page).
 */
export async function withReferenceIds<T>(
  dataSource: DataSource,
  kept: KeptRows | undefined,
  build: (references?: ReferenceIds) => T,
): Promise<T> {
  if (!dialectOf(dataSource).referenceFiltersAsIds) return build();
  const references = new ReferenceIds(kept);
  const built = build(references);
  return (await references.resolve(dataSource)) ? build(references) : built;
}
