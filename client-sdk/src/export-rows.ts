import { PoleGraphError } from './errors.js';
import type {
  MemberCategory,
  MemberFilter,
  ProjectFilter,
  ProjectStatus,
} from './generated/graphql.js';

/** One line of `GET /exports/projects.ndjson`: the columns of the projects CSV export. */
export interface ProjectExportRow {
  acronym: string;
  title: string;
  status: ProjectStatus;
  /** Code of the funding programme. */
  programmeCode: string | null;
  /** Slug of the lead pole. */
  leadPoleSlug: string | null;
  /** Dates as `YYYY-MM-DD`. */
  submittedOn: string | null;
  decisionOn: string | null;
  startOn: string | null;
  endOn: string | null;
  /** Euros as exact decimal strings (`"1250000.00"`); null when unknown or not yours to see. */
  totalBudget: string | null;
  publicFundingRequested: string | null;
  publicFundingGranted: string | null;
  /** Number of partners, all roles. */
  partnerCount: number;
}

/** One line of `GET /exports/members.ndjson`: the columns of the members CSV export. */
export interface MemberExportRow {
  name: string;
  siren: string | null;
  category: MemberCategory;
  /** INSEE code of the region. */
  regionCode: string | null;
  city: string | null;
  headcount: number | null;
}

/** The exports `exportRows` reads, with the type of their rows and of their filter. */
export interface ExportKinds {
  projects: { row: ProjectExportRow; filter: ProjectFilter };
  members: { row: MemberExportRow; filter: MemberFilter };
}

export type ExportKind = keyof ExportKinds;
export type ExportRowOf<TKind extends ExportKind> = ExportKinds[TKind]['row'];
export type ExportFilterOf<TKind extends ExportKind> = ExportKinds[TKind]['filter'];

/**
 * The objects of an NDJSON body, one per non-empty line, read as the bytes arrive (never the
 * whole body in memory).
 */
export async function* readNdjson(
  response: Response,
  what: string,
): AsyncGenerator<unknown, void, undefined> {
  const body = response.body;
  if (!body) return;
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffered = '';
  let lineNumber = 0;
  const parseLine = (line: string): unknown => {
    lineNumber += 1;
    try {
      return JSON.parse(line) as unknown;
    } catch (error) {
      throw new PoleGraphError({
        message: `${what}: line ${lineNumber} of the export is not JSON`,
        code: 'BAD_RESPONSE',
        status: response.status,
        operationName: what,
        details: { line: line.slice(0, 1000), lineNumber },
        cause: error,
      });
    }
  };
  try {
    for (;;) {
      const { done, value } = await reader.read();
      buffered += done ? decoder.decode() : decoder.decode(value, { stream: true });
      const lines = buffered.split('\n');
      buffered = done ? '' : (lines.pop() ?? '');
      for (const line of lines) {
        const trimmed = line.trim();
        if (trimmed !== '') yield parseLine(trimmed);
        else lineNumber += 1;
      }
      if (done) return;
    }
  } finally {
    // Stopping early (break in a for await) releases the connection.
    await reader.cancel().catch(() => undefined);
  }
}
