import type { MutationScope } from '../auth/mutation-scope';
import { DateScalar } from '../database/entity/scalars/date.scalar';
import type { CsvRecord } from './csv-reader';
import { restoreFormula } from './csv-writer';
import type { ReferenceBook } from './reference-book';

export type ImportKindName = 'members' | 'memberships' | 'projects';

/** What is wrong with one line of an import file; `column` is null for the line as a whole. */
export interface ImportProblem {
  line: number;
  column: string | null;
  message: string;
}

/** One column of an import file, as the README documents it. */
export interface CsvColumn {
  name: string;
  required: boolean;
  description: string;
}

/** C0 controls and DEL, but for the line breaks a quoted cell may hold. */
const CONTROL_CHARACTER = /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f]/;

/** Items of a list cell are separated by `|`, which neither `,` nor `;` files use. */
export const LIST_SEPARATOR = '|';

/**
 * The cells of one record, read by column name into the types the input classes expect. A cell
 * that cannot be read is reported (`column must be …; "value" is not`) and read as undefined,
 * so the class-validator rules and reference checks still run on the other cells.
 */
export class CellReader {
  /** Columns of this line with a problem (null: the line as a whole). */
  private readonly reported = new Set<string | null>();

  constructor(
    private readonly columnIndex: ReadonlyMap<string, number>,
    private readonly record: CsvRecord,
    private readonly problems: ImportProblem[],
  ) {}

  get line(): number {
    return this.record.line;
  }

  report(column: string | null, message: string): void {
    this.problems.push({ line: this.record.line, column, message });
    this.reported.add(column);
  }

  /** Columns of this line with a problem so far. */
  reportedColumns(): ReadonlySet<string | null> {
    return new Set(this.reported);
  }

  get hasProblems(): boolean {
    return this.reported.size > 0;
  }

  /**
   * The trimmed cell, or undefined when it is empty or its column absent. A control character
   * (NUL, tab, escape…; line breaks aside) is refused: no text of ours holds one, and a tab
   * before `=` is how a formula hides from a check that does not trim first.
   */
  text(column: string, required = false): string | undefined {
    const index = this.columnIndex.get(column);
    const raw = index === undefined ? '' : (this.record.fields[index] ?? '');
    const control = CONTROL_CHARACTER.exec(raw);
    if (control) {
      const code = control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
      this.report(
        column,
        `${column} holds a control character (U+${code}) at position ${control.index + 1}: ` +
          'remove it',
      );
      return undefined;
    }
    // What the exporter neutralised comes back as it was stored, trimmed like any cell.
    const value = restoreFormula(raw.trim()).trim();
    if (value !== '') return value;
    if (required) this.report(column, `${column} is required`);
    return undefined;
  }

  /** A SIREN as people write it, "830 944 997" too: the spaces go, the rules check the rest. */
  siren(column: string, required = false): string | undefined {
    return this.text(column, required)?.replace(/[ \u00a0\u202f]/g, '');
  }

  int(column: string, required = false): number | undefined {
    const value = this.text(column, required);
    if (value === undefined) return undefined;
    if (/^-?\d{1,15}$/.test(value)) return Number(value);
    this.report(column, `${column} must be a whole number; ${quote(value)} is not`);
    return undefined;
  }

  /**
   * An exact decimal as a string with a dot. A comma is read as the decimal mark and spaces
   * between digits are dropped, as a French spreadsheet writes amounts ("125 000,50").
   */
  decimal(column: string, required = false): string | undefined {
    const value = this.text(column, required);
    return value === undefined ? undefined : this.decimalValue(column, value);
  }

  /** `value` of `column` as a decimal; `described` names it in the message ("item 2: share"). */
  decimalValue(column: string, value: string, described = column): string | undefined {
    const compact = value.replace(/(?<=\d)[ \u00a0\u202f](?=\d)/g, '');
    if (/^\d{1,18}([.,]\d{1,6})?$/.test(compact)) return compact.replace(',', '.');
    this.report(column, `${described} must be a number such as 125000.50; ${quote(value)} is not`);
    return undefined;
  }

  /** A calendar date, `YYYY-MM-DD`, checked as the GraphQL `Date` scalar checks it. */
  date(column: string, required = false): string | undefined {
    const value = this.text(column, required);
    if (value === undefined) return undefined;
    try {
      if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return String(DateScalar.parseValue(value));
    } catch {
      // reported below
    }
    this.report(
      column,
      `${column} must be a date written YYYY-MM-DD, e.g. 2024-03-27; ${quote(value)} is not`,
    );
    return undefined;
  }

  /** One of an enum's values, case-insensitively. */
  enumValue<T extends string>(
    column: string,
    values: Readonly<Record<string, T>>,
    required = false,
  ): T | undefined {
    const value = this.text(column, required);
    return value === undefined ? undefined : this.enumItem(column, value, values);
  }

  /** `value` of `column` as one of an enum's values; `described` names it in the message. */
  enumItem<T extends string>(
    column: string,
    value: string,
    values: Readonly<Record<string, T>>,
    described = column,
  ): T | undefined {
    const match = Object.values(values).find((candidate) => candidate === value.toUpperCase());
    if (match) return match;
    this.report(
      column,
      `${described} must be one of ${Object.values(values).join(', ')}; ${quote(value)} is not`,
    );
    return undefined;
  }

  /** true/false, yes/no, oui/non or 1/0; undefined when empty. */
  boolean(column: string): boolean | undefined {
    const value = this.text(column);
    if (value === undefined) return undefined;
    const lower = value.toLowerCase();
    if (['true', 'yes', 'oui', '1'].includes(lower)) return true;
    if (['false', 'no', 'non', '0'].includes(lower)) return false;
    this.report(column, `${column} must be true or false; ${quote(value)} is not`);
    return undefined;
  }

  /** The `|`-separated items of a cell, trimmed, empty items left out. */
  list(column: string): string[] {
    const value = this.text(column);
    if (value === undefined) return [];
    return value
      .split(LIST_SEPARATOR)
      .map((item) => item.trim())
      .filter((item) => item !== '');
  }
}

export function quote(value: string): string {
  return JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}...` : value);
}

/** A key that must be unique within one file, with the words that name it in a message. */
export interface UniqueKey {
  column: string;
  key: string;
  label: string;
}

/**
 * One kind of import file: its columns, how a record becomes the input object of the service
 * that the GraphQL mutation calls too, and that service. `TDraft` holds the typed cells before
 * references (codes, slugs, SIRENs) are resolved to ids.
 */
export interface ImportKind<TDraft, TInput extends object> {
  name: ImportKindName;
  /** The record, singular and plural, for messages: "member", "members". */
  noun: { one: string; many: string };
  /** The mutation whose service each line runs, as the audit log names it. */
  operation: string;
  columns: readonly CsvColumn[];
  /** Input fields that a column of another name fills (`programmeId` ← `programmeCode`). */
  columnOfField: Readonly<Record<string, string>>;
  read(cells: CellReader): TDraft;
  /** SIRENs of members the record refers to, loaded in one query for the whole file. */
  referencedSirens(draft: TDraft): string[];
  uniqueKey(draft: TDraft): UniqueKey | null;
  /** The service's input, with references resolved through `book`; unknown ones are reported. */
  toInput(draft: TDraft, book: ReferenceBook, cells: CellReader): TInput;
  write(scope: MutationScope, input: TInput): Promise<unknown>;
  /** What the summary adds after "Imported 6 projects", e.g. " (14 partners)". */
  summaryDetail?(inputs: readonly TInput[]): string;
}

/** The CSV column of an input field path (['partners', '2', 'role']), and the item it names. */
export function columnOfPath(
  columnOfField: Readonly<Record<string, string>>,
  path: readonly string[],
): { column: string | null; item: string } {
  const [field, index] = path;
  if (field === undefined) return { column: null, item: '' };
  const column = columnOfField[field] ?? field;
  return {
    column,
    item: index !== undefined && /^\d+$/.test(index) ? `item ${Number(index) + 1}: ` : '',
  };
}
