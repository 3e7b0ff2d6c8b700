/**
 * Turns a cleanse result into the tables leadtidy writes: the clean file, the rejects
 * (every original value plus reason codes) and the change log. Pure.
 */
import { CANONICAL_FIELDS, DECISION_FIELDS, type LeadRecord } from '../core/fields.js';
import type { CleanseResult } from '../engine/cleanse.js';

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

/** The clean file: `sourceRow`, canonical fields present in any record (canonical order), then carried-through columns. */
export function cleanTable(records: readonly LeadRecord[]): OutputTable {
  const present = new Set<string>();
  const extraKeys: string[] = [];
  const extraSeen = new Set<string>();
  for (const r of records) {
    const rec = r as unknown as Record<string, unknown>;
    for (const f of CANONICAL_FIELDS) if (rec[f] !== undefined) present.add(f);
    for (const k of Object.keys(r.extra)) {
      if (!extraSeen.has(k)) {
        extraSeen.add(k);
        extraKeys.push(k);
      }
    }
  }
  const decisions = DECISION_FIELDS.filter((f) => records.some((r) => r[f] !== undefined && r[f] !== null));
  const fields = [...CANONICAL_FIELDS.filter((f) => present.has(f)), ...decisions];
  const taken = new Set<string>(['sourceRow', ...fields]);
  const extraHeaders = extraKeys.map((k) => {
    const h = uniqueHeader(k, taken);
    taken.add(h);
    return h;
  });
  const headers = ['sourceRow', ...fields, ...extraHeaders];
  const rows = records.map((r) => {
    const rec = r as unknown as Record<string, unknown>;
    const out: (string | null)[] = [String(r.sourceRow)];
    for (const f of fields) {
      const v = rec[f];
      out.push(v === undefined || v === null ? null : Array.isArray(v) ? v.join('; ') : String(v));
    }
    for (const k of extraKeys) out.push(Object.prototype.hasOwnProperty.call(r.extra, k) ? r.extra[k]! : null);
    return out;
  });
  return { headers, rows };
}

/** The rejects file: `sourceRow`, reason codes, messages, then the original columns. */
export function rejectsTable(result: Pick<CleanseResult, 'rejected'>, originalHeaders?: readonly string[]): OutputTable {
  const cols: string[] = [];
  const seen = new Set<string>();
  for (const h of originalHeaders ?? []) if (!seen.has(h)) (seen.add(h), cols.push(h));
  for (const r of result.rejected) for (const k of Object.keys(r.original)) if (!seen.has(k)) (seen.add(k), cols.push(k));
  const taken = new Set(['sourceRow', 'rejectReasons', 'rejectMessages']);
  const headers = ['sourceRow', 'rejectReasons', 'rejectMessages', ...cols.map((c) => {
    const h = uniqueHeader(c, taken);
    taken.add(h);
    return h;
  })];
  const rows = result.rejected.map((r) => [
    String(r.sourceRow),
    r.reasons.map((x) => x.code).join('; '),
    r.reasons.map((x) => x.message).join(' | '),
    ...cols.map((c) => (Object.prototype.hasOwnProperty.call(r.original, c) ? r.original[c]! : null)),
  ]);
  return { headers, rows };
}

/** The change log: one line per changed cell. */
export function changesTable(result: Pick<CleanseResult, 'changes'>): OutputTable {
  return {
    headers: ['row', 'field', 'before', 'after', 'rule'],
    rows: result.changes.map((c) => [String(c.row), c.field, c.before, c.after, c.rule]),
  };
}
