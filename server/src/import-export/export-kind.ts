import type { DataSource } from 'typeorm';

import { readRows } from '../database/database';
import type { CollectionSpec } from '../database/query/collection-spec';

/*
 * What an export is (its list, its columns, the lookups its columns read), shared by the export
 * kinds (project.export.ts, member.export.ts), the filter parser and the export loop.
 */

export type ExportKindName = 'projects' | 'members';
export const EXPORT_KIND_NAMES: readonly ExportKindName[] = ['projects', 'members'];

export function isExportKindName(name: string): name is ExportKindName {
  return (EXPORT_KIND_NAMES as readonly string[]).includes(name);
}

/** A request the export cannot serve (bad filter JSON, unknown field): exit 1 with this message. */
export class ExportRequestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExportRequestError';
  }
}

export interface ExportColumn<T> {
  header: string;
  description: string;
  value(row: T, lookups: ExportLookups): string | number | null;
  amount?: boolean;
  /** Confidential: empty for the rows whose detail the caller may not read. */
  detail?: boolean;
}

export interface ExportLookups {
  programmeCodeById: ReadonlyMap<number, string>;
  poleSlugById: ReadonlyMap<number, string>;
  regionCodeById: ReadonlyMap<number, string>;
  /** Partners per project of the current page. */
  partnerCountByProjectId: ReadonlyMap<number, number>;
  /** `SIREN:ROLE:share` items per project of the current page, as the import reads them. */
  partnersByProjectId: ReadonlyMap<number, string[]>;
  coLabellingSlugsByProjectId: ReadonlyMap<number, string[]>;
  themeCodesByProjectId: ReadonlyMap<number, string[]>;
}

export interface ExportKind<T> {
  /** The list the rows come from; its type is the one whose detail the policy decides. */
  spec: CollectionSpec;
  /** Name of the GraphQL filter input type `--filter` must fit. */
  filterType: string;
  columns: readonly ExportColumn<T>[];
  /** Per-page lookups beyond the small reference tables. */
  pageLookups?(dataSource: DataSource, rows: readonly T[]): Promise<Partial<ExportLookups>>;
}

/** `?, ?, ?` for `count` values. */
export const placeholders = (count: number) => Array.from({ length: count }, () => '?').join(', ');

/** Rows of a per-page lookup, grouped by their first column. */
export async function groupedBy(
  dataSource: DataSource,
  sql: string,
  ids: readonly number[],
  item: (row: Record<string, unknown>) => string,
): Promise<Map<number, string[]>> {
  const grouped = new Map<number, string[]>();
  if (ids.length === 0) return grouped;
  const rows = await readRows(dataSource, sql.replace('(:ids)', `(${placeholders(ids.length)})`), [
    ...ids,
  ]);
  for (const row of rows) {
    const id = Number(row.ownerId);
    grouped.set(id, [...(grouped.get(id) ?? []), item(row)]);
  }
  return grouped;
}
