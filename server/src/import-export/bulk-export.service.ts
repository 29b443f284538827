import { coerceInputValue, type GraphQLSchema, isInputObjectType } from 'graphql';
import { type DataSource, In } from 'typeorm';

import { accessScopeOf } from '../auth/access-scope';
import { commandLineCaller } from '../auth/command-line-caller';
import { DomainError } from '../core/domain-error';
import { fetchPages, type Page } from '../database/query/collection-query';
import type { CollectionSpec } from '../database/query/collection-spec';
import type { OrderByInput } from '../database/query/keyset';
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

export type ExportKindName = 'projects' | 'members';
export const EXPORT_KIND_NAMES: readonly ExportKindName[] = ['projects', 'members'];

export function isExportKindName(name: string): name is ExportKindName {
  return (EXPORT_KIND_NAMES as readonly string[]).includes(name);
}

export interface ExportOptions {
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
}

interface Lookups {
  programmeCodeById: ReadonlyMap<number, string>;
  poleSlugById: ReadonlyMap<number, string>;
  regionCodeById: ReadonlyMap<number, string>;
  /** Partners per project of the current page. */
  partnerCountByProjectId: ReadonlyMap<number, number>;
}

interface ExportKind<T> {
  spec: CollectionSpec;
  /** Name of the GraphQL filter input type `--filter` must fit. */
  filterType: string;
  order: readonly OrderByInput[];
  columns: readonly ExportColumn<T>[];
  /** Per-page lookups beyond the small reference tables. */
  pageLookups?(dataSource: DataSource, rows: readonly T[]): Promise<Partial<Lookups>>;
}

const PROJECT_EXPORT: ExportKind<Project> = {
  spec: PROJECT_COLLECTION,
  filterType: 'ProjectFilter',
  order: [{ field: 'ACRONYM', direction: 'ASC' }],
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
      value: (project) => project.totalBudget,
    },
    {
      header: 'publicFundingRequested',
      description: 'Public funding requested in euros.',
      amount: true,
      value: (project) => project.publicFundingRequested,
    },
    {
      header: 'publicFundingGranted',
      description: 'Public funding granted in euros; empty when none yet.',
      amount: true,
      value: (project) => project.publicFundingGranted,
    },
    {
      header: 'partnerCount',
      description: 'Number of partners (all roles).',
      value: (project, { partnerCountByProjectId }) => partnerCountByProjectId.get(project.id) ?? 0,
    },
  ],
  async pageLookups(dataSource, projects) {
    const partnerCountByProjectId = new Map<number, number>();
    if (projects.length === 0) return { partnerCountByProjectId };
    const counts = await dataSource
      .createQueryBuilder(ProjectPartner, 'partner')
      .select('partner.projectId', 'projectId')
      .addSelect('COUNT(*)', 'partners')
      .where({ projectId: In(projects.map((project) => project.id)) })
      .groupBy('partner.projectId')
      .getRawMany<{ projectId: number | string; partners: number | string }>();
    for (const row of counts)
      partnerCountByProjectId.set(Number(row.projectId), Number(row.partners));
    return { partnerCountByProjectId };
  },
};

const MEMBER_EXPORT: ExportKind<Member> = {
  spec: MEMBER_COLLECTION,
  filterType: 'MemberFilter',
  order: [{ field: 'NAME', direction: 'ASC' }],
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
): Promise<Record<string, unknown>> {
  const typeName = exportKindOf(kind).filterType;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    throw new ExportRequestError(
      `--filter is not valid JSON (${(error as Error).message}): quote it in single quotes, e.g. --filter '{"status":{"eq":"FUNDED"}}'`,
    );
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ExportRequestError(
      `--filter must be a JSON object of type ${typeName}, e.g. {"status":{"eq":"FUNDED"}}`,
    );
  }
  const filterType = schema.getType(typeName);
  if (!isInputObjectType(filterType)) throw new Error(`The schema has no input type ${typeName}`);
  const problems: string[] = [];
  const coerced = coerceInputValue(value, filterType, (path, _invalid, error) => {
    problems.push(`${path.length > 0 ? `filter.${path.join('.')}: ` : ''}${error.message}`);
  });
  if (problems.length > 0)
    throw new ExportRequestError(`--filter does not fit ${typeName}: ${problems.join('; ')}`);
  return coerced as Record<string, unknown>;
}

function exportKindOf(kind: ExportKindName): ExportKind<Project> | ExportKind<Member> {
  return kind === 'projects' ? PROJECT_EXPORT : MEMBER_EXPORT;
}

/**
 * Writes the CSV of `kind` to `write`, one chunk per page of 100 rows: UTF-8 BOM, header, RFC
 * 4180 quoting, CRLF. Rows come from the list engine with the caller's rights and the same
 * filter compiler as the GraphQL lists, paged by keyset cursor. Awaits `write` (backpressure).
 */
export async function exportCsv(
  dataSource: DataSource,
  kind: ExportKindName,
  options: ExportOptions,
  write: (chunk: string) => unknown,
): Promise<{ rows: number }> {
  return kind === 'projects'
    ? runExport(dataSource, PROJECT_EXPORT, options, write)
    : runExport(dataSource, MEMBER_EXPORT, options, write);
}

async function runExport<T extends { id: number }>(
  dataSource: DataSource,
  kind: ExportKind<T>,
  options: ExportOptions,
  write: (chunk: string) => unknown,
): Promise<{ rows: number }> {
  const separator = options.separator ?? ',';
  // The command acts as an administrator: rows are not limited, and the detail columns
  // (budgets, funding) are exported as stored. Never hand this to a scoped caller as is.
  const access = accessScopeOf(commandLineCaller('export'));
  const [programmes, poles, regions] = await Promise.all([
    dataSource.manager.find(FundingProgramme, { select: { id: true, code: true } }),
    dataSource.manager.find(Pole, { select: { id: true, slug: true } }),
    dataSource.manager.find(Region, { select: { id: true, code: true } }),
  ]);
  const references = {
    programmeCodeById: new Map(programmes.map((programme) => [programme.id, programme.code])),
    poleSlugById: new Map(poles.map((pole) => [pole.id, pole.slug])),
    regionCodeById: new Map(regions.map((region) => [region.id, region.code])),
    partnerCountByProjectId: new Map<number, number>(),
  };
  const cell = (column: ExportColumn<T>, row: T, lookups: Lookups): string | number | null => {
    const value = column.value(row, lookups);
    if (typeof value !== 'string') return value;
    return column.amount && options.decimalComma
      ? value.replace('.', ',')
      : neutraliseFormula(value);
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
    let chunk = first
      ? UTF8_BOM +
        csvRecord(
          kind.columns.map((column) => column.header),
          separator,
        )
      : '';
    for (const row of page.nodes)
      chunk += csvRecord(
        kind.columns.map((column) => cell(column, row, lookups)),
        separator,
      );
    await write(chunk);
    rows += page.nodes.length;
    first = false;
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after !== null);
  return { rows };
}

async function fetchPage<T extends object>(
  dataSource: DataSource,
  kind: ExportKind<T>,
  filter: Record<string, unknown> | null,
  after: string | null,
  access: ReturnType<typeof accessScopeOf>,
): Promise<Page<T>> {
  try {
    const pages = await fetchPages<T>(
      dataSource,
      kind.spec,
      { filter, orderBy: kind.order, first: PAGE_SIZE, after },
      { defaultOrder: kind.spec.defaultOrder, access },
    );
    return pages.get(null)!;
  } catch (error) {
    // The filter compiler's refusals (an id of the wrong type, too many values) are the user's to fix.
    if (error instanceof DomainError) throw new ExportRequestError(`--filter: ${error.message}`);
    throw error;
  }
}
