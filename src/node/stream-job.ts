/**
 * The clean job over a stream: the input is read in chunks, cleansed batch by batch (on
 * worker threads when asked), and written as it goes; memory stays bounded by the batch
 * size unless deduplication or existing records need every record. Outputs are
 * byte-identical to `cleanFile`.
 *
 * The clean and rejects files can only get their header once every record is known (a late
 * record may add a column), so their rows are spilled to a temporary NDJSON file and written
 * out at the end; the change log is written directly.
 */
import { once } from 'node:events';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
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
import { csvRows, toCsv } from '../io/csv-write.js';
import { CHANGE_HEADERS, changeRows, cleanTableShape, rejectsTableShape } from '../io/outputs.js';
import type { ParseMeta } from '../io/parse-text.js';
import { toXlsx } from '../io/xlsx-write.js';
import { createSummaryBuilder, type RunSummary } from '../report/summary.js';
import type { CleanFileOptions, CleanFileOutputs } from '../node.js';
import { MAX_REPORT_ISSUES, jobInputs, jobOutputs, jobPack, outputPaths, reportJson, writeMergesAndHtml } from '../node.js';
import { createWorkerPool, planSpec, type PoolOptions, type WorkerPool } from './pool.js';

/** Appends CSV rows to a file, header first (identical bytes to `toCsv` of all rows). */
class CsvSink {
  private started = false;
  constructor(private readonly out: WriteStream, private readonly headers: readonly string[]) {}
  async write(rows: readonly (readonly (string | null)[])[]): Promise<void> {
    if (rows.length === 0) return;
    const text = this.started ? `\r\n${csvRows(rows)}` : toCsv(this.headers, rows);
    this.started = true;
    await put(this.out, text);
  }
  async end(): Promise<void> {
    if (!this.started) await put(this.out, toCsv(this.headers, []));
    await close(this.out);
  }
}

async function put(out: WriteStream, text: string): Promise<void> {
  if (!out.write(text, 'utf8')) await once(out, 'drain');
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
  openSource: (path: string, options: { sheet?: string | number; filename: string }) => AsyncIterable<ParseStreamEvent>,
): Promise<StreamFileResult> {
  const pack = await jobPack(options.pack);
  const inputs = await jobInputs(pack, options);
  const base = outputPaths(input, options.out);
  await mkdir(dirname(resolve(base.clean)), { recursive: true });
  const spillDir = await mkdtemp(join(tmpdir(), 'leadtidy-stream-'));
  const own: WorkerPool | null = options.pool ? null : options.workers !== undefined && options.workers > 1 ? await createWorkerPool(options.workers) : null;
  const pool = options.pool ?? own;
  try {
    const cleanSpill = createWriteStream(join(spillDir, 'clean.ndjson'));
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
    const source = options.source ?? openSource(input, { filename: basename(input), ...(options.sheet !== undefined ? { sheet: options.sheet } : {}) });
    const streamOptions: CleanseStreamOptions = {
      pack,
      ...(options.dedupe !== undefined ? { dedupe: options.dedupe } : {}),
      ...(options.target !== undefined ? { target: options.target } : {}),
      ...(options.campaign !== undefined ? { campaign: options.campaign } : {}),
      ...(inputs.accounts ? { accounts: inputs.accounts } : {}),
      ...(inputs.existing ? { existing: inputs.existing } : {}),
      ...(options.batchSize !== undefined ? { batchSize: options.batchSize } : {}),
      ...(options.onProgress ? { onProgress: (done: number) => options.onProgress!(done, 0) } : {}),
      ...(pool && pool.size > 0
        ? {
            runner: async (plan, sample) => {
              // Called once the plan is known, so `streamOptions` is complete by then.
              const r = await pool.runner(plan, planSpec(plan, sample, streamOptions));
              return { concurrency: r.threads * 2, run: r.run };
            },
          }
        : {}),
    };
    let end: Extract<Awaited<ReturnType<ReturnType<typeof cleanseStreamWith>['next']>>['value'], { type: 'end' }> | null = null;
    let targetShape: ReturnType<typeof targetTableShape> | null = null;
    for await (const e of cleanseStreamWith(builtInEnvironment, source, streamOptions)) {
      if (e.type === 'plan') {
        if (e.plan.target) targetShape = targetTableShape(e.plan.target);
        continue;
      }
      if (e.type === 'end') {
        end = e;
        continue;
      }
      (targetShape ?? cleanShape).add(e.records);
      summary.addRecords(e.records);
      summary.addIssues(e.issues);
      records += e.records.length;
      for (const r of e.records) {
        if (r.accountId) accountsMatched++;
        if (r.crmAction) {
          crm ??= { update: 0, review: 0, new: 0 };
          if (r.crmAction.startsWith('update')) crm.update++;
          else if (r.crmAction.startsWith('review')) crm.review++;
          else if (r.crmAction === 'new') crm.new++;
        }
      }
      if (e.records.length) await put(cleanSpill, `${e.records.map((r) => JSON.stringify(r)).join('\n')}\n`);
      if (e.rejected.length) await put(rejectSpill, `${e.rejected.map((r) => JSON.stringify(r)).join('\n')}\n`);
      await changes.write(changeRows(e.changes));
      changeCount += e.changes.length;
      for (const i of e.issues) if (firstIssues.length < MAX_REPORT_ISSUES) firstIssues.push(i);
      issueCount += e.issues.length;
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
    if (extname(outputs.clean).toLowerCase() === '.xlsx') {
      const rows: (string | null)[][] = [];
      for await (const chunk of readSpill<LeadRecord>(join(spillDir, 'clean.ndjson'))) for (const r of shape.rows(chunk)) rows.push(r);
      await writeFile(outputs.clean, toXlsx(shape.headers(), rows));
    } else {
      const sink = new CsvSink(createWriteStream(outputs.clean), shape.headers());
      for await (const chunk of readSpill<LeadRecord>(join(spillDir, 'clean.ndjson'))) await sink.write(shape.rows(chunk));
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
    await own?.close();
    await rm(spillDir, { recursive: true, force: true });
  }
}
