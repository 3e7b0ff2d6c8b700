/** Messages between the record-step pool and its worker threads (plain, structured-cloneable data). */
import type { RawRow } from '../core/fields.js';
import type { CleanseOptions, RecordBatch } from '../engine/cleanse.js';

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
  | { readonly type: 'batch'; readonly seq: number; readonly batch: RecordBatch }
  | { readonly type: 'error'; readonly seq: number; readonly message: string };
