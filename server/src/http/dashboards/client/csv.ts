/**
 * CSV for French spreadsheets: UTF-8 with a byte order mark (so Excel reads the accents), `;`
 * between cells, decimal comma in French, CRLF line ends; a cell with `;`, a quote or a line
 * break is quoted.
 */
import type { Lang } from './i18n';

export type Cell = string | number | boolean | null;

export function csvText(header: string[], rows: Cell[][], lang: Lang): string {
  const lines = [header, ...rows].map((row) => row.map((cell) => csvCell(cell, lang)).join(';'));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** The CSV form of a raw cell, also shown in the data tables' `data-raw`. */
export function rawCell(cell: Cell, lang: Lang): string {
  if (cell === null) return '';
  if (typeof cell === 'number' || (typeof cell === 'string' && /^-?\d+(\.\d+)?$/.test(cell))) {
    return lang === 'fr' ? String(cell).replace('.', ',') : String(cell);
  }
  return String(cell);
}

function csvCell(cell: Cell, lang: Lang): string {
  const text = rawCell(cell, lang);
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function downloadCsv(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
