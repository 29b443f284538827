/**
 * Reads CSV as RFC 4180 defines it (quoted fields may hold separators, quotes doubled as `""`
 * and line breaks), with what spreadsheets add in practice: a UTF-8 byte order mark, `;` as
 * the separator in French locales, and CRLF or LF line ends.
 */

export type CsvSeparator = ',' | ';';

export interface CsvRecord {
  /** Line of the file where the record starts (1 = the first line); a quoted field may span several. */
  line: number;
  fields: string[];
}

export interface CsvSyntaxProblem {
  line: number;
  message: string;
}

export interface CsvDocument {
  separator: CsvSeparator;
  /** Every record, the header first; blank lines are left out. */
  records: CsvRecord[];
  problems: CsvSyntaxProblem[];
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/**
 * The text of a CSV file: UTF-8, with or without a byte order mark. Other encodings are
 * refused with a line number, because a guessed Windows-1252 would silently change names.
 */
export function decodeCsvBytes(
  bytes: Uint8Array,
): { text: string } | { problem: CsvSyntaxProblem } {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { problem: { line: 1, message: 'the file is UTF-16: save it as "CSV UTF-8" instead' } };
  }
  const start = UTF8_BOM.every((byte, index) => bytes[index] === byte) ? UTF8_BOM.length : 0;
  const body = bytes.subarray(start);
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body) };
  } catch {
    // The first replacement character marks the first byte that is not UTF-8.
    const lenient = new TextDecoder('utf-8', { ignoreBOM: true }).decode(body);
    const offset = lenient.indexOf('\uFFFD');
    const line = lenient.slice(0, Math.max(offset, 0)).split('\n').length;
    return {
      problem: {
        line,
        message:
          'the file is not UTF-8 text (Windows-1252 or Latin-1?): save it as "CSV UTF-8" and import it again',
      },
    };
  }
}

/**
 * `;` when the header line holds more semicolons than commas (outside quotes), else `,`: a
 * header names columns, so it holds the separator once per column and nothing else.
 */
export function detectSeparator(text: string): CsvSeparator {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && char === ',') commas += 1;
    else if (!quoted && char === ';') semicolons += 1;
  }
  return semicolons > commas ? ';' : ',';
}

/** Parses `text` (already decoded, without BOM); the separator is detected from the header when not given. */
export function parseCsv(
  text: string,
  separator: CsvSeparator = detectSeparator(text),
): CsvDocument {
  const records: CsvRecord[] = [];
  const problems: CsvSyntaxProblem[] = [];
  let fields: string[] = [];
  let field = '';
  let atFieldStart = true;
  let line = 1;
  let recordLine = 1;
  let index = 0;

  const endField = () => {
    fields.push(field);
    field = '';
    atFieldStart = true;
  };
  const endRecord = () => {
    endField();
    // A blank line (or a row of empty cells a spreadsheet left behind) is no record.
    if (fields.some((value) => value.trim() !== '')) records.push({ line: recordLine, fields });
    fields = [];
  };
  /** The length of the line break at `at` (CRLF, LF or a lone CR), 0 when there is none. */
  const lineBreakLength = (at: number) =>
    text[at] === '\r' ? (text[at + 1] === '\n' ? 2 : 1) : text[at] === '\n' ? 1 : 0;

  while (index < text.length) {
    if (text[index] === '"' && atFieldStart) {
      // A quoted field: everything up to the closing quote, with "" standing for one quote.
      const openedOn = line;
      atFieldStart = false;
      index += 1;
      let closed = false;
      while (index < text.length) {
        if (text[index] === '"') {
          index += 1;
          if (text[index] !== '"') {
            closed = true;
            break;
          }
          field += '"';
          index += 1;
          continue;
        }
        const breakLength = lineBreakLength(index);
        if (breakLength > 0) line += 1;
        field += text.slice(index, index + Math.max(breakLength, 1));
        index += Math.max(breakLength, 1);
      }
      if (!closed) {
        problems.push({
          line: openedOn,
          message: 'a quoted field is never closed (a " is missing)',
        });
        return { separator, records, problems };
      }
      // After the closing quote only a separator or a line break may follow.
      let stray = '';
      while (index < text.length && text[index] !== separator && lineBreakLength(index) === 0) {
        stray += text[index];
        index += 1;
      }
      if (stray !== '') {
        problems.push({
          line: recordLine,
          message: `unexpected text ${JSON.stringify(stray.slice(0, 20))} after a closing quote (inside a quoted field, write a quote as "")`,
        });
      }
      continue;
    }
    if (text[index] === separator) {
      endField();
      index += 1;
      continue;
    }
    const breakLength = lineBreakLength(index);
    if (breakLength > 0) {
      endRecord();
      index += breakLength;
      line += 1;
      recordLine = line;
      continue;
    }
    field += text[index];
    atFieldStart = false;
    index += 1;
  }
  if (!atFieldStart || fields.length > 0) endRecord();
  return { separator, records, problems };
}
