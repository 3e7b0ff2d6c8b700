/**
 * `leadtidy/node`: file I/O for Node — read a lead file or a pack from disk, run the
 * whole clean job, write its outputs. Everything else in leadtidy is pure.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { builtInPacks } from './builtins.js';
import { LeadtidyError } from './core/errors.js';
import type { CleanseOptions, CleanseResult } from './engine/cleanse.js';
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
import { summarize } from './report/summary.js';

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

const MAX_REPORT_ISSUES = 10_000;

/** The JSON summary written next to the outputs: the run summary, the raw report, and the first issues. */
export function summaryJson(parsed: ParsedLeadFile, result: CleanseResult, outputs: CleanFileOutputs, input: string): string {
  const summary = {
    ...summarize(result, { meta: parsed.meta, file: input }),
    outputs,
    report: result.report,
    issues: result.issues.slice(0, MAX_REPORT_ISSUES),
    issuesTruncated: result.issues.length > MAX_REPORT_ISSUES ? result.issues.length - MAX_REPORT_ISSUES : 0,
  };
  return `${JSON.stringify(summary, null, 2)}\n`;
}

/**
 * The whole clean job for one file: read, cleanse, write the clean file (CSV or XLSX
 * by extension), `*.rejects.csv`, `*.changes.csv` and `*.report.json`.
 */
export async function cleanFile(input: string, options: CleanFileOptions = {}): Promise<CleanFileResult> {
  const pack = typeof options.pack === 'string' ? await loadPackFile(options.pack) : loadPack(options.pack);
  const parsed = await readLeadFile(input, options.sheet !== undefined ? { sheet: options.sheet } : {});
  const { out: _out, sheet: _sheet, pack: _pack, report: _report, accounts: accountsOpt, existing: existingOpt, ...rest } = options;
  const fileIssues: Issue[] = [];
  let accounts: readonly unknown[] | undefined;
  if (typeof accountsOpt === 'string') {
    const a = accountsFromRows((await readLeadFile(accountsOpt)).rows);
    accounts = a.accounts;
    fileIssues.push(...a.issues);
  } else accounts = accountsOpt;
  let existing: readonly unknown[] | undefined;
  if (typeof existingOpt === 'string') {
    // The CRM export is cleansed with the same pack (no dedupe), so both sides compare clean values.
    existing = cleanse(await readLeadFile(existingOpt), { pack, dedupe: false }).records;
  } else existing = existingOpt;
  const result = cleanse(parsed, { ...rest, pack, ...(accounts ? { accounts } : {}), ...(existing ? { existing } : {}) });
  result.issues.push(...fileIssues);
  const base = outputPaths(input, options.out);
  const outputs: CleanFileOutputs = {
    ...base,
    ...(result.clusters.length || result.review.length ? { merges: base.report.replace(/\.report\.json$/, '.merges.json') } : {}),
    ...(options.report !== undefined ? { html: options.report } : {}),
  };
  await mkdir(dirname(resolve(outputs.clean)), { recursive: true });
  const clean = result.target ? targetTable(result.records, result.target) : cleanTable(result.records);
  if (extname(outputs.clean).toLowerCase() === '.xlsx') await writeFile(outputs.clean, toXlsx(clean.headers, clean.rows));
  else await writeFile(outputs.clean, csvBytes(clean), 'utf8');
  await writeFile(outputs.rejects, csvBytes(rejectsTable(result, parsed.headers)), 'utf8');
  await writeFile(outputs.changes, csvBytes(changesTable(result)), 'utf8');
  await writeFile(outputs.report, summaryJson(parsed, result, outputs, input), 'utf8');
  if (outputs.merges !== undefined) {
    await writeFile(outputs.merges, `${JSON.stringify({ clusters: result.clusters, mergePlan: result.mergePlan, review: result.review }, null, 2)}\n`, 'utf8');
  }
  if (outputs.html !== undefined) {
    await mkdir(dirname(resolve(outputs.html)), { recursive: true });
    await writeFile(outputs.html, renderReportHtml(summarize(result, { meta: parsed.meta, file: input })), 'utf8');
  }
  return { parsed, result, outputs, pack };
}

export { parseLeadFile } from './io/parse.js';
export { cleanseParallel, createWorkerPool, DEFAULT_BATCH_ROWS, type PoolOptions, type WorkerPool, type RecordStepRunner } from './node/pool.js';
