import { randomUUID } from 'node:crypto';

import { validate } from 'class-validator';
import type { DataSource } from 'typeorm';

import { commandLineCaller } from '../auth/command-line-caller';
import type { Caller } from '../auth/roles';
import { DomainError } from '../core/domain-error';
import { flattenValidationErrors } from '../core/input-validation';
import { UserInputProblems } from '../core/refusal';
import { refreshPlannerStatistics } from '../database/planner-statistics';
import { inTransaction } from '../database/transactions';
import { AuditTrail } from '../database/unit-of-work/audit-trail';
import {
  type AfterCommitListener,
  type BeforeCommitListener,
  constraintViolation,
} from '../database/unit-of-work/unit-of-work';
import { type CsvRecord, type CsvSeparator, decodeCsvBytes, parseCsv } from './csv-reader';
import {
  CellReader,
  columnOfPath,
  type ImportKind,
  type ImportKindName,
  type ImportProblem,
  quote,
} from './import-kind';
import { MEMBER_IMPORT } from './member.import';
import { MEMBERSHIP_IMPORT } from './membership.import';
import { PROJECT_IMPORT } from './project.import';
import { loadReferenceBook } from './reference-book';

export type { ImportKindName, ImportProblem };

/** The kinds of import files and their columns, in the order they should be imported. */
export const IMPORT_KINDS = {
  members: MEMBER_IMPORT,
  memberships: MEMBERSHIP_IMPORT,
  projects: PROJECT_IMPORT,
} as const;

export const IMPORT_KIND_NAMES = Object.keys(IMPORT_KINDS) as ImportKindName[];

export function isImportKindName(name: string): name is ImportKindName {
  return (IMPORT_KIND_NAMES as string[]).includes(name);
}

export interface ImportOptions {
  /** The file's name: the audit log's actor is "import <source>" (the command line's caller). */
  source: string;
  /** Whose rights each line is written with. @default an administrator (the command line) */
  caller?: Caller;
  /** Told of each chunk in its transaction (webhooks' outbox), as the API's writes are. */
  beforeCommit?: readonly BeforeCommitListener[];
  /** Told of each committed chunk, as the API's writes are. */
  afterCommit?: readonly AfterCommitListener[];
}

/**
 * Lines per transaction. On SQLite one transaction holds the only writer: between two chunks
 * the API's own writes take their turn, so an import never locks them out for long.
 */
export const IMPORT_CHUNK_LINES = 200;

export type ImportOutcome =
  | { ok: true; kind: ImportKindName; imported: number; seconds: number; summary: string }
  | {
      ok: false;
      kind: ImportKindName;
      /** Lines written before a problem only the write itself could find (0 when none). */
      imported: number;
      problems: ImportProblem[];
      summary: string;
    };

/** An unexpected failure (lost connection, a constraint no service checks): nothing was written. */
export class ImportAbortedError extends Error {
  constructor(
    readonly line: number,
    cause: unknown,
  ) {
    super(`line ${line}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'ImportAbortedError';
  }
}

/** Thrown inside the transaction to roll it back once every line has been tried. */
class RollbackRequested extends Error {}

/** A line's refusal by its service, reported on its columns; anything unexpected aborts. */
function reportWriteFailure<TDraft, TInput extends object>(
  kind: ImportKind<TDraft, TInput>,
  cells: CellReader,
  error: unknown,
): void {
  const refusals =
    error instanceof UserInputProblems
      ? error.userErrors
      : [constraintViolation(error)].filter((refusal) => refusal !== null);
  if (refusals.length > 0) {
    for (const userError of refusals) {
      const field = userError.field ?? [];
      const { column, item } = columnOfPath(
        kind.columnOfField,
        field[0] === 'input' ? field.slice(1) : field,
      );
      cells.report(column, `${item}${userError.message}`);
    }
  } else if (error instanceof DomainError) {
    cells.report(null, error.message);
  } else {
    throw new ImportAbortedError(cells.line, error);
  }
}

/** `line 4: siren: siren must be 9 digits …`, the form the command prints. */
export function formatImportProblem({ line, column, message }: ImportProblem): string {
  return `line ${line}: ${column ? `${column}: ` : ''}${message}`;
}

/**
 * Imports a CSV file of `kind`, checked whole before anything is written.
 * 1. Every line is read and checked (columns, types, control characters, the class-validator
 *    rules of the mutation's input class, references, duplicates within the file): every
 *    problem of every line is reported.
 * 2. Every good line runs the service its GraphQL mutation runs, in chunks of
 *    IMPORT_CHUNK_LINES lines, each chunk a transaction that is ROLLED BACK: the services' own
 *    checks against the database (duplicates, overlapping memberships, dates, amounts, rights)
 *    report every line too. Any problem so far: nothing is written, every problem is listed.
 * 3. The same chunks again, each committed through the API's writer (audit entries, after-commit
 *    listeners), so the API's writes go on between chunks.
 * "All or nothing" therefore holds for every problem in the file itself and against the
 * database as it was when checked. Only a concurrent write between steps 2 and 3 (someone
 * taking a SIREN meanwhile) can refuse a chunk in step 3: that chunk and the ones after it
 * are not written, the chunks before stay, and the outcome says how many lines were imported
 * and which line failed.
 */
export async function importCsv(
  dataSource: DataSource,
  kind: ImportKindName,
  content: Uint8Array | string,
  options: ImportOptions,
): Promise<ImportOutcome> {
  switch (kind) {
    case 'members':
      return runImport(dataSource, MEMBER_IMPORT, content, options);
    case 'memberships':
      return runImport(dataSource, MEMBERSHIP_IMPORT, content, options);
    case 'projects':
      return runImport(dataSource, PROJECT_IMPORT, content, options);
  }
}

async function runImport<TDraft, TInput extends object>(
  dataSource: DataSource,
  kind: ImportKind<TDraft, TInput>,
  content: Uint8Array | string,
  options: ImportOptions,
): Promise<ImportOutcome> {
  const started = performance.now();
  const problems: ImportProblem[] = [];
  const refused = (): ImportOutcome & { ok: false } => ({
    ok: false,
    kind: kind.name,
    imported: 0,
    problems: inFileOrder(
      problems,
      kind.columns.map((column) => column.name),
    ),
    summary: failureSummary(problems),
  });

  const decoded =
    typeof content === 'string'
      ? { text: content.replace(/^\uFEFF/, '') }
      : decodeCsvBytes(content);
  if ('problem' in decoded) {
    problems.push({ ...decoded.problem, column: null });
    return refused();
  }
  const document = parseCsv(decoded.text);
  problems.push(...document.problems.map((problem) => ({ ...problem, column: null })));
  const [header, ...records] = document.records;
  // A quote left open on the first line swallowed the whole file: that is the one problem.
  if (!header && problems.length > 0) return refused();
  const columnIndex = readHeader(kind, header, problems);
  if (!columnIndex) return refused();
  if (records.length === 0 && problems.length === 0) {
    problems.push({
      line: 2,
      column: null,
      message: 'the file holds no data line under its header',
    });
    return refused();
  }

  // Phase 1, nothing written yet: every line read, checked and turned into its service's input.
  const unreadable = new Set(document.problems.map((problem) => problem.line));
  const rows: { cells: CellReader; draft: TDraft }[] = [];
  for (const record of records) {
    if (unreadable.has(record.line)) continue;
    const widthProblem = checkWidth(record, header!, document.separator);
    if (widthProblem) {
      problems.push({ line: record.line, column: null, message: widthProblem });
      continue;
    }
    const cells = new CellReader(columnIndex, record, problems);
    rows.push({ cells, draft: kind.read(cells) });
  }
  const book = await loadReferenceBook(
    dataSource.manager,
    new Set(rows.flatMap(({ draft }) => kind.referencedSirens(draft))),
  );
  const firstLineOf = new Map<string, number>();
  const checked: { cells: CellReader; input: TInput }[] = [];
  for (const { cells, draft } of rows) {
    const unique = kind.uniqueKey(draft);
    if (unique) {
      const first = firstLineOf.get(unique.key);
      if (first === undefined) firstLineOf.set(unique.key, cells.line);
      else cells.report(unique.column, `${unique.label} is already on line ${first} of this file`);
    }
    const input = kind.toInput(draft, book, cells);
    // A cell that could not be read is already reported; its rules would only say it again.
    const unreadableColumns = cells.reportedColumns();
    for (const { field, message } of flattenValidationErrors(
      await validate(input, { forbidUnknownValues: false }),
      [],
    )) {
      const path = field ?? [];
      const { column, item } = columnOfPath(kind.columnOfField, path);
      if (!unreadableColumns.has(column)) cells.report(column, `${item}${message}`);
    }
    checked.push({ cells, input });
  }

  // Phases 2 and 3: the services, chunk by chunk; rolled back first, then committed.
  const caller = options.caller ?? commandLineCaller(`import ${options.source}`);
  const actor =
    caller.kind === 'token' && caller.tokenId === 0 ? caller.name : `${caller.name} (import)`;
  const requestId = `import-${randomUUID()}`;
  // Lines with a problem already are not run: the services would only repeat it.
  const good = checked.filter(({ cells }) => !cells.hasProblems);
  const chunks: (typeof good)[] = [];
  for (let start = 0; start < good.length; start += IMPORT_CHUNK_LINES) {
    chunks.push(good.slice(start, start + IMPORT_CHUNK_LINES));
  }
  // One change per chunk: its records' events, one per record, as the API's writes give.
  const changeOf = (audits: AuditTrail[]) => ({
    operation: kind.operation,
    actor,
    requestId,
    changes: audits.flatMap((audit) => audit.changes()),
  });
  const runChunk = async (chunk: typeof good, commit: boolean): Promise<void> => {
    const audits: AuditTrail[] = [];
    try {
      await inTransaction(dataSource, async (manager) => {
        for (const { cells, input } of chunk) {
          try {
            // A savepoint per line, so a refused line leaves nothing behind for the next ones.
            await manager.transaction(async (lineManager) => {
              const audit = new AuditTrail(kind.operation, actor, requestId);
              await kind.write({ manager: lineManager, audit, caller }, input);
              await audit.write(lineManager);
              audits.push(audit);
            });
          } catch (error) {
            reportWriteFailure(kind, cells, error);
          }
        }
        if (!commit || problems.length > 0) throw new RollbackRequested();
        for (const listener of options.beforeCommit ?? []) {
          await listener(changeOf(audits), manager);
        }
      });
    } catch (error) {
      if (!(error instanceof RollbackRequested)) throw error;
      return;
    }
    for (const listener of options.afterCommit ?? []) listener(changeOf(audits));
  };
  for (const chunk of chunks) {
    await runChunk(chunk, false);
    await otherWritersTakeTheirTurn();
  }
  if (problems.length > 0) return refused();
  let imported = 0;
  for (const chunk of chunks) {
    await runChunk(chunk, true);
    await otherWritersTakeTheirTurn();
    if (problems.length > 0) return { ...refused(), imported };
    imported += chunk.length;
  }
  // Thousands of new rows may change which index serves a read best.
  await inTransaction(dataSource, (manager) =>
    refreshPlannerStatistics(dataSource, 'as needed', manager),
  );
  const seconds = (performance.now() - started) / 1000;
  const inputs = good.map(({ input }) => input);
  const noun = inputs.length === 1 ? kind.noun.one : kind.noun.many;
  return {
    ok: true,
    kind: kind.name,
    imported: inputs.length,
    seconds,
    summary: `Imported ${inputs.length} ${noun}${kind.summaryDetail?.(inputs) ?? ''} in ${seconds.toFixed(seconds < 1 ? 2 : 1)} s`,
  };
}

/**
 * Lets the event loop read the requests that arrived during a chunk before the next one queues
 * for the writer. On SQLite every statement is synchronous and a chunk's promises resolve as
 * microtasks, so without this the loop never polls its sockets until the whole import is done:
 * an API write sent meanwhile would not even be read. After it, that write's transaction joins
 * the writer's queue (first come, first served) between two chunks.
 */
function otherWritersTakeTheirTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Column name → field position, or null when the header line has problems (then reported). */
function readHeader<TDraft, TInput extends object>(
  kind: ImportKind<TDraft, TInput>,
  header: CsvRecord | undefined,
  problems: ImportProblem[],
): Map<string, number> | null {
  const names = kind.columns.map((column) => column.name).join(', ');
  if (!header) {
    problems.push({
      line: 1,
      column: null,
      message: `the file is empty: its first line must name the columns (${names})`,
    });
    return null;
  }
  const byLowerCase = new Map(
    kind.columns.map((column) => [column.name.toLowerCase(), column.name]),
  );
  const index = new Map<string, number>();
  const before = problems.length;
  header.fields.forEach((raw, position) => {
    const name = raw.trim();
    if (name === '' && header.fields.slice(position).every((field) => field.trim() === '')) return;
    const canonical = byLowerCase.get(name.toLowerCase());
    if (!canonical) {
      problems.push({
        line: header.line,
        column: null,
        message: `unknown column ${quote(name)}: the columns of ${kind.name} files are ${names}`,
      });
    } else if (index.has(canonical)) {
      problems.push({
        line: header.line,
        column: null,
        message: `the column ${canonical} appears twice`,
      });
    } else {
      index.set(canonical, position);
    }
  });
  for (const column of kind.columns) {
    if (column.required && !index.has(column.name)) {
      problems.push({
        line: header.line,
        column: null,
        message: `the required column ${column.name} is missing`,
      });
    }
  }
  return problems.length > before ? null : index;
}

/** A record must have as many fields as the header names columns; empty trailing ones aside. */
function checkWidth(record: CsvRecord, header: CsvRecord, separator: CsvSeparator): string | null {
  const width = withoutTrailingEmpties(header.fields).length;
  const used = withoutTrailingEmpties(record.fields).length;
  if (record.fields.length < width) {
    return `${record.fields.length} fields where the header names ${width} columns (a separator "${separator}" is missing?)`;
  }
  if (used > width) {
    return `${used} fields where the header names ${width} columns (a value holding "${separator}" must be put in double quotes)`;
  }
  return null;
}

function withoutTrailingEmpties(fields: readonly string[]): readonly string[] {
  let end = fields.length;
  while (end > 0 && fields[end - 1]!.trim() === '') end -= 1;
  return fields.slice(0, end);
}

/** By line, then in the order of the columns (problems of the line as a whole first). */
function inFileOrder(
  problems: readonly ImportProblem[],
  columns: readonly string[],
): ImportProblem[] {
  const position = (column: string | null) => (column === null ? -1 : columns.indexOf(column));
  return [...problems].sort((a, b) => a.line - b.line || position(a.column) - position(b.column));
}

function failureSummary(problems: readonly ImportProblem[]): string {
  const lines = new Set(problems.map((problem) => problem.line)).size;
  return `Nothing was imported: ${problems.length} problem${problems.length === 1 ? '' : 's'} on ${lines} line${lines === 1 ? '' : 's'}.`;
}
