import { coerceInputValue, type GraphQLSchema, isInputObjectType } from 'graphql';
import { type DataSource, In } from 'typeorm';

import { accessScopeOf } from '../auth/access-scope';
import { commandLineCaller } from '../auth/command-line-caller';
import { detailCondition } from '../auth/permission-policy';
import type { Caller } from '../auth/roles';
import { DomainError } from '../core/domain-error';
import { readRows } from '../database/database';
import type { CollectionSpec } from '../database/query/collection-spec';
import { fetchPages, type Page } from '../database/query/relay-pages';
import { FundingProgramme } from '../funding-programme/funding-programme.entity';
import { MEMBER_COLLECTION } from '../member/member.collection';
import type { Member } from '../member/member.entity';
import { Pole } from '../pole/pole.entity';
import { PROJECT_COLLECTION } from '../project/project.collection';
import type { Project } from '../project/project.entity';
import { ProjectPartner } from '../project/project-partner.entity';
import { Region } from '../region/region.entity';
import type { CsvSeparator } from './csv-reader';
import { csvRecord, neutraliseFormula, UTF8_BOM } from './csv-writer';
import { LIST_SEPARATOR } from './import-kind';

export type ExportKindName = 'projects' | 'members';
export const EXPORT_KIND_NAMES: readonly ExportKindName[] = ['projects', 'members'];

export function isExportKindName(name: string): name is ExportKindName {
  return (EXPORT_KIND_NAMES as readonly string[]).includes(name);
}

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

/** A request the export cannot serve (bad filter JSON, unknown field): exit 1 with this message. */
export class ExportRequestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExportRequestError';
  }
}

/** Keyset pages of the list engine's largest size: memory stays flat whatever the row count. */
const PAGE_SIZE = 100;

interface ExportColumn<T> {
  header: string;
  description: string;
  value(row: T, lookups: Lookups): string | number | null;
  amount?: boolean;
  /** Confidential: empty for the rows whose detail the caller may not read. */
  detail?: boolean;
}

interface Lookups {
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

interface ExportKind<T> {
  spec: CollectionSpec;
  /** The GraphQL type: whose detail the permission policy decides. */
  typeName: string;
  table: string;
  /** Name of the GraphQL filter input type `--filter` must fit. */
  filterType: string;
  columns: readonly ExportColumn<T>[];
  /** Per-page lookups beyond the small reference tables. */
  pageLookups?(dataSource: DataSource, rows: readonly T[]): Promise<Partial<Lookups>>;
}

/** `?, ?, ?` for `count` values. */
const placeholders = (count: number) => Array.from({ length: count }, () => '?').join(', ');

/** Rows of a per-page lookup, grouped by their first column. */
async function groupedBy(
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

const PROJECT_EXPORT: ExportKind<Project> = {
  spec: PROJECT_COLLECTION,
  typeName: 'Project',
  table: 'project',
  filterType: 'ProjectFilter',
  columns: [
    { header: 'acronym', description: 'Acronym.', value: (project) => project.acronym },
    { header: 'title', description: 'Full title.', value: (project) => project.title },
    {
      header: 'status',
      description:
        'DRAFT, SUBMITTED, LABELLED, FUNDED, IN_PROGRESS, COMPLETED, REJECTED or ABANDONED.',
      value: (project) => project.status,
    },
    {
      header: 'programmeCode',
      description: 'Code of the funding programme.',
      value: (project, { programmeCodeById }) => programmeCodeById.get(project.programmeId) ?? null,
    },
    {
      header: 'leadPoleSlug',
      description: 'Slug of the lead pole.',
      value: (project, { poleSlugById }) => poleSlugById.get(project.leadPoleId) ?? null,
    },
    {
      header: 'submittedOn',
      description: 'Submission date, YYYY-MM-DD.',
      value: (project) => project.submittedOn,
    },
    {
      header: 'decisionOn',
      description: 'Funding decision date.',
      value: (project) => project.decisionOn,
    },
    { header: 'startOn', description: 'Start date.', value: (project) => project.startOn },
    { header: 'endOn', description: 'End date.', value: (project) => project.endOn },
    {
      header: 'totalBudget',
      description: 'Total budget in euros.',
      amount: true,
      detail: true,
      value: (project) => project.totalBudget,
    },
    {
      header: 'publicFundingRequested',
      description: 'Public funding requested in euros.',
      amount: true,
      detail: true,
      value: (project) => project.publicFundingRequested,
    },
    {
      header: 'publicFundingGranted',
      description: 'Public funding granted in euros; empty when none yet.',
      amount: true,
      detail: true,
      value: (project) => project.publicFundingGranted,
    },
    {
      header: 'partnerCount',
      description: 'Number of partners (all roles).',
      value: (project, { partnerCountByProjectId }) => partnerCountByProjectId.get(project.id) ?? 0,
    },
    { header: 'summary', description: 'Public summary.', value: (project) => project.summary },
    {
      header: 'coLabellingPoleSlugs',
      description: '`|`-separated slugs of the co-labelling poles.',
      value: (project, { coLabellingSlugsByProjectId }) =>
        (coLabellingSlugsByProjectId.get(project.id) ?? []).join(LIST_SEPARATOR),
    },
    {
      header: 'themeCodes',
      description: '`|`-separated theme codes.',
      value: (project, { themeCodesByProjectId }) =>
        (themeCodesByProjectId.get(project.id) ?? []).join(LIST_SEPARATOR),
    },
    {
      header: 'partners',
      description: '`|`-separated `SIREN:ROLE:share` (share in percent), as the import reads them.',
      detail: true,
      value: (project, { partnersByProjectId }) =>
        (partnersByProjectId.get(project.id) ?? []).join(LIST_SEPARATOR),
    },
  ],
  async pageLookups(dataSource, projects) {
    const partnerCountByProjectId = new Map<number, number>();
    if (projects.length === 0) return { partnerCountByProjectId };
    const ids = projects.map((project) => project.id);
    const [partnersByProjectId, coLabellingSlugsByProjectId, themeCodesByProjectId] =
      await Promise.all([
        groupedBy(
          dataSource,
          'SELECT pp.`projectId` AS ownerId, m.`siren` AS siren, pp.`role` AS role, ' +
            'pp.`budgetSharePercent` AS share FROM `project_partner` pp ' +
            'JOIN `member` m ON m.`id` = pp.`memberId` WHERE pp.`projectId` IN (:ids) ' +
            'ORDER BY pp.`projectId`, pp.`id`',
          ids,
          // A DECIMAL(5,2) percentage: the same two decimals from SQLite and MySQL.
          (row) => `${String(row.siren)}:${String(row.role)}:${Number(row.share).toFixed(2)}`,
        ),
        groupedBy(
          dataSource,
          'SELECT c.`projectId` AS ownerId, p.`slug` AS slug FROM `project_co_labelling_pole` c ' +
            'JOIN `pole` p ON p.`id` = c.`poleId` WHERE c.`projectId` IN (:ids) ORDER BY p.`slug`',
          ids,
          (row) => String(row.slug),
        ),
        groupedBy(
          dataSource,
          'SELECT pt.`projectId` AS ownerId, t.`code` AS code FROM `project_theme` pt ' +
            'JOIN `theme` t ON t.`id` = pt.`themeId` WHERE pt.`projectId` IN (:ids) ORDER BY t.`code`',
          ids,
          (row) => String(row.code),
        ),
      ]);
    const counts = await dataSource
      .createQueryBuilder(ProjectPartner, 'partner')
      .select('partner.projectId', 'projectId')
      .addSelect('COUNT(*)', 'partners')
      .where({ projectId: In(projects.map((project) => project.id)) })
      .groupBy('partner.projectId')
      .getRawMany<{ projectId: number | string; partners: number | string }>();
    for (const row of counts)
      partnerCountByProjectId.set(Number(row.projectId), Number(row.partners));
    return {
      partnerCountByProjectId,
      partnersByProjectId,
      coLabellingSlugsByProjectId,
      themeCodesByProjectId,
    };
  },
};

const MEMBER_EXPORT: ExportKind<Member> = {
  spec: MEMBER_COLLECTION,
  typeName: 'Member',
  table: 'member',
  filterType: 'MemberFilter',
  columns: [
    { header: 'name', description: 'Name of the organisation.', value: (member) => member.name },
    { header: 'siren', description: 'SIREN.', value: (member) => member.siren },
    {
      header: 'category',
      description: 'MICRO, SME, MID_SIZE, LARGE, RESEARCH, TRAINING, PUBLIC_BODY or OTHER.',
      value: (member) => member.category,
    },
    {
      header: 'regionCode',
      description: 'INSEE code of the region.',
      value: (member, { regionCodeById }) => regionCodeById.get(member.regionId) ?? null,
    },
    { header: 'city', description: 'City.', value: (member) => member.city },
    {
      header: 'headcount',
      description: 'Headcount; empty when unknown.',
      value: (member) => member.headcount,
    },
    { header: 'website', description: 'Website address.', value: (member) => member.website },
    {
      header: 'contactName',
      description: 'Contact person (confidential).',
      detail: true,
      value: (member) => member.contactName,
    },
    {
      header: 'contactEmail',
      description: 'Contact e-mail (confidential).',
      detail: true,
      value: (member) => member.contactEmail,
    },
  ],
};

/** The columns of each export, for the README. */
export const EXPORT_COLUMNS: Readonly<
  Record<ExportKindName, readonly { header: string; description: string }[]>
> = {
  projects: PROJECT_EXPORT.columns,
  members: MEMBER_EXPORT.columns,
};

/**
 * Reads `--filter '<json>'` exactly as GraphQL reads a `ProjectFilter` / `MemberFilter`
 * variable (same fields, operators, enums and scalars, "did you mean" hints included), so a
 * filter tried in the playground works here unchanged.
 */
export async function parseExportFilter(
  schema: GraphQLSchema,
  kind: ExportKindName,
  json: string,
  /** How the filter was given, for messages: `--filter` or `filter` (the HTTP parameter). */
  label = '--filter',
): Promise<Record<string, unknown>> {
  const typeName = exportKindOf(kind).filterType;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    throw new ExportRequestError(
      `${label} is not valid JSON (${(error as Error).message}): quote it in single quotes, e.g. --filter '{"status":{"eq":"FUNDED"}}'`,
    );
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ExportRequestError(
      `${label} must be a JSON object of type ${typeName}, e.g. {"status":{"eq":"FUNDED"}}`,
    );
  }
  const filterType = schema.getType(typeName);
  if (!isInputObjectType(filterType)) throw new Error(`The schema has no input type ${typeName}`);
  const problems: string[] = [];
  const coerced = coerceInputValue(value, filterType, (path, _invalid, error) => {
    problems.push(`${path.length > 0 ? `filter.${path.join('.')}: ` : ''}${error.message}`);
  });
  if (problems.length > 0)
    throw new ExportRequestError(`${label} does not fit ${typeName}: ${problems.join('; ')}`);
  return coerced as Record<string, unknown>;
}

function exportKindOf(kind: ExportKindName): ExportKind<Project> | ExportKind<Member> {
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
  const references: Lookups = {
    programmeCodeById: new Map(programmes.map((programme) => [programme.id, programme.code])),
    poleSlugById: new Map(poles.map((pole) => [pole.id, pole.slug])),
    regionCodeById: new Map(regions.map((region) => [region.id, region.code])),
    partnerCountByProjectId: new Map(),
    partnersByProjectId: new Map(),
    coLabellingSlugsByProjectId: new Map(),
    themeCodesByProjectId: new Map(),
  };
  const detailColumns = kind.columns.some((column) => column.detail);
  const value = (column: ExportColumn<T>, row: T, lookups: Lookups, detail: boolean) => {
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
  do {
    const page: Page<T> = await fetchPage<T>(
      dataSource,
      kind,
      options.filter ?? null,
      after,
      access,
    );
    const lookups: Lookups = {
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
  const condition = detailCondition(caller, kind.typeName, 'd');
  if (condition === null || ids.length === 0) return new Set(ids);
  const visible = await readRows<{ id: number | string }>(
    dataSource,
    `SELECT d.\`id\` AS id FROM \`${kind.table}\` d WHERE d.\`id\` IN (${placeholders(ids.length)}) AND ${condition}`,
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
): Promise<Page<T>> {
  try {
    // No sort key but the primary key: keyset pages then walk the id index.
    const pages = await fetchPages<T>(
      dataSource,
      kind.spec,
      { filter, orderBy: [], first: PAGE_SIZE, after },
      { defaultOrder: [], access },
    );
    return pages.get(null)!;
  } catch (error) {
    // The filter compiler's refusals (an id of the wrong type, too many values) are the user's to fix.
    if (error instanceof DomainError) throw new ExportRequestError(`filter: ${error.message}`);
    throw error;
  }
}
