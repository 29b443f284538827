import type { DataSource } from 'typeorm';

import { accessScopeOf } from '../auth/access-scope';
import { commandLineCaller } from '../auth/command-line-caller';
import { detailCondition } from '../auth/permission-policy';
import type { Caller } from '../auth/roles';
import { DomainError } from '../core/domain-error';
import { readRows } from '../database/database';
import { type KeptRows, keptRows } from '../database/query/kept-reads';
import { fetchPages, type Page } from '../database/query/relay-pages';
import { FundingProgramme } from '../funding-programme/funding-programme.entity';
import type { Member } from '../member/member.entity';
import { Pole } from '../pole/pole.entity';
import type { Project } from '../project/project.entity';
import { Region } from '../region/region.entity';
import type { CsvSeparator } from './csv-reader';
import { csvRecord, neutraliseFormula, UTF8_BOM } from './csv-writer';
import {
  type ExportColumn,
  type ExportKind,
  type ExportKindName,
  type ExportLookups,
  ExportRequestError,
  placeholders,
} from './export-kind';
import { MEMBER_EXPORT } from './member.export';
import { PROJECT_EXPORT } from './project.export';

export type ExportFormat = 'csv' | 'ndjson';

export interface ExportOptions {
  /** Whose rights the rows and columns follow. @default an administrator (the command line) */
  caller?: Caller;
  /** CSV (UTF-8 BOM, header, RFC 4180) or NDJSON (one JSON object per line, CSV header keys). @default 'csv' */
  format?: ExportFormat;
  /** A `ProjectFilter` or `MemberFilter`, as `parseExportFilter` returns it; everything when absent. */
  filter?: Record<string, unknown> | null;
  /** `;` for spreadsheets in French (and most European) locales. @default ',' */
  separator?: CsvSeparator;
  /** Write amounts with a decimal comma (1250000,50), as French spreadsheets expect. @default false */
  decimalComma?: boolean;
}

/** Keyset pages of the list engine's largest size: memory stays flat whatever the row count. */
const PAGE_SIZE = 100;

/** The columns of each export, for the README. */
export const EXPORT_COLUMNS: Readonly<
  Record<ExportKindName, readonly { header: string; description: string }[]>
> = {
  projects: PROJECT_EXPORT.columns,
  members: MEMBER_EXPORT.columns,
};

/** The export of `kind`. */
export function exportKindOf(kind: ExportKindName): ExportKind<Project> | ExportKind<Member> {
  return kind === 'projects' ? PROJECT_EXPORT : MEMBER_EXPORT;
}

/**
 * Writes the export of `kind` to `write`, one chunk per page of 100 rows: CSV (UTF-8 BOM,
 * header, RFC 4180 quoting, CRLF) or NDJSON (one object per line, keyed by the CSV header).
 * Rows come from the list engine with the caller's rights and the same filter compiler as the
 * GraphQL lists, paged by keyset cursor on the primary key (an index: each page costs the same
 * however deep the export, so the whole export is linear in its rows). Confidential columns are
 * empty on rows whose detail the caller may not read. Awaits `write` (backpressure).
 */
export async function exportRows(
  dataSource: DataSource,
  kind: ExportKindName,
  options: ExportOptions,
  write: (chunk: string) => unknown,
): Promise<{ rows: number }> {
  return kind === 'projects'
    ? runExport(dataSource, PROJECT_EXPORT, options, write)
    : runExport(dataSource, MEMBER_EXPORT, options, write);
}

/** The CSV export (the command line's name for `exportRows` in CSV). */
export const exportCsv = exportRows;

async function runExport<T extends { id: number }>(
  dataSource: DataSource,
  kind: ExportKind<T>,
  options: ExportOptions,
  write: (chunk: string) => unknown,
): Promise<{ rows: number }> {
  const separator = options.separator ?? ',';
  const ndjson = options.format === 'ndjson';
  // The command line acts as an administrator (it holds the database credentials anyway).
  const caller = options.caller ?? commandLineCaller('export');
  const access = accessScopeOf(caller);
  const [programmes, poles, regions] = await Promise.all([
    dataSource.manager.find(FundingProgramme, { select: { id: true, code: true } }),
    dataSource.manager.find(Pole, { select: { id: true, slug: true } }),
    dataSource.manager.find(Region, { select: { id: true, code: true } }),
  ]);
  const references: ExportLookups = {
    programmeCodeById: new Map(programmes.map((programme) => [programme.id, programme.code])),
    poleSlugById: new Map(poles.map((pole) => [pole.id, pole.slug])),
    regionCodeById: new Map(regions.map((region) => [region.id, region.code])),
    partnerCountByProjectId: new Map(),
    partnersByProjectId: new Map(),
    coLabellingSlugsByProjectId: new Map(),
    themeCodesByProjectId: new Map(),
  };
  const detailColumns = kind.columns.some((column) => column.detail);
  const value = (column: ExportColumn<T>, row: T, lookups: ExportLookups, detail: boolean) => {
    if (column.detail && !detail) return null;
    const raw = column.value(row, lookups);
    return raw === '' ? null : raw;
  };
  const csvCell = (raw: string | number | null, column: ExportColumn<T>) => {
    if (typeof raw !== 'string') return raw;
    return column.amount && options.decimalComma ? raw.replace('.', ',') : neutraliseFormula(raw);
  };

  let rows = 0;
  let after: string | null = null;
  let first = true;
  // The ids a filter on a reference table matches (MySQL/MariaDB: reference-filters.ts), read
  // once for the whole export rather than once per page.
  const kept = keptRows(Number.POSITIVE_INFINITY);
  do {
    const page: Page<T> = await fetchPage<T>(
      dataSource,
      kind,
      options.filter ?? null,
      after,
      access,
      kept,
    );
    const lookups: ExportLookups = {
      ...references,
      ...(await kind.pageLookups?.(dataSource, page.nodes)),
    };
    const withDetail = detailColumns
      ? await idsWithDetail(dataSource, kind, caller, page.nodes)
      : new Set<number>();
    let chunk =
      first && !ndjson
        ? UTF8_BOM +
          csvRecord(
            kind.columns.map((column) => column.header),
            separator,
          )
        : '';
    for (const row of page.nodes) {
      const detail = withDetail.has(row.id);
      if (ndjson) {
        const object: Record<string, string | number | null> = {};
        for (const column of kind.columns)
          object[column.header] = value(column, row, lookups, detail);
        chunk += `${JSON.stringify(object)}\n`;
      } else {
        chunk += csvRecord(
          kind.columns.map((column) => csvCell(value(column, row, lookups, detail), column)),
          separator,
        );
      }
    }
    if (chunk !== '') await write(chunk);
    rows += page.nodes.length;
    first = false;
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after !== null);
  return { rows };
}

/** The ids of `rows` whose detail `caller` may read: the permission policy's own condition. */
async function idsWithDetail<T extends { id: number }>(
  dataSource: DataSource,
  kind: ExportKind<T>,
  caller: Caller,
  rows: readonly T[],
): Promise<Set<number>> {
  const ids = rows.map((row) => row.id);
  const condition = detailCondition(caller, kind.spec.typeName, 'd');
  if (condition === null || ids.length === 0) return new Set(ids);
  const visible = await readRows<{ id: number | string }>(
    dataSource,
    `SELECT d.\`id\` AS id FROM \`${kind.spec.table}\` d WHERE d.\`id\` IN (${placeholders(ids.length)}) AND ${condition}`,
    ids,
  );
  return new Set(visible.map((row) => Number(row.id)));
}

async function fetchPage<T extends object>(
  dataSource: DataSource,
  kind: ExportKind<T>,
  filter: Record<string, unknown> | null,
  after: string | null,
  access: ReturnType<typeof accessScopeOf>,
  kept: KeptRows,
): Promise<Page<T>> {
  try {
    // No sort key but the primary key: keyset pages then walk the id index.
    const pages = await fetchPages<T>(
      dataSource,
      kind.spec,
      { filter, orderBy: [], first: PAGE_SIZE, after },
      { defaultOrder: [], access, kept },
    );
    return pages.get(null)!;
  } catch (error) {
    // The filter compiler's refusals (an id of the wrong type, too many values) are the user's to fix.
    if (error instanceof DomainError) throw new ExportRequestError(`filter: ${error.message}`);
    throw error;
  }
}
