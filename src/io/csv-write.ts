/**
 * CSV writing through papaparse, with formula-injection protection: a cell that a
 * spreadsheet would evaluate (`=`, `@`, tab, CR at the start; `+`/`-` unless the rest
 * is a plain number or phone number) is prefixed with `'`. Pure.
 */
import Papa from 'papaparse';

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

/**
 * Serializes rows of cells under the given header.
 *
 * @example
 * toCsv(['a'], [['=1+1']], { bom: false }) //=> "a\r\n'=1+1"
 */
export function toCsv(headers: readonly string[], rows: readonly (readonly (string | null | undefined)[])[], options: CsvWriteOptions = {}): string {
  const guard = options.formulaGuard ?? true;
  const body = Papa.unparse(
    { fields: [...headers], data: rows.map((r) => r.map((c) => c ?? '')) },
    {
      delimiter: options.delimiter ?? ',',
      newline: options.newline ?? '\r\n',
      quotes: false,
      escapeFormulae: guard ? FORMULA_START : false,
    },
  );
  return (options.bom ?? true) ? `\ufeff${body}` : body;
}

/**
 * Serializes rows without a header or BOM, for appending to a file begun with `toCsv`:
 * `toCsv(h, [...a, ...b]) === toCsv(h, a) + newline + csvRows(b)` (when `b` is not empty).
 */
export function csvRows(rows: readonly (readonly (string | null | undefined)[])[], options: CsvWriteOptions = {}): string {
  const guard = options.formulaGuard ?? true;
  return Papa.unparse(
    rows.map((r) => r.map((c) => c ?? '')),
    {
      delimiter: options.delimiter ?? ',',
      newline: options.newline ?? '\r\n',
      quotes: false,
      header: false,
      escapeFormulae: guard ? FORMULA_START : false,
    },
  );
}
