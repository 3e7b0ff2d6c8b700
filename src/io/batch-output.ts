/**
 * A batch's output prepared where its record steps ran (a worker thread): clean rows and
 * change-log rows already as UTF-8 CSV bytes, issue counts and a summary part instead of
 * objects. The main thread of a streamed clean job then only writes bytes, and the bytes
 * cross threads without a copy (transferred). Pure.
 */
import type { Issue } from '../core/codes.js';
import type { LeadRecord } from '../core/fields.js';
import { countIssues, type RecordBatch } from '../engine/cleanse.js';
import { summaryPart, type SummaryPart } from '../report/summary.js';
import { changesLines, cleanTableShape, type CleanColumns } from './outputs.js';
import { encodeLines } from './utf8-lines.js';

export interface BatchOutput {
  /** Clean records in the batch. */
  readonly records: number;
  /** The columns `clean` is written under: the batch's own plus the `known` ones it was given. */
  readonly columns: CleanColumns;
  /** Clean rows as UTF-8 CSV lines, each ending in CRLF (no header, no BOM); empty without records. */
  readonly clean: Uint8Array<ArrayBuffer>;
  /** Change-log rows as UTF-8 CSV lines under `CHANGE_HEADERS`, each ending in CRLF; empty without changes. */
  readonly changes: Uint8Array<ArrayBuffer>;
  readonly changeCount: number;
  /** The batch's first `keepIssues` issues. */
  readonly issues: Issue[];
  readonly issueTotal: number;
  /** Issues by code, codes in first-seen order. */
  readonly issueCounts: Record<string, number>;
  readonly summary: SummaryPart;
  /** Records with an account id, and CRM actions by kind (null when no record has one): what the CLI prints. */
  readonly accountIds: number;
  readonly crm: { readonly update: number; readonly review: number; readonly new: number } | null;
}

export interface BatchOutputOptions {
  /** Columns already known to be in the clean file (so later batches share earlier ones' columns). */
  readonly known?: CleanColumns;
  /** Issues to keep as objects (default all). */
  readonly keepIssues?: number;
}

/** The output of a record batch (see the module comment). */
export function batchOutput(batch: Pick<RecordBatch, 'records' | 'changes' | 'issues'>, options: BatchOutputOptions = {}): BatchOutput {
  const shape = cleanTableShape();
  if (options.known) shape.include(options.known);
  shape.add(batch.records);
  const keep = options.keepIssues ?? batch.issues.length;
  return {
    ...recordCounts(batch.records),
    records: batch.records.length,
    columns: shape.columns(),
    clean: encodeLines(shape.csvLines(batch.records)),
    changes: encodeLines(changesLines(batch.changes)),
    changeCount: batch.changes.length,
    issues: keep >= batch.issues.length ? batch.issues : batch.issues.slice(0, Math.max(0, keep)),
    issueTotal: batch.issues.length,
    issueCounts: countIssues(batch.issues),
    summary: summaryPart(batch.records, batch.issues),
  };
}

/** The batch with its records, changes and issues replaced by their output. */
export function withOutput(batch: RecordBatch, options: BatchOutputOptions = {}): RecordBatch & { readonly output: BatchOutput } {
  return { ...batch, records: [], recordIssues: null, changes: [], issues: [], output: batchOutput(batch, options) };
}

/** Records with an account id and CRM actions by kind (null when no record has one). */
export function recordCounts(records: readonly LeadRecord[]): Pick<BatchOutput, 'accountIds' | 'crm'> {
  let accountIds = 0;
  let crm: { update: number; review: number; new: number } | null = null;
  for (const r of records) {
    if (r.accountId) accountIds++;
    if (r.crmAction) {
      crm ??= { update: 0, review: 0, new: 0 };
      if (r.crmAction.startsWith('update')) crm.update++;
      else if (r.crmAction.startsWith('review')) crm.review++;
      else if (r.crmAction === 'new') crm.new++;
    }
  }
  return { accountIds, crm };
}
