/**
 * Turns a cleanse result into the tables leadtidy writes: the clean file, the rejects
 * (every original value plus reason codes) and the change log. Pure.
 */
import { CANONICAL_FIELDS, DECISION_FIELDS, type LeadRecord } from '../core/fields.js';
import type { Change, CleanseResult, RejectedRow } from '../engine/cleanse.js';
import { csvCell } from './csv-write.js';

export interface OutputTable {
  readonly headers: string[];
  readonly rows: (string | null)[][];
}

function uniqueHeader(name: string, taken: Set<string>): string {
  if (!taken.has(name)) return name;
  for (let k = 2; ; k++) {
    const n = `${name} (${k})`;
    if (!taken.has(n)) return n;
  }
}

/**
 * The clean file's columns, learnt record by record (so a stream can write rows once every
 * record has been seen): `sourceRow`, canonical fields present in any record (canonical
 * order), decision fields with a value, then carried-through columns.
 */
export interface TableShape<T> {
  add(records: readonly T[]): void;
  headers(): string[];
  /** Rows for `records` under the current headers. */
  rows(records: readonly T[]): (string | null)[][];
}

/** The clean file's columns by what they hold: record fields (canonical, then decision fields) and carried-through keys. */
export interface CleanColumns {
  readonly fields: readonly string[];
  readonly extras: readonly string[];
}

export interface CleanTableShape extends TableShape<LeadRecord> {
  /** Adds columns learnt elsewhere (another batch's {@link CleanTableShape.columns}). */
  include(columns: CleanColumns): void;
  columns(): CleanColumns;
  /** The lines of `csvRows(rows(records))`, one a record, written directly (no cell arrays): the streamed job's hot path. */
  csvLines(records: readonly LeadRecord[]): string[];
}

/** Record keys that can be clean-file columns: 1 canonical (present when not undefined), 2 decision (when not null either). */
const COLUMN_KIND = new Map<string, 1 | 2>([...CANONICAL_FIELDS.map((f) => [f, 1] as const), ...DECISION_FIELDS.map((f) => [f, 2] as const)]);

function cellText(v: unknown): string | null {
  return v === undefined || v === null ? null : Array.isArray(v) ? v.join('; ') : String(v);
}

export function cleanTableShape(): CleanTableShape {
  const present = new Set<string>();
  const decided = new Set<string>();
  const extraKeys: string[] = [];
  const extraSeen = new Set<string>();
  let fields: string[] | null = null;
  const columns = (): string[] => (fields ??= [...CANONICAL_FIELDS.filter((f) => present.has(f)), ...DECISION_FIELDS.filter((f) => decided.has(f))]);
  const addExtra = (k: string): void => {
    if (!extraSeen.has(k)) {
      extraSeen.add(k);
      extraKeys.push(k);
    }
  };
  let missing: string[] = [...COLUMN_KIND.keys()];
  const csvLines = (records: readonly LeadRecord[]): string[] => {
    const fs = columns();
    const lines: string[] = new Array(records.length);
    // One array of cells reused for every row and joined once (no string built cell by cell).
    const cells: string[] = new Array<string>(1 + fs.length + extraKeys.length).fill('');
    for (let i = 0; i < records.length; i++) {
      const r = records[i]!;
      const rec = r as unknown as Record<string, unknown>;
      cells[0] = csvCell(String(r.sourceRow));
      for (let j = 0; j < fs.length; j++) {
        const v = rec[fs[j]!];
        cells[1 + j] = typeof v === 'string' ? csvCell(v) : csvCell(cellText(v));
      }
      for (let j = 0, at = 1 + fs.length; j < extraKeys.length; j++) {
        const k = extraKeys[j]!;
        cells[at + j] = Object.prototype.hasOwnProperty.call(r.extra, k) ? csvCell(r.extra[k]) : '';
      }
      lines[i] = cells.join(',');
    }
    return lines;
  };
  return {
    add(records) {
      fields = null;
      for (const r of records) {
        const rec = r as unknown as Record<string, unknown>;
        // Only the columns not seen yet are looked up.
        for (let i = 0; i < missing.length; i++) {
          const f = missing[i]!;
          const v = rec[f];
          if (v === undefined || (v === null && COLUMN_KIND.get(f) === 2)) continue;
          (COLUMN_KIND.get(f) === 1 ? present : decided).add(f);
          missing.splice(i--, 1);
        }
        for (const k in r.extra) addExtra(k);
      }
    },
    include(c) {
      fields = null;
      for (const f of c.fields) (COLUMN_KIND.get(f) === 2 ? decided : present).add(f);
      missing = missing.filter((f) => !present.has(f) && !decided.has(f));
      for (const k of c.extras) addExtra(k);
    },
    columns: () => ({ fields: columns(), extras: [...extraKeys] }),
    headers() {
      const fs = columns();
      const taken = new Set<string>(['sourceRow', ...fs]);
      const extraHeaders = extraKeys.map((k) => {
        const h = uniqueHeader(k, taken);
        taken.add(h);
        return h;
      });
      return ['sourceRow', ...fs, ...extraHeaders];
    },
    rows(records) {
      const fs = columns();
      return records.map((r) => {
        const rec = r as unknown as Record<string, unknown>;
        const out: (string | null)[] = [String(r.sourceRow)];
        for (const f of fs) out.push(cellText(rec[f]));
        for (const k of extraKeys) out.push(Object.prototype.hasOwnProperty.call(r.extra, k) ? r.extra[k]! : null);
        return out;
      });
    },
    csvLines,
  };
}

/** The clean file: `sourceRow`, canonical fields present in any record (canonical order), then carried-through columns. */
export function cleanTable(records: readonly LeadRecord[]): OutputTable {
  const shape = cleanTableShape();
  shape.add(records);
  return { headers: shape.headers(), rows: shape.rows(records) };
}

/** The rejects file's columns, learnt batch by batch (see {@link cleanTableShape}). */
export function rejectsTableShape(originalHeaders?: readonly string[]): TableShape<RejectedRow> {
  const cols: string[] = [];
  const seen = new Set<string>();
  for (const h of originalHeaders ?? []) if (!seen.has(h)) (seen.add(h), cols.push(h));
  return {
    add(rejected) {
      for (const r of rejected) for (const k of Object.keys(r.original)) if (!seen.has(k)) (seen.add(k), cols.push(k));
    },
    headers() {
      const taken = new Set(['sourceRow', 'rejectReasons', 'rejectMessages']);
      return ['sourceRow', 'rejectReasons', 'rejectMessages', ...cols.map((c) => {
        const h = uniqueHeader(c, taken);
        taken.add(h);
        return h;
      })];
    },
    rows(rejected) {
      return rejected.map((r) => [
        String(r.sourceRow),
        r.reasons.map((x) => x.code).join('; '),
        r.reasons.map((x) => x.message).join(' | '),
        ...cols.map((c) => (Object.prototype.hasOwnProperty.call(r.original, c) ? r.original[c]! : null)),
      ]);
    },
  };
}

/** The rejects file: `sourceRow`, reason codes, messages, then the original columns. */
export function rejectsTable(result: Pick<CleanseResult, 'rejected'>, originalHeaders?: readonly string[]): OutputTable {
  const shape = rejectsTableShape(originalHeaders);
  shape.add(result.rejected);
  return { headers: shape.headers(), rows: shape.rows(result.rejected) };
}

/** Change-log columns. */
export const CHANGE_HEADERS: readonly string[] = ['row', 'field', 'before', 'after', 'rule'];

/** Change-log rows. */
export function changeRows(changes: readonly Change[]): (string | null)[][] {
  return changes.map((c) => [String(c.row), c.field, c.before, c.after, c.rule]);
}

/** The lines of `csvRows(changeRows(changes))`, one a change, written directly. */
export function changesLines(changes: readonly Change[]): string[] {
  const lines: string[] = new Array(changes.length);
  // A row's changes come together, and field names and rule ids repeat: written once each.
  const names = new Map<string, string>();
  const name = (s: string): string => {
    let v = names.get(s);
    if (v === undefined) names.set(s, (v = csvCell(s)));
    return v;
  };
  let row = NaN;
  let rowCell = '';
  for (let i = 0; i < changes.length; i++) {
    const c = changes[i]!;
    if (c.row !== row) rowCell = csvCell(String((row = c.row)));
    lines[i] = `${rowCell},${name(c.field)},${csvCell(c.before)},${csvCell(c.after)},${name(c.rule)}`;
  }
  return lines;
}

/** The change log: one line per changed cell. */
export function changesTable(result: Pick<CleanseResult, 'changes'>): OutputTable {
  return {
    headers: [...CHANGE_HEADERS],
    rows: changeRows(result.changes),
  };
}
