/** Messages between the record-step pool and its worker threads (plain, structured-cloneable data). */
import type { RawRow } from '../core/fields.js';
import type { Change, CleanseOptions, RecordBatch } from '../engine/cleanse.js';

/** What a worker needs to rebuild the main thread's plan exactly. */
export interface PlanSpec {
  /** The resolved pack (JSON). */
  readonly pack: unknown;
  /** Content hash of the pack the main thread compiled; the worker checks it gets the same. */
  readonly packHash: string;
  readonly headers: readonly string[];
  /** The rows header mapping sampled (the first `MAPPING_SAMPLE_ROWS`). */
  readonly sample: readonly RawRow[];
  readonly target?: string;
  readonly campaign?: CleanseOptions['campaign'];
  readonly dedupe: boolean;
  readonly hasExisting: boolean;
  readonly hasAccounts: boolean;
}

export type ToWorker =
  | { readonly type: 'plan'; readonly seq: number; readonly plan: number; readonly spec: PlanSpec }
  | { readonly type: 'release'; readonly plan: number }
  | { readonly type: 'batch'; readonly seq: number; readonly plan: number; readonly first: number; readonly rows: readonly RawRow[]; readonly rowNumbers: readonly number[] | null };

export type FromWorker =
  | { readonly type: 'ready'; readonly seq: number }
  | { readonly type: 'batch'; readonly seq: number; readonly batch: RecordBatch; readonly changes: PackedChanges }
  | { readonly type: 'error'; readonly seq: number; readonly message: string };

/**
 * The change log of a batch as columns: a few typed arrays and two string arrays clone far
 * faster than one object per changed cell (six per row on typical files).
 */
export interface PackedChanges {
  readonly row: Int32Array;
  readonly field: Uint16Array;
  readonly rule: Uint16Array;
  readonly before: (string | null)[];
  readonly after: (string | null)[];
  readonly fields: string[];
  readonly rules: string[];
}

export function packChanges(changes: readonly Change[]): PackedChanges {
  const n = changes.length;
  const out: PackedChanges = { row: new Int32Array(n), field: new Uint16Array(n), rule: new Uint16Array(n), before: new Array(n), after: new Array(n), fields: [], rules: [] };
  const fieldIds = new Map<string, number>();
  const ruleIds = new Map<string, number>();
  const id = (map: Map<string, number>, list: string[], key: string): number => {
    let i = map.get(key);
    if (i === undefined) map.set(key, (i = list.push(key) - 1));
    return i;
  };
  for (let i = 0; i < n; i++) {
    const c = changes[i]!;
    out.row[i] = c.row;
    out.field[i] = id(fieldIds, out.fields, c.field);
    out.rule[i] = id(ruleIds, out.rules, c.rule);
    out.before[i] = c.before;
    out.after[i] = c.after;
  }
  return out;
}

export function unpackChanges(p: PackedChanges): Change[] {
  const n = p.row.length;
  const out: Change[] = new Array(n);
  for (let i = 0; i < n; i++) out[i] = { row: p.row[i]!, field: p.fields[p.field[i]!]!, before: p.before[i]!, after: p.after[i]!, rule: p.rules[p.rule[i]!]! };
  return out;
}
