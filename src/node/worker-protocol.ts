/** Messages between the record-step pool and its worker threads (plain, structured-cloneable data). */
import type { RawRow } from '../core/fields.js';
import type { Change, CleanseOptions, RecordBatch } from '../engine/cleanse.js';
import type { BatchOutputOptions } from '../io/batch-output.js';
import type { AccountIndexJSON, AccountLead, AccountMatch } from '../match/accounts/core.js';

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
  | { readonly type: 'accounts'; readonly seq: number; readonly plan: number; readonly index: AccountIndexJSON }
  | { readonly type: 'match'; readonly seq: number; readonly plan: number; readonly leads: readonly AccountLead[] }
  | {
      readonly type: 'batch';
      readonly seq: number;
      readonly plan: number;
      readonly first: number;
      readonly rows: readonly RawRow[];
      readonly rowNumbers: readonly number[] | null;
      /** Prepare the batch's output here (`withOutput`) instead of sending records back. */
      readonly output: BatchOutputOptions | null;
    };

export type FromWorker =
  | { readonly type: 'ready'; readonly seq: number }
  | { readonly type: 'batch'; readonly seq: number; readonly batch: RecordBatch; readonly changes: PackedChanges }
  | { readonly type: 'matches'; readonly seq: number; readonly matches: PackedMatches }
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

/**
 * Account-match answers of a batch as columns (see {@link PackedChanges}): cloning a million
 * answers with their evidence and candidates as objects costs the receiving thread more than
 * rebuilding them from arrays.
 */
export interface PackedMatches {
  readonly accountId: (string | null)[];
  readonly confidence: Float64Array;
  readonly method: string[];
  readonly explanation: string[];
  readonly parentId: (string | undefined)[];
  readonly evidenceCount: Uint16Array;
  readonly evidenceKind: string[];
  readonly evidencePoints: Float64Array;
  readonly evidenceDetail: string[];
  readonly candidateCount: Uint16Array;
  readonly candidateId: string[];
  readonly candidateName: string[];
  readonly candidateScore: Float64Array;
  readonly candidateMethod: string[];
}

export function packMatches(ms: readonly AccountMatch[]): PackedMatches {
  const n = ms.length;
  let ne = 0;
  let nc = 0;
  for (const m of ms) (ne += m.evidence.length), (nc += m.candidates.length);
  const p: PackedMatches = {
    accountId: new Array(n), confidence: new Float64Array(n), method: new Array(n), explanation: new Array(n), parentId: new Array(n),
    evidenceCount: new Uint16Array(n), evidenceKind: new Array(ne), evidencePoints: new Float64Array(ne), evidenceDetail: new Array(ne),
    candidateCount: new Uint16Array(n), candidateId: new Array(nc), candidateName: new Array(nc), candidateScore: new Float64Array(nc), candidateMethod: new Array(nc),
  };
  let e = 0;
  let c = 0;
  for (let i = 0; i < n; i++) {
    const m = ms[i]!;
    p.accountId[i] = m.accountId;
    p.confidence[i] = m.confidence;
    p.method[i] = m.method;
    p.explanation[i] = m.explanation;
    p.parentId[i] = m.parentId;
    p.evidenceCount[i] = m.evidence.length;
    for (const x of m.evidence) (p.evidenceKind[e] = x.kind), (p.evidencePoints[e] = x.points), (p.evidenceDetail[e++] = x.detail);
    p.candidateCount[i] = m.candidates.length;
    for (const x of m.candidates) (p.candidateId[c] = x.accountId), (p.candidateName[c] = x.name), (p.candidateScore[c] = x.score), (p.candidateMethod[c++] = x.method);
  }
  return p;
}

/** The answers again, `lead` counted from `first`; same keys in the same order as `matchAll` writes them. */
export function unpackMatches(p: PackedMatches, first: number): AccountMatch[] {
  const n = p.confidence.length;
  const out: AccountMatch[] = new Array(n);
  let e = 0;
  let c = 0;
  for (let i = 0; i < n; i++) {
    const evidence: AccountMatch['evidence'][number][] = new Array(p.evidenceCount[i]!);
    for (let k = 0; k < evidence.length; k++, e++) {
      evidence[k] = { kind: p.evidenceKind[e] as AccountMatch['evidence'][number]['kind'], points: p.evidencePoints[e]!, detail: p.evidenceDetail[e]! };
    }
    const candidates: AccountMatch['candidates'][number][] = new Array(p.candidateCount[i]!);
    for (let k = 0; k < candidates.length; k++, c++) {
      candidates[k] = { accountId: p.candidateId[c]!, name: p.candidateName[c]!, score: p.candidateScore[c]!, method: p.candidateMethod[c] as AccountMatch['method'] };
    }
    const m: { -readonly [K in keyof AccountMatch]: AccountMatch[K] } = {
      lead: first + i,
      accountId: p.accountId[i]!,
      confidence: p.confidence[i]!,
      method: p.method[i] as AccountMatch['method'],
      explanation: p.explanation[i]!,
      evidence,
      candidates,
    };
    const parent = p.parentId[i];
    if (parent !== undefined) m.parentId = parent;
    out[i] = m;
  }
  return out;
}
