/**
 * leadtidy — clean, deduplicate and account-match B2B lead files.
 *
 * The root entry: every unit with the built-in dictionaries, steps and packs bound.
 * Pure: runs in Node, serverless runtimes and browsers. File I/O and the CLI live in
 * `leadtidy/node`.
 */
import { builtInEnvironment } from './builtins.js';
import { cleanseWith, compileForEnvironment, type CleanseOptions, type CleanseResult } from './engine/cleanse.js';
import type { CompiledPack } from './engine/pack.js';
import type { RawRow } from './core/fields.js';
import type { ParsedLeadFile } from './io/parse.js';
import { cleanseStreamWith, type CleanseStreamEvent, type CleanseStreamOptions, type CleanseStreamSource } from './engine/stream.js';

export { parseLeadFile } from './io/parse.js';
export { parseLeadStream, type ByteChunks, type LeadStreamEvent, type StreamParseOptions } from './io/stream.js';
export type { ParseOptions, ParseMeta, ParsedLeadFile, FileFormat, Delimiter, TextEncodingName } from './io/parse.js';
export { toCsv, neutralizeFormula } from './io/csv-write.js';
export { toXlsx } from './io/xlsx-write.js';
export { cleanTable, rejectsTable, changesTable, type OutputTable } from './io/outputs.js';
export { issue, issueCatalog, isIssueCode, type Issue, type IssueCode, type Severity } from './core/codes.js';
export { LeadtidyError, type Problem } from './core/errors.js';
export type { UnitResult } from './core/result.js';
export { CANONICAL_FIELDS, isCanonicalField, type CanonicalField, type LeadRecord, type RawRow, type CampaignMembership } from './core/fields.js';
export type { Change, RejectedRow, RejectReason, CleanseReport, CleanseResult, CleanseOptions, FieldFill } from './engine/cleanse.js';
export type { HeaderMapping, MappingMethod } from './engine/headers.js';
export type { CompiledPack } from './engine/pack.js';
export { packHash } from './engine/pack.js';
export { packJsonSchema, type RulePack } from './engine/pack-schema.js';
export { summarize, type RunSummary, type ValueCount } from './report/summary.js';
export { renderReportHtml, escapeHtml } from './report/html.js';
export { ConditionSchema, compileCondition, readField, firstNumber, type Condition, type ConditionContext } from './decide/conditions.js';
export { regexProblems } from './decide/safe-regex.js';
export { junkReason, type JunkReason } from './decide/junk.js';
export { BUILTIN_TARGETS, compileTarget, renderRecord, renderField, targetTable, TargetProfileSchema, TargetSection, type CompiledTarget, type TargetProfile, type TargetField } from './export/target.js';
export { builtInSteps, builtInPacks, builtInHeaderDictionary, builtInEnvironment } from './builtins.js';

/**
 * Cleanses lead rows with a rule pack (the built-in default pack by default): maps
 * headers, runs every record step, and returns clean records, rejected rows with
 * reasons, the per-cell change log, issues and a report.
 *
 * @example
 * const { records } = cleanse([{ 'E-Mail': ' ann@acme.de ', Vorname: 'Ann' }]);
 * //=> records[0].email === "ann@acme.de", records[0].firstName === "Ann"
 */
export function cleanse(rows: readonly RawRow[] | ParsedLeadFile, options: CleanseOptions = {}): CleanseResult {
  return cleanseWith(builtInEnvironment, rows, options);
}

/**
 * Validates a rule pack (resolving `extends` against the built-in packs) and returns it
 * compiled, so it can be reused across files. Throws `LeadtidyError` listing every
 * problem with its JSON path.
 *
 * @example
 * const pack = loadPack({ id: 'acme', version: '1.0.0', extends: 'default' });
 * pack.hash //=> "sha256:…"
 */
export function loadPack(pack: unknown, options: { source?: string; library?: Readonly<Record<string, unknown>> } = {}): CompiledPack {
  const env = {
    ...builtInEnvironment,
    library: { ...builtInEnvironment.library, ...options.library },
    ...(options.source !== undefined ? { source: options.source } : {}),
  };
  return compileForEnvironment(pack, env);
}

// --- normalizers (built-in dictionaries bound; factories taking dictionaries are exported too) ---
export * from './normalize/country/index.js';
export * from './normalize/state/index.js';
export * from './normalize/postal/index.js';
export * from './normalize/phone/index.js';
export * from './normalize/geo/index.js';
export { geoSteps, formatPhone } from './normalize/geo/step.js';
export * from './normalize/title/index.js';
export { titleSteps } from './normalize/title/step.js';
export * from './normalize/email/index.js';
export * from './normalize/person-name/index.js';
export * from './normalize/company/index.js';
export * from './normalize/website/index.js';
export { emailSteps } from './normalize/email/step.js';
export { personNameSteps } from './normalize/person-name/step.js';
export { companySteps } from './normalize/company/step.js';
export { websiteSteps } from './normalize/website/step.js';
export * from './dedupe/index.js';
export {
  matchAccounts,
  createAccountIndex,
  loadAccountIndex,
  accountsFromRows,
  searchAccounts,
  accountMatchFields,
  summarizeAccountMatches,
  AccountsSectionSchema,
  DEFAULT_ACCOUNTS_SECTION,
  resolveAccountsSection,
  type Account,
  type AccountIndex,
  type AccountMatch,
  type AccountCandidate,
  type AccountMatchSummary,
} from './match/accounts/index.js';

// --- streaming ---
export {
  collectCleanseStream,
  type CleanseStreamSource,
  type CleanseStreamOptions,
  type CleanseStreamEvent,
  type CleanseStreamBatch,
  type CleanseStreamEnd,
  type ParseStreamEvent,
  type BatchRunner,
} from './engine/stream.js';
export { MAPPING_SAMPLE_ROWS, type CleansePlan, type RecordBatch } from './engine/cleanse.js';

/**
 * Cleanses a stream of rows batch by batch: record steps and account matching stream with
 * memory bounded by the batch size; deduplication and existing-record labels hold the clean
 * records until the end. The events, concatenated, equal what `cleanse` returns.
 *
 * @example
 * for await (const e of cleanseStream(rowsFromSomewhere, { dedupe: false })) {
 *   if (e.type === 'batch') await save(e.records);
 * }
 */
export function cleanseStream(source: CleanseStreamSource, options: CleanseStreamOptions = {}): AsyncGenerator<CleanseStreamEvent> {
  return cleanseStreamWith(builtInEnvironment, source, options);
}
