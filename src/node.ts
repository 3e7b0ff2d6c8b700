/**
 * `leadtidy/node`: file I/O for Node — read a lead file or a pack from disk, run the
 * whole clean job, write its outputs. Everything else in leadtidy is pure.
 */
import { createReadStream } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { builtInPacks } from './builtins.js';
import { LeadtidyError } from './core/errors.js';
import type { CleanseOptions, CleanseReport, CleanseResult } from './engine/cleanse.js';
import { cleanseParallel, type PoolOptions } from './node/pool.js';
import { cleanFileStream as cleanFileStreamWith, type JobCounts, type StreamFileOptions, type StreamFileResult } from './node/stream-job.js';
import { parseLeadStreamTuned, type LeadStreamEvent, type StreamParseOptions } from './io/stream.js';
import type { CompiledPack } from './engine/pack.js';
import { cleanse, loadPack } from './index.js';
import { toCsv } from './io/csv-write.js';
import { changesTable, cleanTable, rejectsTable, type OutputTable } from './io/outputs.js';
import { targetTable } from './export/target.js';
import { accountsFromRows } from './match/accounts/index.js';
import type { Issue } from './core/codes.js';
import { parseLeadFile } from './io/parse.js';
import type { ParseOptions, ParsedLeadFile } from './io/parse-text.js';
import { toXlsx } from './io/xlsx-write.js';
import { renderReportHtml } from './report/html.js';
import { summarize, type RunSummary } from './report/summary.js';

/** Reads and parses a CSV/TSV/XLSX/XLS file. */
export async function readLeadFile(path: string, options: Omit<ParseOptions, 'filename'> = {}): Promise<ParsedLeadFile> {
  const bytes = await readFile(path);
  return parseLeadFile(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), { ...options, filename: basename(path) });
}

async function readJson(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new LeadtidyError('pack', `Cannot read rule pack ${path}`, [{ path, message: (e as Error).message }]);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new LeadtidyError('pack', `Rule pack ${path} is not valid JSON`, [{ path, message: (e as Error).message }]);
  }
}

/**
 * Loads a pack from a file (or a built-in pack by id). `extends` may name built-in
 * packs or `<id>.json` files in the same folder.
 */
export async function loadPackFile(pathOrId: string): Promise<CompiledPack> {
  if (Object.prototype.hasOwnProperty.call(builtInPacks, pathOrId)) return loadPack(builtInPacks[pathOrId]);
  const file = resolve(pathOrId);
  const pack = await readJson(file);
  const library: Record<string, unknown> = {};
  const pending = [pack];
  while (pending.length) {
    const p = pending.pop() as { extends?: unknown } | null;
    const ext = p && typeof p === 'object' ? p.extends : undefined;
    const ids = typeof ext === 'string' ? [ext] : Array.isArray(ext) ? ext.filter((x): x is string => typeof x === 'string') : [];
    for (const id of ids) {
      if (Object.prototype.hasOwnProperty.call(builtInPacks, id) || Object.prototype.hasOwnProperty.call(library, id)) continue;
      if (!/^[A-Za-z][A-Za-z0-9_.-]{0,63}$/.test(id)) continue; // the schema reports it
      const sibling = join(dirname(file), `${id}.json`);
      try {
        library[id] = JSON.parse(await readFile(sibling, 'utf8')) as unknown;
        pending.push(library[id]);
      } catch {
        // Unknown ids are reported by resolvePack with the list of known packs.
      }
    }
  }
  return loadPack(pack, { source: basename(file), library });
}

export interface CleanFileOptions extends Omit<CleanseOptions, 'pack' | 'accounts' | 'existing'> {
  /** Accounts file (CSV/XLSX with id, name, website, domains, country, …) or accounts. */
  readonly accounts?: string | readonly unknown[];
  /** Existing CRM records: a CRM export file (CSV/XLSX, cleansed with the same pack) or records. */
  readonly existing?: string | readonly unknown[];
  /** Pack file path, built-in id, or a pack object. */
  readonly pack?: string | object;
  /** Clean file path (.csv or .xlsx); default `<input>.clean.csv` beside the input. */
  readonly out?: string;
  readonly sheet?: string | number;
  /** Called with (rows done, total) while cleansing. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Also write the self-contained HTML report to this path. */
  readonly report?: string;
}

export interface CleanFileOutputs {
  readonly clean: string;
  readonly rejects: string;
  readonly changes: string;
  readonly report: string;
  /** Merge plan, clusters and review pairs (written when duplicates were found). */
  readonly merges?: string;
  readonly html?: string;
}

export interface CleanFileResult {
  readonly parsed: ParsedLeadFile;
  readonly result: CleanseResult;
  readonly outputs: CleanFileOutputs;
  readonly pack: CompiledPack;
  readonly counts: JobCounts;
}

/** The counts the CLI prints, from an in-memory result. */
export function jobCounts(result: CleanseResult): JobCounts {
  const crmRecords = result.records.filter((x) => x.crmAction);
  return {
    changes: result.changes.length,
    clusters: result.clusters.length,
    review: result.review.length,
    accountsMatched: result.records.filter((x) => x.accountId).length,
    records: result.records.length,
    crm: crmRecords.length
      ? {
          update: crmRecords.filter((x) => x.crmAction!.startsWith('update')).length,
          review: crmRecords.filter((x) => x.crmAction!.startsWith('review')).length,
          new: crmRecords.filter((x) => x.crmAction === 'new').length,
        }
      : null,
  };
}

/** Output paths for a clean file path: `x.clean.csv` → `x.rejects.csv`, `x.changes.csv`, `x.report.json`. */
export function outputPaths(input: string, out?: string): CleanFileOutputs {
  const clean = out ?? join(dirname(input), `${basename(input, extname(input))}.clean.csv`);
  const base = clean.slice(0, clean.length - extname(clean).length).replace(/\.clean$/, '');
  return { clean, rejects: `${base}.rejects.csv`, changes: `${base}.changes.csv`, report: `${base}.report.json` };
}

function csvBytes(t: OutputTable): string {
  return toCsv(t.headers, t.rows);
}

/** Issues listed in `*.report.json` (all are counted). */
export const MAX_REPORT_ISSUES = 10_000;

/** The JSON summary written next to the outputs: the run summary, the raw report, and the first issues. */
export function summaryJson(parsed: ParsedLeadFile, result: CleanseResult, outputs: CleanFileOutputs, input: string): string {
  return reportJson(summarize(result, { meta: parsed.meta, file: input }), result.report, outputs, result.issues.slice(0, MAX_REPORT_ISSUES), result.issues.length);
}

/** The report JSON from its parts (the streaming job keeps only the first issues). */
export function reportJson(summary: RunSummary, report: CleanseReport, outputs: CleanFileOutputs, firstIssues: readonly Issue[], issueCount: number): string {
  const out = {
    ...summary,
    outputs,
    report,
    issues: firstIssues.slice(0, MAX_REPORT_ISSUES),
    issuesTruncated: issueCount > MAX_REPORT_ISSUES ? issueCount - MAX_REPORT_ISSUES : 0,
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}

/** Accounts and existing records of a job, read from files when given as paths. */
export async function jobInputs(
  pack: CompiledPack,
  options: Pick<CleanFileOptions, 'accounts' | 'existing'>,
): Promise<{ accounts?: readonly unknown[]; existing?: readonly unknown[]; issues: Issue[] }> {
  const issues: Issue[] = [];
  let accounts: readonly unknown[] | undefined;
  if (typeof options.accounts === 'string') {
    const a = accountsFromRows((await readLeadFile(options.accounts)).rows);
    accounts = a.accounts;
    issues.push(...a.issues);
  } else accounts = options.accounts;
  let existing: readonly unknown[] | undefined;
  if (typeof options.existing === 'string') {
    // The CRM export is cleansed with the same pack (no dedupe), so both sides compare clean values.
    existing = cleanse(await readLeadFile(options.existing), { pack, dedupe: false }).records;
  } else existing = options.existing;
  return { ...(accounts ? { accounts } : {}), ...(existing ? { existing } : {}), issues };
}

/** Loads the job's pack: a file path, a built-in id, or a pack object. */
export async function jobPack(pack: CleanFileOptions['pack']): Promise<CompiledPack> {
  return typeof pack === 'string' ? await loadPackFile(pack) : loadPack(pack);
}

/**
 * The whole clean job for one file: read, cleanse, write the clean file (CSV or XLSX
 * by extension), `*.rejects.csv`, `*.changes.csv` and `*.report.json`. With `workers` > 1
 * the record steps run on worker threads (same outputs).
 */
export async function cleanFile(input: string, options: CleanFileOptions & PoolOptions = {}): Promise<CleanFileResult> {
  const pack = await jobPack(options.pack);
  const parsed = await readLeadFile(input, options.sheet !== undefined ? { sheet: options.sheet } : {});
  const { out: _out, sheet: _sheet, pack: _pack, report: _report, accounts: _a, existing: _e, workers, pool, batchSize, ...rest } = options;
  const inputs = await jobInputs(pack, options);
  const cleanseOptions = { ...rest, pack, ...(inputs.accounts ? { accounts: inputs.accounts } : {}), ...(inputs.existing ? { existing: inputs.existing } : {}) };
  const parallel = pool !== undefined || (workers !== undefined && workers > 1);
  const result = parallel
    ? await cleanseParallel(parsed, { ...cleanseOptions, ...(pool ? { pool } : {}), ...(workers !== undefined ? { workers } : {}), ...(batchSize !== undefined ? { batchSize } : {}) })
    : cleanse(parsed, cleanseOptions);
  result.issues.push(...inputs.issues);
  const outputs = jobOutputs(input, options, result.clusters.length + result.review.length > 0);
  await mkdir(dirname(resolve(outputs.clean)), { recursive: true });
  const clean = result.target ? targetTable(result.records, result.target) : cleanTable(result.records);
  if (extname(outputs.clean).toLowerCase() === '.xlsx') await writeFile(outputs.clean, toXlsx(clean.headers, clean.rows));
  else await writeFile(outputs.clean, csvBytes(clean), 'utf8');
  await writeFile(outputs.rejects, csvBytes(rejectsTable(result, parsed.headers)), 'utf8');
  await writeFile(outputs.changes, csvBytes(changesTable(result)), 'utf8');
  await writeFile(outputs.report, summaryJson(parsed, result, outputs, input), 'utf8');
  await writeMergesAndHtml(outputs, result, () => summarize(result, { meta: parsed.meta, file: input }));
  return { parsed, result, outputs, pack, counts: jobCounts(result) };
}

/** A job's output paths: the four files, `*.merges.json` when duplicates were found, the HTML report when asked. */
export function jobOutputs(input: string, options: Pick<CleanFileOptions, 'out' | 'report'>, merges: boolean): CleanFileOutputs {
  const base = outputPaths(input, options.out);
  return {
    ...base,
    ...(merges ? { merges: base.report.replace(/\.report\.json$/, '.merges.json') } : {}),
    ...(options.report !== undefined ? { html: options.report } : {}),
  };
}

/** Writes `*.merges.json` and the HTML report when `outputs` names them. */
export async function writeMergesAndHtml(
  outputs: CleanFileOutputs,
  merges: Pick<CleanseResult, 'clusters' | 'mergePlan' | 'review'>,
  summary: () => RunSummary,
): Promise<void> {
  if (outputs.merges !== undefined) await writeFile(outputs.merges, mergesJson(merges), 'utf8');
  if (outputs.html !== undefined) {
    await mkdir(dirname(resolve(outputs.html)), { recursive: true });
    await writeFile(outputs.html, renderReportHtml(summary()), 'utf8');
  }
}

/** `*.merges.json`: clusters, merge plan and review pairs. */
export function mergesJson(result: Pick<CleanseResult, 'clusters' | 'mergePlan' | 'review'>): string {
  return `${JSON.stringify({ clusters: result.clusters, mergePlan: result.mergePlan, review: result.review }, null, 2)}\n`;
}

export { parseLeadFile } from './io/parse.js';
export type { JobCounts, StreamFileOptions, StreamFileResult } from './node/stream-job.js';
export { cleanseParallel, createWorkerPool, DEFAULT_BATCH_ROWS, type PoolOptions, type WorkerPool, type RecordStepRunner } from './node/pool.js';

/**
 * Parser events of a lead file. CSV/TSV are read in chunks; spreadsheets are read whole
 * (SheetJS has no streaming reader) and handed out in batches.
 */
export function readLeadEvents(path: string, options: Omit<StreamParseOptions, 'filename'> = {}): AsyncGenerator<LeadStreamEvent> {
  return leadEvents(path, { ...options, filename: basename(path) });
}

/** {@link readLeadEvents} with the parser's internal knobs (`keepSlices`: rows meant for worker threads). */
function leadEvents(path: string, options: StreamParseOptions, tuning: { readonly keepSlices?: boolean } = {}): AsyncGenerator<LeadStreamEvent> {
  return parseLeadStreamTuned(createReadStream(path, { highWaterMark: 256 * 1024 }), options, tuning);
}

/**
 * The clean job streamed: same outputs as {@link cleanFile}, memory bounded by the batch
 * size unless deduplication or existing records are on (they hold the clean records).
 *
 * @example
 * await cleanFileStream('five-million.csv', { dedupe: false, workers: 2 });
 */
export function cleanFileStream(input: string, options: StreamFileOptions = {}): Promise<StreamFileResult> {
  return cleanFileStreamWith(input, options, (path, { keepSlices, ...o }) =>
    leadEvents(path, { ...o, ...(options.batchSize !== undefined ? { batchSize: options.batchSize } : {}) }, { keepSlices }),
  );
}
