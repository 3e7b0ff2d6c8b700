/**
 * CSV writing with formula-injection protection: a cell that a spreadsheet would evaluate
 * (`=`, `@`, tab, CR at the start; `+`/`-` unless the rest is a plain number or phone number)
 * is prefixed with `'`. Pure.
 *
 * The bytes are exactly what `Papa.unparse` writes with `quotes: false` and
 * `escapeFormulae: FORMULA_START` (a test compares the two on arbitrary cells); the loop is
 * our own because the writer runs on every cell of every output file and papaparse's
 * generic one (config lookups, `hasAny` over its bad-delimiter list per cell) cost a third of
 * a streamed job's main thread.
 */
import { codeAt } from '../core/text.js';

/** Cells a spreadsheet would run as a formula. Phone numbers like "+1 (415) 555-2671 x12" and "-12.5" stay as they are. */
export const FORMULA_START = /^(?:[=@\t\r]|[+-](?![\d\s()./-]*(?:(?:x|ext\.?|;ext=)\s*\d{1,10})?$))/i;

/** Prefixes a cell with `'` when a spreadsheet would evaluate it. */
export function neutralizeFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

export interface CsvWriteOptions {
  readonly delimiter?: ',' | ';' | '\t' | '|';
  /** Write a UTF-8 BOM so Excel opens accents correctly (default true). */
  readonly bom?: boolean;
  /** Protect against formula injection (default true). */
  readonly formulaGuard?: boolean;
  readonly newline?: '\r\n' | '\n';
}

type Cell = string | null | undefined;

const QUOTE = /"/g;

/** Can `FORMULA_START` match a cell starting with this code unit? (`=`, `@`, tab, CR, `+`, `-`) */
function formulaLead(c: number): boolean {
  return c === 61 || c === 64 || c === 9 || c === 13 || c === 43 || c === 45;
}

/** Per delimiter: the characters that make a cell quoted (papaparse's BAD_DELIMITERS and the delimiter). */
const SPECIAL: Readonly<Record<string, RegExp>> = { ',': /[",\r\n\ufeff]/, ';': /[";\r\n\ufeff]/, '\t': /["\t\r\n\ufeff]/, '|': /["|\r\n\ufeff]/ };

/**
 * One cell as CSV: formula-guarded when asked, quoted when it holds a quote, CR, LF, BOM or
 * the delimiter, starts or ends with a space, or was guarded. (A regex scan, not a character
 * loop: cells built by concatenation are cons strings, and `charCodeAt` over them is 4× slower.)
 */
export function csvCell(value: Cell, delimiter: NonNullable<CsvWriteOptions['delimiter']> = ',', guard = true): string {
  if (value === null || value === undefined || value === '') return '';
  let s = typeof value === 'string' ? value : String(value);
  if (guard && formulaLead(codeAt(s, 0)) && FORMULA_START.test(s)) s = `'${s}`;
  else if (!SPECIAL[delimiter]!.test(s)) return codeAt(s, 0) === 32 || codeAt(s, s.length - 1) === 32 ? `"${s}"` : s;
  return s.includes('"') ? `"${s.replace(QUOTE, '""')}"` : `"${s}"`;
}

/** One row of cells as a CSV line (no newline); with `width`, exactly that many cells (missing ones empty). */
function csvLine(row: readonly Cell[], delimiter: NonNullable<CsvWriteOptions['delimiter']>, guard: boolean, width = row.length): string {
  // papaparse writes an empty row under a header as an empty line.
  if (row.length === 0) return '';
  let line = csvCell(row[0], delimiter, guard);
  for (let i = 1; i < width; i++) line += delimiter + csvCell(row[i], delimiter, guard);
  return line;
}

function lines(rows: readonly (readonly Cell[])[], delimiter: NonNullable<CsvWriteOptions['delimiter']>, newline: string, guard: boolean, width?: number): string {
  const out: string[] = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = csvLine(rows[i]!, delimiter, guard, width);
  return out.join(newline);
}

/**
 * Serializes rows of cells under the given header (rows are cut or padded to the header's width).
 *
 * @example
 * toCsv(['a'], [['=1+1']], { bom: false }) //=> "a\r\n\"'=1+1\""
 */
export function toCsv(headers: readonly string[], rows: readonly (readonly Cell[])[], options: CsvWriteOptions = {}): string {
  const delimiter = options.delimiter ?? ',';
  const newline = options.newline ?? '\r\n';
  const guard = options.formulaGuard ?? true;
  // Like papaparse, no rows is one empty row: a header alone still ends with a newline.
  const data = rows.length ? rows : [[]];
  const body = headers.length ? csvLine(headers, delimiter, guard) + newline + lines(data, delimiter, newline, guard, headers.length) : lines(data, delimiter, newline, guard);
  return (options.bom ?? true) ? `\ufeff${body}` : body;
}

/**
 * Serializes rows without a header or BOM, for appending to a file begun with `toCsv`:
 * `toCsv(h, [...a, ...b]) === toCsv(h, a) + newline + csvRows(b)` (when `b` is not empty
 * and the rows are as wide as `h`).
 */
export function csvRows(rows: readonly (readonly Cell[])[], options: CsvWriteOptions = {}): string {
  return lines(rows, options.delimiter ?? ',', options.newline ?? '\r\n', options.formulaGuard ?? true);
}
