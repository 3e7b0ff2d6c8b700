/**
 * The clean job over a stream: the input is read in chunks, cleansed batch by batch (on
 * worker threads when asked), and written as it goes; memory stays bounded by the batch
 * size unless deduplication or existing records need every record. Outputs are
 * byte-identical to `cleanFile`.
 *
 * The clean and rejects files can only get their header once every record is known (a late
 * record may add a column), so their rows are spilled to temporary files and written out at
 * the end; the change log is written directly.
 *
 * When no set step needs the records (no deduplication, existing records, accounts or target
 * profile) and the clean file is CSV, each batch's output is prepared where it ran (a worker
 * thread: `withOutput`): clean and change-log rows arrive as UTF-8 CSV bytes, the clean ones
 * under the columns known so far plus the batch's own, and are spilled as they are. At the end,
 * batches written under the final columns are copied as bytes; the few written before a column
 * first showed up are re-cut cell by cell.
 */
import { once } from 'node:events';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, mkdtemp, open, rm, writeFile, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { builtInEnvironment } from '../builtins.js';
import type { Issue } from '../core/codes.js';
import type { LeadRecord } from '../core/fields.js';
import type { CleanseReport, RejectedRow } from '../engine/cleanse.js';
import type { CompiledPack } from '../engine/pack.js';
import { cleanseStreamWith, type CleanseStreamOptions, type ParseStreamEvent } from '../engine/stream.js';
import { targetTableShape } from '../export/target.js';
import { batchOutput, recordCounts, type BatchOutput } from '../io/batch-output.js';
import { csvRows, toCsv } from '../io/csv-write.js';
import { CHANGE_HEADERS, changeRows, cleanTableShape, rejectsTableShape, type CleanColumns } from '../io/outputs.js';
import type { ParseMeta } from '../io/parse-text.js';
import { toXlsx } from '../io/xlsx-write.js';
import { createSummaryBuilder, type RunSummary } from '../report/summary.js';
import type { CleanFileOptions, CleanFileOutputs } from '../node.js';
import { MAX_REPORT_ISSUES, jobInputs, jobOutputs, jobPack, outputPaths, reportJson, writeMergesAndHtml } from '../node.js';
import { createWorkerPool, planSpec, type PoolOptions, type RecordStepRunner, type WorkerPool } from './pool.js';

/** Appends CSV rows to a file, header first (identical bytes to `toCsv` of all rows). */
class CsvSink {
  private started = false;
  constructor(private readonly out: WriteStream, private readonly headers: readonly string[]) {}
  async write(rows: readonly (readonly (string | null)[])[]): Promise<void> {
    if (rows.length) await put(this.out, this.before() + csvRows(rows));
  }
  /** Rows already written as UTF-8 CSV lines, each ending in CRLF (`encodeLines`): the last CRLF is left out, as `toCsv` does. */
  async writeLines(lines: Uint8Array): Promise<void> {
    if (lines.length === 0) return;
    await put(this.out, this.before());
    await put(this.out, lines.subarray(0, lines.length - 2));
  }
  /** What goes before more rows: the header (and its CRLF) first, then the CRLF that ends the last row. */
  private before(): string {
    const text = this.started ? '\r\n' : toCsv(this.headers, []);
    this.started = true;
    return text;
  }
  async end(): Promise<void> {
    if (!this.started) await put(this.out, toCsv(this.headers, []));
    await close(this.out);
  }
}

async function put(out: WriteStream, data: string | Uint8Array): Promise<void> {
  if (!(typeof data === 'string' ? out.write(data, 'utf8') : out.write(data))) await once(out, 'drain');
}

async function close(out: WriteStream): Promise<void> {
  out.end();
  await once(out, 'finish');
}

/** Lines of an NDJSON spill file, parsed, in chunks. */
async function* readSpill<T>(path: string, chunk = 5000): AsyncGenerator<T[]> {
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  let batch: T[] = [];
  for await (const line of lines) {
    if (line === '') continue;
    batch.push(JSON.parse(line) as T);
    if (batch.length >= chunk) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}

export interface StreamFileOptions extends CleanFileOptions, PoolOptions {
  /** The parser events of the input (default: the file read in chunks by `parseLeadStream`). */
  readonly source?: AsyncIterable<ParseStreamEvent>;
}

export interface StreamFileResult {
  readonly outputs: CleanFileOutputs;
  readonly report: CleanseReport;
  readonly summary: RunSummary;
  readonly meta: ParseMeta | null;
  readonly pack: CompiledPack;
  /** File-level parser issues (an unreadable file shows here). */
  readonly fileIssues: readonly Issue[];
  readonly counts: JobCounts;
}

/** What the CLI prints about a run. */
export interface JobCounts {
  readonly changes: number;
  readonly clusters: number;
  readonly review: number;
  readonly accountsMatched: number;
  readonly records: number;
  readonly crm: { readonly update: number; readonly review: number; readonly new: number } | null;
}

/**
 * Streams one file through the clean job and writes the same outputs as `cleanFile`.
 *
 * @example
 * await cleanFileStream('huge.csv', { workers: 2, dedupe: false });
 */
export async function cleanFileStream(
  input: string,
  options: StreamFileOptions,
  openSource: (path: string, options: { sheet?: string | number; filename: string; keepSlices: boolean }) => AsyncIterable<ParseStreamEvent>,
): Promise<StreamFileResult> {
  const pack = await jobPack(options.pack);
  const inputs = await jobInputs(pack, options);
  const base = outputPaths(input, options.out);
  await mkdir(dirname(resolve(base.clean)), { recursive: true });
  const spillDir = await mkdtemp(join(tmpdir(), 'leadtidy-stream-'));
  // A pool of one runs the batches on this thread (no worker threads). With n > 1, n worker
  // threads, and this one only reads, hands out batches and writes: prepared output comes back
  // as bytes, so it has little else to do, and the workers' larger young generation serves every
  // batch (1M rows: 1.11× faster than n - 1 workers plus this thread, measured; a 5M-row stream
  // peaks at 731–791 MB).
  const workers = options.workers ?? 1;
  const own: WorkerPool | null = options.pool ? null : await createWorkerPool(workers, { callerTakesPart: workers < 2 });
  const pool = (options.pool ?? own)!;
  let runner: RecordStepRunner | null = null;
  try {
    const cleanSpillPath = join(spillDir, 'clean.spill');
    const cleanSpill = createWriteStream(cleanSpillPath);
    const rejectSpill = createWriteStream(join(spillDir, 'rejects.ndjson'));
    const changes = new CsvSink(createWriteStream(base.changes), CHANGE_HEADERS);
    const summary = createSummaryBuilder();
    const firstIssues: Issue[] = [];
    let issueCount = 0;
    let changeCount = 0;
    let accountsMatched = 0;
    let records = 0;
    let crm: { update: number; review: number; new: number } | null = null;
    const cleanShape = cleanTableShape();
    // Prepared output (see the module comment): decided once the plan is known.
    let prepared = false;
    const segments: Segment[] = [];
    // Rows that only go to worker threads need not be copied out of the parsed text (they are
    // copied there): measured 1.02–1.04× on 1M rows. A batch that runs here copies its cells first.
    const workerOnly = own !== null && own.size > 0 && workers > 1;
    const source =
      options.source ?? openSource(input, { filename: basename(input), keepSlices: workerOnly, ...(options.sheet !== undefined ? { sheet: options.sheet } : {}) });
    const wanted = (): BatchOutputWanted => ({ known: cleanShape.columns(), keepIssues: Math.max(0, MAX_REPORT_ISSUES - firstIssues.length) });
    const streamOptions: CleanseStreamOptions = {
      pack,
      ...(options.dedupe !== undefined ? { dedupe: options.dedupe } : {}),
      ...(options.target !== undefined ? { target: options.target } : {}),
      ...(options.campaign !== undefined ? { campaign: options.campaign } : {}),
      ...(inputs.accounts ? { accounts: inputs.accounts } : {}),
      ...(inputs.existing ? { existing: inputs.existing } : {}),
      ...(options.batchSize !== undefined ? { batchSize: options.batchSize } : {}),
      ...(workerOnly && !options.source ? { slicedCells: true } : {}),
      ...(options.onProgress ? { onProgress: (done: number) => options.onProgress!(done, 0) } : {}),
      runner: async (plan, sample) => {
        // Called once the plan is known, so `streamOptions` is complete by then.
        const r = await pool.runner(plan, planSpec(plan, sample, streamOptions));
        runner = r;
        return {
          concurrency: Math.max(1, r.threads * 2),
          run: (rows, rowNumbers, first) => (prepared ? r.run(rows, rowNumbers, first, wanted()) : r.run(rows, rowNumbers, first)),
        };
      },
    };
    let end: Extract<Awaited<ReturnType<ReturnType<typeof cleanseStreamWith>['next']>>['value'], { type: 'end' }> | null = null;
    let targetShape: ReturnType<typeof targetTableShape> | null = null;
    const takeIssues = (issues: readonly Issue[], total: number): void => {
      for (const i of issues) if (firstIssues.length < MAX_REPORT_ISSUES) firstIssues.push(i);
      issueCount += total;
    };
    for await (const e of cleanseStreamWith(builtInEnvironment, source, streamOptions)) {
      if (e.type === 'plan') {
        if (e.plan.target) targetShape = targetTableShape(e.plan.target);
        prepared = e.plan.decideEarly && !e.plan.dedupe && !e.plan.target && !inputs.existing && !inputs.accounts && extname(base.clean).toLowerCase() !== '.xlsx';
        continue;
      }
      if (e.type === 'end') {
        end = e;
        continue;
      }
      if (e.rejected.length) await put(rejectSpill, `${e.rejected.map((r) => JSON.stringify(r)).join('\n')}\n`);
      if (prepared) {
        // Batches run here after the plan grew (late columns) come as records: prepared the same way.
        const o: BatchOutput = e.output ?? batchOutput(e, wanted());
        cleanShape.include(o.columns);
        summary.addPart(o.summary);
        records += o.records;
        accountsMatched += o.accountIds;
        if (o.crm) crm = addCrm(crm, o.crm);
        if (o.records) {
          segments.push({ columns: o.columns, bytes: o.clean.length });
          await put(cleanSpill, o.clean);
        }
        await changes.writeLines(o.changes);
        changeCount += o.changeCount;
        takeIssues(o.issues, o.issueTotal);
        continue;
      }
      (targetShape ?? cleanShape).add(e.records);
      summary.addRecords(e.records);
      summary.addIssues(e.issues);
      records += e.records.length;
      const counts = recordCounts(e.records);
      accountsMatched += counts.accountIds;
      if (counts.crm) crm = addCrm(crm, counts.crm);
      if (e.records.length) await put(cleanSpill, `${e.records.map((r) => JSON.stringify(r)).join('\n')}\n`);
      await changes.write(changeRows(e.changes));
      changeCount += e.changes.length;
      takeIssues(e.issues, e.issues.length);
    }
    await changes.end();
    await close(cleanSpill);
    await close(rejectSpill);
    if (!end) throw new Error('stream ended without a report');
    summary.addIssues(end.fileIssues);
    summary.addIssues(end.mappingIssues);
    summary.addIssues(inputs.issues);
    summary.addAccountMatches(end.accounts.matched, end.accounts.total);
    // Reject originals use the final header list (ragged rows add columns).
    const rejects = rejectsTableShape(end.headers);
    for await (const chunk of readSpill<RejectedRow>(join(spillDir, 'rejects.ndjson'))) rejects.add(chunk);
    const outputs = jobOutputs(input, options, end.clusters.length + end.review.length > 0);
    // Clean file.
    const shape = targetShape ?? cleanShape;
    if (prepared) {
      const out = createWriteStream(outputs.clean);
      await put(out, toCsv(shape.headers(), []));
      await writeSegments(cleanSpillPath, segments, cleanShape.columns(), out);
      await close(out);
    } else if (extname(outputs.clean).toLowerCase() === '.xlsx') {
      const rows: (string | null)[][] = [];
      for await (const chunk of readSpill<LeadRecord>(cleanSpillPath)) for (const r of shape.rows(chunk)) rows.push(r);
      await writeFile(outputs.clean, toXlsx(shape.headers(), rows));
    } else {
      const sink = new CsvSink(createWriteStream(outputs.clean), shape.headers());
      for await (const chunk of readSpill<LeadRecord>(cleanSpillPath)) await sink.write(shape.rows(chunk));
      await sink.end();
    }
    const rejectSink = new CsvSink(createWriteStream(outputs.rejects), rejects.headers());
    for await (const chunk of readSpill<RejectedRow>(join(spillDir, 'rejects.ndjson'))) await rejectSink.write(rejects.rows(chunk));
    await rejectSink.end();

    const issues = [...end.fileIssues, ...end.mappingIssues, ...firstIssues, ...inputs.issues];
    const total = end.fileIssues.length + end.mappingIssues.length + issueCount + inputs.issues.length;
    const runSummary = summary.finish(end.report, end.clusters.length, { ...(end.meta ? { meta: end.meta } : {}), file: input });
    await writeFile(outputs.report, reportJson(runSummary, end.report, outputs, issues, total), 'utf8');
    await writeMergesAndHtml(outputs, end, () => runSummary);
    return {
      outputs,
      report: end.report,
      summary: runSummary,
      meta: end.meta,
      pack,
      fileIssues: end.fileIssues,
      counts: { changes: changeCount, clusters: end.clusters.length, review: end.review.length, accountsMatched, records, crm },
    };
  } finally {
    await (runner as RecordStepRunner | null)?.close();
    await own?.close();
    await rm(spillDir, { recursive: true, force: true });
  }
}

type Crm = { update: number; review: number; new: number };
function addCrm(into: Crm | null, more: Readonly<Crm>): Crm {
  const c = into ?? { update: 0, review: 0, new: 0 };
  c.update += more.update;
  c.review += more.review;
  c.new += more.new;
  return c;
}

type BatchOutputWanted = { readonly known: CleanColumns; readonly keepIssues: number };

/** A batch's clean rows in the spill: the columns they were written under and their size in bytes (CRLF included). */
interface Segment {
  readonly columns: CleanColumns;
  readonly bytes: number;
}

function sameColumns(a: CleanColumns, b: CleanColumns): boolean {
  const eq = (x: readonly string[], y: readonly string[]): boolean => x.length === y.length && x.every((v, i) => v === y[i]);
  return eq(a.fields, b.fields) && eq(a.extras, b.extras);
}

/**
 * Writes the spilled clean rows under the final columns, without the spill's last CRLF:
 * segments written under them are copied as bytes, others re-cut cell by cell.
 */
async function writeSegments(path: string, segments: readonly Segment[], final: CleanColumns, out: WriteStream): Promise<void> {
  const fh = await open(path, 'r');
  try {
    let pos = 0;
    for (let i = 0; i < segments.length; ) {
      const same = sameColumns(segments[i]!.columns, final);
      let bytes = 0;
      let j = i;
      // A run of segments that are all written under the final columns is one copy.
      if (same) for (; j < segments.length && sameColumns(segments[j]!.columns, final); j++) bytes += segments[j]!.bytes;
      else bytes = segments[j++]!.bytes;
      const last = j === segments.length;
      if (same) await copyRange(fh, out, pos, bytes - (last ? 2 : 0));
      else {
        const buf = Buffer.alloc(bytes);
        await fh.read(buf, 0, bytes, pos);
        const text = buf.toString('utf8', 0, bytes - 2);
        await put(out, projectCsv(text, segments[i]!.columns, final) + (last ? '' : '\r\n'));
      }
      pos += bytes;
      i = j;
    }
  } finally {
    await fh.close();
  }
}

async function copyRange(fh: FileHandle, out: WriteStream, start: number, length: number): Promise<void> {
  const chunk = 4 << 20;
  for (let done = 0; done < length; ) {
    const n = Math.min(chunk, length - done);
    const buf = Buffer.allocUnsafe(n);
    const { bytesRead } = await fh.read(buf, 0, n, start + done);
    if (bytesRead !== n) throw new Error('clean spill file is shorter than written');
    await put(out, buf);
    done += n;
  }
}

/**
 * Clean rows written by `csvRows` under `from` (`sourceRow`, fields, extras), re-cut to `to`:
 * cells are moved as written (quotes and formula guard kept), missing ones left empty.
 */
export function projectCsv(text: string, from: CleanColumns, to: CleanColumns): string {
  const index = new Map<string, number>();
  from.fields.forEach((f, i) => index.set(`f:${f}`, 1 + i));
  from.extras.forEach((k, i) => index.set(`x:${k}`, 1 + from.fields.length + i));
  const pick = [0, ...to.fields.map((f) => index.get(`f:${f}`) ?? -1), ...to.extras.map((k) => index.get(`x:${k}`) ?? -1)];
  const rows = splitOwnCsv(text);
  const out: string[] = new Array(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const cells = rows[r]!;
    out[r] = pick.map((i) => (i < 0 ? '' : cells[i] ?? '')).join(',');
  }
  return out.join('\r\n');
}

/**
 * Cells of CSV text as our writer writes it (`,`, CRLF between rows, a quoted cell starts and
 * ends with `"` with `""` inside), each cell exactly as written. Linear.
 */
function splitOwnCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  const n = text.length;
  if (n === 0) return rows;
  for (;;) {
    let j = i;
    if (text.charCodeAt(i) === 34) {
      // Quoted: find the closing quote (a doubled quote is content).
      j = i + 1;
      for (;;) {
        const q = text.indexOf('"', j);
        if (q < 0) throw new Error('clean spill: unterminated quoted cell');
        if (text.charCodeAt(q + 1) === 34) j = q + 2;
        else {
          j = q + 1;
          break;
        }
      }
    } else {
      while (j < n) {
        const c = text.charCodeAt(j);
        if (c === 44 || c === 13) break;
        j++;
      }
    }
    row.push(text.slice(i, j));
    if (j >= n) {
      rows.push(row);
      return rows;
    }
    if (text.charCodeAt(j) === 44) i = j + 1;
    else {
      // CRLF ends the row.
      rows.push(row);
      row = [];
      i = j + 2;
    }
  }
}
