/**
 * XLSX writing through @e965/xlsx. Every cell is written as text (never a formula) and
 * passes the same formula guard as CSV, so a later "Save as CSV" stays safe. Pure.
 */
import * as XLSX from '@e965/xlsx';
import { neutralizeFormula } from './csv-write.js';

/**
 * Serializes rows to an .xlsx workbook with one sheet.
 *
 * @example
 * toXlsx(['Email'], [['ann@acme.de']]) // => Uint8Array (PK…)
 */
export function toXlsx(
  headers: readonly string[],
  rows: readonly (readonly (string | null | undefined)[])[],
  options: { sheetName?: string; formulaGuard?: boolean } = {},
): Uint8Array {
  const guard = options.formulaGuard ?? true;
  const aoa: string[][] = [[...headers].map((h) => (guard ? neutralizeFormula(h) : h))];
  for (const r of rows) aoa.push(r.map((c) => (c == null ? '' : guard ? neutralizeFormula(c) : c)));
  const ws = XLSX.utils.aoa_to_sheet(aoa, { cellDates: false });
  // Force text cells: aoa_to_sheet would otherwise keep strings, but be explicit about formulas.
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, (options.sheetName ?? 'Leads').slice(0, 31));
  const out = XLSX.write(wb, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer;
  return new Uint8Array(out);
}
