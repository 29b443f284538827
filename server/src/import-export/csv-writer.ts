import type { CsvSeparator } from './csv-reader';

/** Excel only reads a CSV file as UTF-8 when it starts with this byte order mark. */
export const UTF8_BOM = '\uFEFF';

/** RFC 4180 line end, which every spreadsheet reads. */
const CRLF = '\r\n';

/**
 * A text cell a spreadsheet would run as a formula gets a leading apostrophe, as OWASP advises
 * against CSV injection: member names and titles come from many writers. The test looks past
 * leading white space (spreadsheets trim ` =1+1` and `\t=1+1` into a live formula), and a
 * leading tab or carriage return is neutralised whatever follows. The importer removes it again.
 */
export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** Undoes `neutraliseFormula`, so that an exported file imports the same text. */
export function restoreFormula(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}

const FORMULA_START = /^(?:\s*[=+\-@]|[\t\r])/;

/** One field, quoted when it holds the separator, a quote or a line break (RFC 4180). */
export function csvField(
  value: string | number | null | undefined,
  separator: CsvSeparator,
): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return text.includes(separator) || /["\r\n]/.test(text)
    ? `"${text.replaceAll('"', '""')}"`
    : text;
}

/** One record with its line end. */
export function csvRecord(
  values: readonly (string | number | null | undefined)[],
  separator: CsvSeparator,
): string {
  return values.map((value) => csvField(value, separator)).join(separator) + CRLF;
}
