/**
 * Record steps on all cores: a pool of worker threads, each holding the same plan, fed
 * batches of rows. Output is identical to one thread (batches are independent and merged
 * in input order). Falls back to the calling thread where workers are unavailable.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { builtInEnvironment } from '../builtins.js';
import type { RawRow } from '../core/fields.js';
import { LeadtidyError } from '../core/errors.js';
import {
  MAPPING_SAMPLE_ROWS,
  finishCleanse,
  mergeRecordBatches,
  prepareCleanse,
  runRecordSteps,
  type CleanseOptions,
  type CleansePlan,
  type CleanseResult,
  type RecordBatch,
} from '../engine/cleanse.js';
import { withOutput, type BatchOutputOptions } from '../io/batch-output.js';
import type { ParsedLeadFile } from '../io/parse-text.js';
import type { RunBatch } from '../engine/stream.js';
import type { AccountIndex, AccountLead, AccountMatch } from '../match/accounts/core.js';
import { unpackChanges, unpackMatches, type PackedMatches, type FromWorker, type PlanSpec, type ToWorker } from './worker-protocol.js';

/** Below this many rows `cleanseParallel` without a `pool` runs on the calling thread. */
export const PARALLEL_MIN_ROWS = 50_000;

/** Rows per message to a worker: large enough that messaging costs little, small enough to balance. */
export const DEFAULT_BATCH_ROWS = 2000;

export interface PoolOptions {
  /** Threads for the record steps, the calling thread included (default: available cores). 1 runs on the calling thread only. */
  readonly workers?: number;
  /** A pool to reuse (then `workers` is ignored and the pool stays open). */
  readonly pool?: WorkerPool;
  /** Rows per batch (default 2,000). */
  readonly batchSize?: number;
}

/** Runs record-step batches: on worker threads, or on the calling thread (`threads === 0`). */
export interface RecordStepRunner {
  readonly threads: number;
  run(rows: readonly RawRow[], rowNumbers: readonly number[] | undefined, first: number): Promise<RecordBatch>;
  /** The same batch with its output prepared where it runs (`withOutput`). */
  run(rows: readonly RawRow[], rowNumbers: readonly number[] | undefined, first: number, output: BatchOutputOptions): Promise<RunBatch>;
  close(): Promise<void>;
}

/** Record steps on the calling thread, with the output prepared when asked. */
function runHere(plan: CleansePlan, rows: readonly RawRow[], rowNumbers: readonly number[] | undefined, first: number, output?: BatchOutputOptions): RunBatch {
  const batch = runRecordSteps(plan, rows, rowNumbers, first);
  return output ? withOutput(batch, output) : batch;
}

/** The plan as data a worker can rebuild it from. */
export function planSpec(plan: CleansePlan, sample: readonly RawRow[], options: CleanseOptions): PlanSpec {
  return {
    pack: plan.pack.resolved,
    packHash: plan.pack.hash,
    headers: plan.headers,
    sample: sample.slice(0, MAPPING_SAMPLE_ROWS),
    ...(options.target !== undefined ? { target: options.target } : {}),
    ...(options.campaign !== undefined ? { campaign: options.campaign } : {}),
    dedupe: plan.dedupe,
    hasExisting: options.existing !== undefined,
    hasAccounts: options.accounts !== undefined,
  };
}

function workerUrl(): URL {
  // From source (tests, tsx) the worker is TypeScript and needs the tsx loader; built, it is dist/node-worker.js.
  return import.meta.url.endsWith('.ts') ? new URL('./worker-dev.mjs', import.meta.url) : new URL('./node-worker.js', import.meta.url);
}

function inThread(plan: CleansePlan): RecordStepRunner {
  return {
    threads: 0,
    run: ((rows: readonly RawRow[], rowNumbers: readonly number[] | undefined, first: number, output?: BatchOutputOptions) =>
      Promise.resolve(runHere(plan, rows, rowNumbers, first, output))) as RecordStepRunner['run'],
    close: () => Promise.resolve(),
  };
}

/** Worker threads that run record steps for any number of plans (one file each). Reuse it across files. */
export interface WorkerPool {
  /** Worker threads running (0 when workers are unavailable or not needed: batches run on the calling thread). */
  readonly size: number;
  /** A runner for one plan: every thread rebuilds the plan once, then takes its batches. */
  runner(plan: CleansePlan, spec: PlanSpec): Promise<RecordStepRunner>;
  /**
   * Account matching on the worker threads: every thread loads the index (from `toJSON()`),
   * then matches batches of leads; answers come back in lead order, identical to
   * `index.matchAll(leads)` (an answer does not depend on the other leads of its batch).
   */
  matchAccounts(index: AccountIndex, leads: readonly AccountLead[], options?: { readonly batchSize?: number }): Promise<AccountMatch[]>;
  close(): Promise<void>;
}

type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void };

interface Slot {
  readonly worker: Worker;
  readonly pending: Map<number, Pending>;
}

function startWorker(): Promise<Slot> {
  // A larger young generation: record steps allocate many short-lived strings (64 MB: +6–8 % over
  // the default; 128 MB: another +5–7 % on a 1M-row streamed job, peak memory unchanged).
  const worker = new Worker(workerUrl(), { resourceLimits: { maxYoungGenerationSizeMb: 128 } });
  const slot: Slot = { worker, pending: new Map() };
  const failAll = (e: Error): void => {
    for (const p of slot.pending.values()) p.reject(e);
    slot.pending.clear();
  };
  worker.on('message', (m: FromWorker) => {
    const p = slot.pending.get(m.seq);
    if (!p) return;
    slot.pending.delete(m.seq);
    if (m.type === 'error') p.reject(new LeadtidyError('input', `Worker failed: ${m.message}`));
    else p.resolve(m.type === 'batch' ? { ...m.batch, changes: unpackChanges(m.changes) } : m.type === 'matches' ? m.matches : undefined);
  });
  worker.on('error', (e) => failAll(e));
  worker.on('exit', (code) => failAll(new LeadtidyError('input', `Worker exited with code ${code}`)));
  // Online means the module loaded; a worker that cannot start fails here.
  return new Promise((resolve, reject) => {
    worker.once('online', () => resolve(slot));
    worker.once('error', reject);
  });
}

/**
 * Starts a pool for `workers` threads (default: available cores): `workers - 1` worker
 * threads plus the calling thread (or `workers` worker threads with
 * `callerTakesPart: false`). Where threads cannot
 * start (no `worker_threads`, a sandbox), the pool has size 0 and runs batches on the
 * calling thread.
 *
 * @example
 * const pool = await createWorkerPool();
 * for (const file of files) await cleanseParallel(parseLeadFile(bytesOf(file)), { pool });
 * await pool.close();
 */
export async function createWorkerPool(workers = availableParallelism(), options: { readonly callerTakesPart?: boolean } = {}): Promise<WorkerPool> {
  if (!Number.isInteger(workers) || workers < 1) throw new LeadtidyError('input', `workers must be a positive integer, got ${workers}`);
  // By default the calling thread is one of the `workers`: it runs a batch itself whenever every
  // worker thread already has two queued (it is mostly idle otherwise), and no batch it runs
  // has to cross threads.
  const caller = options.callerTakesPart ?? true;
  const threads = caller ? workers - 1 : workers;
  let slots: Slot[] = [];
  if (workers > 1 && threads > 0) {
    const started = await Promise.allSettled(Array.from({ length: threads }, () => startWorker()));
    for (const s of started) if (s.status === 'fulfilled') slots.push(s.value);
    if (slots.length < threads) {
      await Promise.all(slots.map((s) => s.worker.terminate()));
      slots = [];
    }
  }
  let seq = 0;
  let planIds = 0;
  const call = <T>(slot: Slot, message: ToWorker & { seq: number }): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      slot.pending.set(message.seq, { resolve: resolve as (v: unknown) => void, reject });
      slot.worker.postMessage(message);
    });
  return {
    size: slots.length,
    async runner(plan, spec) {
      if (slots.length === 0) return inThread(plan);
      const id = planIds++;
      await Promise.all(slots.map((s) => call<void>(s, { type: 'plan', seq: seq++, plan: id, spec })));
      return {
        threads: slots.length + (caller ? 1 : 0),
        run: ((rows: readonly RawRow[], rowNumbers: readonly number[] | undefined, first: number, output?: BatchOutputOptions) => {
          // The least busy worker takes the batch (ties: the first)…
          let slot = slots[0]!;
          for (const s of slots) if (s.pending.size < slot.pending.size) slot = s;
          // …unless every worker has two queued and the calling thread takes part.
          if (caller && slot.pending.size >= 2) return Promise.resolve(runHere(plan, rows, rowNumbers, first, output));
          return call<RunBatch>(slot, { type: 'batch', seq: seq++, plan: id, first, rows, rowNumbers: rowNumbers ?? null, output: output ?? null });
        }) as RecordStepRunner['run'],
        close() {
          for (const s of slots) s.worker.postMessage({ type: 'release', plan: id } satisfies ToWorker);
          return Promise.resolve();
        },
      };
    },
    async matchAccounts(index, leads, options = {}) {
      const batchSize = options.batchSize ?? 10_000;
      if (slots.length === 0 || leads.length <= batchSize) return index.matchAll(leads);
      const id = planIds++;
      const json = index.toJSON();
      await Promise.all(slots.map((s) => call<void>(s, { type: 'accounts', seq: seq++, plan: id, index: json })));
      try {
        const out: AccountMatch[] = new Array(leads.length);
        const inFlight: { first: number; p: Promise<PackedMatches> }[] = [];
        let next = 0;
        const window = slots.length * 2;
        while (next < leads.length || inFlight.length) {
          while (next < leads.length && inFlight.length < window) {
            let slot = slots[0]!;
            for (const s of slots) if (s.pending.size < slot.pending.size) slot = s;
            const first = next;
            next = Math.min(leads.length, next + batchSize);
            inFlight.push({ first, p: call<PackedMatches>(slot, { type: 'match', seq: seq++, plan: id, leads: leads.slice(first, next) }) });
          }
          const { first, p } = inFlight.shift()!;
          // `lead` counts within the batch on the worker; unpacking makes it the index in `leads`.
          const matches = unpackMatches(await p, first);
          for (let i = 0; i < matches.length; i++) out[first + i] = matches[i]!;
        }
        return out;
      } finally {
        for (const s of slots) s.worker.postMessage({ type: 'release', plan: id } satisfies ToWorker);
      }
    },
    async close() {
      await Promise.all(slots.map((s) => {
        s.worker.removeAllListeners('exit');
        return s.worker.terminate();
      }));
      slots = [];
    },
  };
}

/**
 * Runs `runner` over `rows` in batches, keeping at most two batches in flight per thread,
 * and returns the batches merged in input order.
 */
export async function runBatches(
  runner: RecordStepRunner,
  rows: readonly RawRow[],
  rowNumbers: readonly number[] | undefined,
  batchSize: number,
  onProgress?: (done: number, total: number) => void,
): Promise<RecordBatch> {
  const window = Math.max(2, runner.threads * 2);
  const out: RecordBatch[] = [];
  const inFlight: Promise<RecordBatch>[] = [];
  let done = 0;
  for (let first = 0; first < rows.length || inFlight.length > 0; ) {
    while (first < rows.length && inFlight.length < window) {
      const end = Math.min(rows.length, first + batchSize);
      inFlight.push(runner.run(rows.slice(first, end), rowNumbers?.slice(first, end), first));
      first = end;
    }
    const b = await inFlight.shift()!;
    out.push(b);
    done += b.rows;
    onProgress?.(done, rows.length);
  }
  return mergeRecordBatches(out);
}

/**
 * `cleanse` with the record steps spread over worker threads (built-in steps and the given
 * pack). Same result as `cleanse(input, options)`; set steps run on the calling thread.
 *
 * @example
 * const result = await cleanseParallel(parseLeadFile(bytes), { workers: 2 });
 */
export async function cleanseParallel(input: readonly RawRow[] | ParsedLeadFile, options: CleanseOptions & PoolOptions = {}): Promise<CleanseResult> {
  const { workers, pool, batchSize = DEFAULT_BATCH_ROWS, ...cleanseOptions } = options;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new LeadtidyError('input', `batchSize must be a positive integer, got ${batchSize}`);
  const env = builtInEnvironment;
  const { rows, rowNumbers, plan, finish } = prepareCleanse(env, input, cleanseOptions, 'cleanseParallel');
  const spec = planSpec(plan, rows, cleanseOptions);
  // Small inputs are not worth starting threads for: a new thread spends seconds of CPU
  // building its lookup tables and warming up before it is as fast as this one.
  const own = pool ? null : await createWorkerPool(rows.length < PARALLEL_MIN_ROWS ? 1 : (workers ?? availableParallelism()));
  const runner = await (pool ?? own!).runner(plan, spec);
  let batch: RecordBatch;
  try {
    batch = await runBatches(runner, rows, rowNumbers, batchSize, cleanseOptions.onProgress);
  } finally {
    await runner.close();
    await own?.close();
  }
  return finishCleanse(env, plan, batch, finish);
}
