/**
 * `cleanseStream`: the cleanse job over a stream of rows, batch by batch, with memory
 * bounded by the batch size whenever no set step needs the whole file. Pure: takes any
 * (async) iterable, runs in Node, browsers and serverless runtimes.
 *
 * - Record steps stream: each batch of rows is cleansed and handed out as soon as it is done
 *   (in input order, also when batches run on worker threads through `runner`).
 * - Account matching streams too: the account index is built once, each batch is matched.
 * - Deduplication and existing-record labels need every record: records are held (rejects,
 *   changes and issues still stream) and handed out, merged, at the end.
 *
 * The events, concatenated, are exactly what `cleanse` returns for the same rows.
 */
import type { Issue } from '../core/codes.js';
import { LeadtidyError } from '../core/errors.js';
import { detached } from '../core/text.js';
import type { LeadRecord, RawRow } from '../core/fields.js';
import type { BatchOutput } from '../io/batch-output.js';
import type { ParseMeta } from '../io/parse-text.js';
import { wholeFileIssueOrder } from '../io/stream-text.js';
import {
  MAPPING_SAMPLE_ROWS,
  addCounts,
  buildReport,
  collectHeaders,
  countIssues,
  extraHeaderOf,
  mergeRecordBatches,
  planCleanse,
  runRecordSteps,
  runSetSteps,
  type Change,
  type CleanseCluster,
  type CleanseEnvironment,
  type CleanseOptions,
  type CleansePlan,
  type CleanseReport,
  type CleanseResult,
  type RecordBatch,
  type RejectedRow,
} from './cleanse.js';
import type { HeaderMapping } from './headers.js';

/** Events of a streaming parser (`parseLeadStream`). */
export type ParseStreamEvent =
  | { readonly type: 'header'; readonly headers: readonly string[]; readonly issues: readonly Issue[] }
  | { readonly type: 'rows'; readonly rows: readonly RawRow[]; readonly rowNumbers: readonly number[]; readonly issues: readonly Issue[] }
  | { readonly type: 'end'; readonly headers: readonly string[]; readonly issues: readonly Issue[]; readonly meta: ParseMeta };

/** What `cleanseStream` reads: parser events, or plain rows (one by one or in arrays). */
export type CleanseStreamSource =
  | AsyncIterable<ParseStreamEvent>
  | AsyncIterable<RawRow | readonly RawRow[]>
  | Iterable<RawRow | readonly RawRow[]>;

/**
 * A record batch as a runner hands it back: either as `runRecordSteps` returns it, or with its
 * records, changes and issues already turned into output where it ran (`withOutput`); the
 * latter only when no set step runs on the records (no deduplication, existing records or
 * accounts) and score/route ran with the record steps.
 */
export type RunBatch = RecordBatch & { readonly output?: BatchOutput };

/** Runs record steps on a batch (e.g. on a worker thread). Results must equal `runRecordSteps`. */
export interface BatchRunner {
  /** Batches it can work on at once (the stream keeps this many in flight; default 1). */
  readonly concurrency?: number;
  run(rows: readonly RawRow[], rowNumbers: readonly number[] | undefined, first: number): Promise<RunBatch>;
}

export interface CleanseStreamOptions extends Omit<CleanseOptions, 'rowNumbers' | 'onProgress'> {
  /** Rows per batch (default 2,000). */
  readonly batchSize?: number;
  /** Runs the record steps of each batch elsewhere (worker threads); built once the plan is known. */
  readonly runner?: (plan: CleansePlan, sample: readonly RawRow[]) => Promise<BatchRunner> | BatchRunner;
  /** Called after each batch with the rows done so far. */
  readonly onProgress?: (done: number) => void;
  /**
   * The rows' cells may be slices of the parsed text (the parser's `keepSlices`, for rows meant
   * for worker threads): a batch that runs on this thread gets its long cells copied first, so
   * that no cache here keeps a piece of the file alive.
   */
  readonly slicedCells?: boolean;
}

/** A batch of output, in input order. */
export interface CleanseStreamBatch {
  readonly type: 'batch';
  /** Final clean records (scored, routed, account-matched; merged when deduplication ran). */
  readonly records: LeadRecord[];
  readonly rejected: RejectedRow[];
  readonly changes: Change[];
  /** Issues in the order `cleanse` lists them (file issues come in the end event). */
  readonly issues: Issue[];
  /** When the runner prepared the output (see {@link RunBatch}): records, changes and issues are in here instead. */
  readonly output?: BatchOutput;
}

/** The last event: everything that needs the whole file. */
export interface CleanseStreamEnd {
  readonly type: 'end';
  readonly report: CleanseReport;
  readonly mapping: readonly HeaderMapping[];
  readonly clusters: CleanseCluster[];
  readonly mergePlan: readonly unknown[];
  readonly review: readonly unknown[];
  /** Parser issues (file level and per row), as `parseLeadFile` lists them. */
  readonly fileIssues: readonly Issue[];
  /** Header mapping issues (come after file issues in `cleanse`'s list). */
  readonly mappingIssues: readonly Issue[];
  /** Input headers, final (ragged rows may add columns), and the parser's meta when parsed. */
  readonly headers: readonly string[];
  readonly meta: ParseMeta | null;
  readonly accounts: { readonly matched: number; readonly total: number };
  readonly target: CleansePlan['target'];
}

export type CleanseStreamEvent = { readonly type: 'plan'; readonly plan: CleansePlan } | CleanseStreamBatch | CleanseStreamEnd;

function isParseEvent(x: unknown): x is ParseStreamEvent {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return false;
  const e = x as { type?: unknown; rows?: unknown; headers?: unknown };
  return (e.type === 'rows' && Array.isArray(e.rows)) || ((e.type === 'header' || e.type === 'end') && Array.isArray(e.headers));
}

interface Chunk {
  readonly rows: readonly RawRow[];
  readonly rowNumbers: readonly number[] | undefined;
}

function notRows(): LeadtidyError {
  return new LeadtidyError('input', 'cleanseStream() reads row objects, arrays of row objects, or parseLeadStream() events');
}

/** Normalizes any source into chunks of rows, collecting parser headers, issues and meta. */
async function* chunksOf(
  source: CleanseStreamSource,
  state: { headers: string[] | null; fileIssues: Issue[]; meta: ParseMeta | null; finalHeaders: readonly string[] | null },
): AsyncGenerator<Chunk> {
  let loose: RawRow[] = [];
  for await (const item of source as AsyncIterable<unknown>) {
    if (isParseEvent(item)) {
      for (const i of item.issues) state.fileIssues.push(i);
      if (item.type === 'header') state.headers = [...item.headers];
      else if (item.type === 'end') {
        state.meta = item.meta;
        state.finalHeaders = item.headers;
      } else if (item.rows.length) yield { rows: item.rows, rowNumbers: item.rowNumbers };
      continue;
    }
    if (Array.isArray(item)) {
      for (const r of item) if (typeof r !== 'object' || r === null || Array.isArray(r)) throw notRows();
      if (loose.length) (yield { rows: loose, rowNumbers: undefined }), (loose = []);
      if (item.length) yield { rows: item as RawRow[], rowNumbers: undefined };
    } else if (typeof item === 'object' && item !== null) {
      loose.push(item as RawRow);
      if (loose.length >= 1000) (yield { rows: loose, rowNumbers: undefined }), (loose = []);
    } else throw notRows();
  }
  if (loose.length) yield { rows: loose, rowNumbers: undefined };
}

/** Re-cuts chunks into batches of `size` rows. */
async function* rebatch(chunks: AsyncIterable<Chunk>, size: number): AsyncGenerator<Chunk> {
  let rows: RawRow[] = [];
  let numbers: number[] | undefined;
  let numbered = true;
  for await (const c of chunks) {
    let i = 0;
    while (i < c.rows.length) {
      const take = Math.min(size - rows.length, c.rows.length - i);
      for (let k = 0; k < take; k++) rows.push(c.rows[i + k]!);
      if (c.rowNumbers && numbered) {
        numbers ??= [];
        for (let k = 0; k < take; k++) numbers.push(c.rowNumbers[i + k]!);
      } else numbered = false;
      i += take;
      if (rows.length === size) {
        yield { rows, rowNumbers: numbered ? numbers : undefined };
        rows = [];
        numbers = undefined;
      }
    }
  }
  if (rows.length) yield { rows, rowNumbers: numbered ? numbers : undefined };
}

function appendNew(headers: readonly string[], more: readonly string[]): string[] {
  const seen = new Set(headers);
  return [...headers, ...more.filter((h) => !seen.has(h))];
}

/** Headers in `rows` that the plan does not know (ragged rows after the sample, late keys). */
function newHeaders(known: Set<string>, rows: readonly RawRow[]): string[] {
  let out: string[] | null = null;
  for (const row of rows) {
    for (const k in row) {
      if (!Object.prototype.hasOwnProperty.call(row, k) || known.has(k)) continue;
      known.add(k);
      (out ??= []).push(k);
    }
  }
  return out ?? [];
}

/** The plan with more columns carried through unmapped (columns seen only after the mapping sample). */
function extendPlan(plan: CleansePlan, headers: readonly string[]): CleansePlan {
  const start = plan.headers.length;
  const mapping: HeaderMapping[] = headers.map((header, i) => ({ header, column: start + i + 1, field: null, method: 'unmapped', confidence: 0 }));
  return {
    ...plan,
    headers: [...plan.headers, ...headers],
    mapping: [...plan.mapping, ...mapping],
    extraHeaders: [...plan.extraHeaders, ...mapping.map(extraHeaderOf)],
  };
}

/**
 * Cleanses a stream of rows (see the module comment). Yields `plan` once, `batch` events in
 * input order, then `end`.
 *
 * @example
 * for await (const e of cleanseStream(parseLeadStream(fs.createReadStream('leads.csv')))) {
 *   if (e.type === 'batch') write(e.records);
 * }
 */
export async function* cleanseStreamWith(
  env: CleanseEnvironment,
  source: CleanseStreamSource,
  options: CleanseStreamOptions = {},
): AsyncGenerator<CleanseStreamEvent> {
  const batchSize = options.batchSize ?? 2000;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new LeadtidyError('input', `batchSize must be a positive integer, got ${batchSize}`);
  if (source === null || typeof source !== 'object' || (!(Symbol.asyncIterator in source) && !(Symbol.iterator in source))) {
    throw new LeadtidyError('input', 'cleanseStream() expects an iterable or async iterable of rows or parseLeadStream() events');
  }
  const state = { headers: null as string[] | null, fileIssues: [] as Issue[], meta: null as ParseMeta | null, finalHeaders: null as readonly string[] | null };
  const batches = rebatch(chunksOf(source, state), batchSize)[Symbol.asyncIterator]();

  // Sample the first rows for header mapping.
  const held: Chunk[] = [];
  let sampled = 0;
  while (sampled < MAPPING_SAMPLE_ROWS) {
    const n = await batches.next();
    if (n.done) break;
    held.push(n.value);
    sampled += n.value.rows.length;
  }
  const sample = held.flatMap((c) => c.rows as RawRow[]).slice(0, MAPPING_SAMPLE_ROWS);
  // The parser's header row, plus columns ragged rows of the sample add (as `parseLeadFile` lists them).
  const headers = options.headers ?? appendNew(state.headers ?? state.finalHeaders ?? [], collectHeaders(sample));
  let plan = planCleanse(env, headers, sample, options);
  yield { type: 'plan', plan };
  const known = new Set(plan.headers);
  const runner = options.runner ? await options.runner(plan, sample) : null;

  // Accounts: index built once; batches matched against it.
  const holdRecords = plan.dedupe || (options.existing !== undefined && env.setSteps?.labelExisting !== undefined);
  const accounts = options.accounts !== undefined && env.setSteps?.matchAccounts
    ? (env.setSteps.prepareAccounts ? env.setSteps.prepareAccounts(options.accounts, { pack: plan.pack.resolved }) : options.accounts)
    : undefined;

  // Running counts for the report (nothing per row is kept unless records are held).
  const totals = { rows: 0, changesByRule: {} as Record<string, number>, fillBefore: {} as Record<string, number>, fillAfter: {} as Record<string, number>, rejectReasons: {} as Record<string, number> };
  let rejected = 0;
  let outCount = 0;
  const issuesByCode: Record<string, number> = {};
  let matched = 0;
  let matchTotal = 0;
  const countMatches = (ms: readonly unknown[]): void => {
    for (const m of ms as { accountId?: string | null }[]) if (m && m.accountId) matched++;
    matchTotal += ms.length;
  };
  const heldBatches: RecordBatch[] = [];
  let first = 0;

  const inFlight: Promise<RunBatch>[] = [];
  const window = Math.max(1, runner?.concurrency ?? 1);
  // Columns first seen after the sample are carried through unmapped; from then on the
  // batches run here, since the runner's copies of the plan do not know them.
  let runnerCurrent = runner !== null;
  const submit = (c: Chunk): void => {
    const extra = newHeaders(known, c.rows);
    if (extra.length) {
      plan = extendPlan(plan, extra);
      runnerCurrent = false;
    }
    const p =
      runner && runnerCurrent
        ? runner.run(c.rows, c.rowNumbers, first)
        : Promise.resolve(runRecordSteps(plan, options.slicedCells ? c.rows.map(detachRow) : c.rows, c.rowNumbers, first));
    inFlight.push(p);
    first += c.rows.length;
  };
  const settle = (b: RunBatch): CleanseStreamBatch | null => {
    addCounts(totals.changesByRule, b.changesByRule);
    addCounts(totals.fillBefore, b.fillBefore);
    addCounts(totals.rejectReasons, b.rejectReasons);
    rejected += b.rejected.length;
    totals.rows += b.rows;
    options.onProgress?.(totals.rows);
    if (b.output) {
      if (holdRecords || !plan.decideEarly || accounts !== undefined) throw new LeadtidyError('input', 'cleanseStream: a runner prepared the output of a batch whose records set steps still need');
      addCounts(issuesByCode, b.output.issueCounts);
      addCounts(totals.fillAfter, b.fillAfter);
      outCount += b.output.records;
      return { type: 'batch', records: [], rejected: b.rejected, changes: [], issues: [], output: b.output };
    }
    countIssues(b.issues, issuesByCode);
    if (holdRecords) {
      // Only the records (and their issues for score/route) wait for the set steps.
      heldBatches.push({ ...b, rejected: [], changes: [], issues: [] });
      return { type: 'batch', records: [], rejected: b.rejected, changes: b.changes, issues: b.issues };
    }
    let records = b.records;
    const issues = b.issues;
    if (!plan.decideEarly) {
      const set = runSetSteps(env, plan, b.records, b.recordIssues, accounts !== undefined ? { accounts } : {});
      records = set.records;
      addCounts(totals.fillAfter, set.fillAfter);
      countMatches(set.accountMatches);
    } else addCounts(totals.fillAfter, b.fillAfter);
    outCount += records.length;
    return { type: 'batch', records, rejected: b.rejected, changes: b.changes, issues };
  };

  for (const c of held) {
    submit(c);
    while (inFlight.length >= window) {
      const e = settle(await inFlight.shift()!);
      if (e) yield e;
    }
  }
  held.length = 0;
  for (;;) {
    const n = await batches.next();
    if (n.done) break;
    submit(n.value);
    while (inFlight.length >= window) {
      const e = settle(await inFlight.shift()!);
      if (e) yield e;
    }
  }
  while (inFlight.length) {
    const e = settle(await inFlight.shift()!);
    if (e) yield e;
  }

  let clusters: CleanseCluster[] = [];
  let mergePlan: readonly unknown[] = [];
  let review: readonly unknown[] = [];
  let merged = 0;
  if (holdRecords) {
    const all = mergeRecordBatches(heldBatches);
    heldBatches.length = 0;
    const set = runSetSteps(env, plan, all.records, all.recordIssues, {
      ...(options.existing !== undefined ? { existing: options.existing } : {}),
      ...(accounts !== undefined ? { accounts } : {}),
    });
    clusters = set.clusters;
    mergePlan = set.mergePlan;
    review = set.review;
    merged = set.merged;
    addCounts(totals.changesByRule, set.changesByRule);
    addCounts(totals.fillAfter, plan.decideEarly ? all.fillAfter : set.fillAfter);
    countIssues(set.issues, issuesByCode);
    countMatches(set.accountMatches);
    outCount = set.records.length;
    for (let i = 0; i < set.records.length || i === 0; i += batchSize) {
      const last = i + batchSize >= set.records.length;
      yield {
        type: 'batch',
        records: set.records.slice(i, i + batchSize),
        rejected: [],
        changes: last ? set.changes : [],
        issues: last ? set.issues : [],
      };
      if (last) break;
    }
  }
  // Parser issues in the order parseLeadFile lists them (quote issues arrive with their batch).
  const fileIssues = wholeFileIssueOrder(state.fileIssues);
  countIssues(fileIssues, issuesByCode);
  countIssues(plan.mappingIssues, issuesByCode);
  const report = buildReport(plan, totals.rows, outCount, rejected, merged, totals.rejectReasons, totals.fillBefore, totals.fillAfter, totals.changesByRule, orderedCounts(issuesByCode, fileIssues, plan.mappingIssues));
  yield {
    type: 'end',
    report,
    mapping: plan.mapping,
    clusters,
    mergePlan,
    review,
    fileIssues,
    mappingIssues: plan.mappingIssues,
    headers: state.finalHeaders ?? plan.headers,
    meta: state.meta,
    accounts: { matched, total: matchTotal },
    target: plan.target,
  };
}

/**
 * Issue counts with keys in the order `cleanse` would first meet them (file issues, mapping
 * issues, then the rest), so the report serializes identically.
 */
function orderedCounts(counts: Record<string, number>, fileIssues: readonly Issue[], mappingIssues: readonly Issue[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const i of fileIssues) if (!Object.prototype.hasOwnProperty.call(out, i.code)) out[i.code] = counts[i.code]!;
  for (const i of mappingIssues) if (!Object.prototype.hasOwnProperty.call(out, i.code)) out[i.code] = counts[i.code]!;
  for (const k of Object.keys(counts)) if (!Object.prototype.hasOwnProperty.call(out, k)) out[k] = counts[k]!;
  return out;
}

/**
 * Gathers a `cleanseStream` into the `CleanseResult` shape (everything in memory: for tests
 * and small inputs).
 */
export async function collectCleanseStream(events: AsyncIterable<CleanseStreamEvent>): Promise<CleanseResult & { readonly meta: ParseMeta | null }> {
  const records: LeadRecord[] = [];
  const rejected: RejectedRow[] = [];
  const changes: Change[] = [];
  const rowIssues: Issue[] = [];
  for await (const e of events) {
    if (e.type === 'batch') {
      for (const x of e.records) records.push(x);
      for (const x of e.rejected) rejected.push(x);
      for (const x of e.changes) changes.push(x);
      for (const x of e.issues) rowIssues.push(x);
    } else if (e.type === 'end') {
      return {
        records,
        rejected,
        changes,
        clusters: e.clusters,
        mergePlan: e.mergePlan,
        review: e.review,
        accountMatches: [],
        issues: [...e.fileIssues, ...e.mappingIssues, ...rowIssues],
        report: e.report,
        mapping: e.mapping,
        target: e.target,
        meta: e.meta,
      };
    }
  }
  throw new LeadtidyError('input', 'cleanseStream ended without its end event');
}

/** The row with its long cells copied in place (see `CleanseStreamOptions.slicedCells`; the parser's own rows). */
function detachRow(row: RawRow): RawRow {
  const r = row as Record<string, string>;
  for (const k of Object.keys(r)) {
    const v = r[k];
    if (typeof v === 'string') r[k] = detached(v);
  }
  return row;
}
