/**
 * `leadtidy/core`: the same units and engine with nothing bound. Bring your own
 * dictionaries, steps and packs (for custom builds, tests and smaller bundles).
 */
export { cleanseWith, compileForEnvironment, planCleanse, runRecordSteps, finishCleanse, runSetSteps, mergeRecordBatches, type CleanseEnvironment, type CleansePlan, type RecordBatch } from './engine/cleanse.js';
export { cleanseStreamWith } from './engine/stream.js';
export { compilePack, validatePack, resolvePack, mergePacks, packHash, type CompileContext, type CompiledPack, type FieldPlan, type PlannedStep } from './engine/pack.js';
export { RulePackSchema, packJsonSchema, type RulePack } from './engine/pack-schema.js';
export { buildHeaderIndex, mapHeaders, type HeaderDictionary, type HeaderIndex, type HeaderOptions, type HeaderMapping, type ValueDetector } from './engine/headers.js';
export { defineStep, type StepDefinition, type StepRegistry, type StepContext, type StepOutput, type CellValue } from './engine/step.js';
export { basicSteps, cleanCell } from './engine/steps/basic.js';
export { ok, none, type UnitResult } from './core/result.js';
export { issue, issueCatalog, isIssueCode, type Issue, type IssueCode, type Severity } from './core/codes.js';
export { LeadtidyError, type Problem } from './core/errors.js';
export { foldKey, compactKey, foldDiacritics, cleanWhitespace, memoize } from './core/text.js';
export { decodeText, sniffBinary, type DecodeResult } from './io/decode.js';
export { buildTable, type Table } from './io/table.js';
export * from './index.js';
