/**
 * Spreadsheet (XLSX, XLS, ODS) → grid, through @e965/xlsx (SheetJS CE 0.20.3, which
 * has the prototype-pollution and ReDoS fixes the frozen npm `xlsx` 0.18.5 lacks).
 * Pure: reads bytes, never the file system. Dates become ISO strings.
 */
import * as XLSX from '@e965/xlsx';
import { issue, type Issue } from '../core/codes.js';

export interface SheetGrid {
  readonly grid: string[][];
  /** Spreadsheet row number of grid[0]. */
  readonly firstRow: number;
  readonly sheet: string;
  readonly sheets: string[];
  readonly bookType: string;
  readonly issues: Issue[];
}

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

function serialToIso(v: number, date1904: boolean): string {
  const d = XLSX.SSF.parse_date_code(v, { date1904 });
  if (!d) return String(v);
  const date = `${pad(d.y, 4)}-${pad(d.m)}-${pad(d.d)}`;
  if (d.H === 0 && d.M === 0 && d.S === 0) return date;
  return `${date}T${pad(d.H)}:${pad(d.M)}:${pad(Math.floor(d.S))}`;
}

function numberText(v: number): string {
  // Integers print in full (phone numbers, ids); others keep their shortest round-trip form.
  return Number.isInteger(v) && Math.abs(v) < 1e21 ? v.toFixed(0) : String(v);
}

function cellText(cell: XLSX.CellObject | undefined, date1904: boolean): string {
  if (!cell) return '';
  switch (cell.t) {
    case 's':
      return typeof cell.v === 'string' ? cell.v : String(cell.v ?? '');
    case 'b':
      return cell.v ? 'TRUE' : 'FALSE';
    case 'e':
      return cell.w ?? '';
    case 'd':
      return cell.v instanceof Date ? cell.v.toISOString().replace(/\.000Z$/, '').replace(/T00:00:00$/, '') : String(cell.v);
    case 'n': {
      const v = cell.v as number;
      const fmt = typeof cell.z === 'string' ? cell.z : undefined;
      if (fmt && XLSX.SSF.is_date(fmt)) return serialToIso(v, date1904);
      if (!fmt || fmt === 'General') return numberText(v);
      return cell.w ?? numberText(v);
    }
    default:
      return '';
  }
}

/**
 * Reads one sheet of a workbook into a grid of strings.
 * `sheet` is a sheet name or a 0-based index; the first sheet by default.
 */
export function readSheetGrid(bytes: Uint8Array, options: { sheet?: string | number } = {}): SheetGrid {
  const issues: Issue[] = [];
  let wb: XLSX.WorkBook;
  try {
    wb = XLSX.read(bytes, { type: 'array', dense: true, cellDates: false, cellHTML: false, cellFormula: false, cellStyles: false, cellNF: true, WTF: false });
  } catch (e) {
    issues.push(issue('file.xlsx_unreadable', { reason: e instanceof Error ? e.message : String(e) }));
    return { grid: [], firstRow: 1, sheet: '', sheets: [], bookType: 'unknown', issues };
  }
  const sheets = [...wb.SheetNames];
  let name: string | undefined;
  if (options.sheet === undefined) name = sheets[0];
  else if (typeof options.sheet === 'number') name = sheets[options.sheet];
  else name = sheets.includes(options.sheet) ? options.sheet : undefined;
  const ws = name !== undefined ? wb.Sheets[name] : undefined;
  if (name === undefined || !ws) {
    issues.push(issue('file.sheet_not_found', { sheet: String(options.sheet ?? 1), sheets }));
    return { grid: [], firstRow: 1, sheet: '', sheets, bookType: String(wb.bookType ?? 'xlsx'), issues };
  }
  const date1904 = Boolean(wb.Workbook?.WBProps?.date1904);
  const ref = ws['!ref'];
  if (!ref) return { grid: [], firstRow: 1, sheet: name, sheets, bookType: String(wb.bookType ?? 'xlsx'), issues };
  const range = XLSX.utils.decode_range(ref);
  const dense = (ws as unknown as { '!data'?: (XLSX.CellObject | undefined)[][] })['!data'];
  const grid: string[][] = [];
  for (let r = range.s.r; r <= range.e.r; r++) {
    const src = dense ? dense[r] : undefined;
    const out: string[] = [];
    for (let c = range.s.c; c <= range.e.c; c++) {
      const cell = src ? src[c] : (ws[XLSX.utils.encode_cell({ r, c })] as XLSX.CellObject | undefined);
      out.push(cellText(cell, date1904));
    }
    grid.push(out);
  }
  return { grid, firstRow: range.s.r + 1, sheet: name, sheets, bookType: String(wb.bookType ?? 'xlsx'), issues };
}
