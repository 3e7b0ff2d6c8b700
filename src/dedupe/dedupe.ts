/**
 * Core entry of deduplication: `createDeduper(deps, defaultSection)` returns every dedupe function
 * bound to the given lookups; the package root binds the built-in ones.
 */
import { issue, type Issue } from '../core/codes.js';
import { LeadtidyError } from '../core/errors.js';
import { compileSection, type CompiledSection, type DedupeDependencies } from './compile.js';
import { createDedupe, type DedupeOptions, type DedupeResult, type ExistingMatch } from './engine.js';
import { estimateWith, type EstimateOptions, type EstimateResult } from './estimate.js';
import { buildExistingIndex, recordsFromIndexJSON, type ExistingIndex } from './existing.js';
import type { PairExplanation } from './score.js';
import type { DedupeRecord } from './survivorship.js';

/** The dedupe API bound to dependencies (see the root entry's `dedupe`, `explainPair`, …). */
export interface Deduper {
  dedupe(records: readonly DedupeRecord[], options?: DedupeOptions): DedupeResult;
  explainPair(a: DedupeRecord, b: DedupeRecord, options?: { pack?: unknown }): PairExplanation;
  createExistingIndex(existing: readonly DedupeRecord[], options?: { pack?: unknown }): ExistingIndex;
  loadExistingIndex(json: unknown, options?: { pack?: unknown }): ExistingIndex;
  estimateWeights(records: readonly DedupeRecord[], options?: EstimateOptions & { pack?: unknown }): EstimateResult;
  /** Labels records new / update <id> / review <id> against existing CRM records (no merging within `records`). */
  labelExisting(records: readonly DedupeRecord[], existing: readonly DedupeRecord[], options?: { pack?: unknown }): { matches: ExistingMatch[]; issues: Issue[] };
  /** One record's blocking keys per rule id: records sharing a key are compared (a warehouse GROUP BY key). */
  blockingKeysOf(record: DedupeRecord, options?: { pack?: unknown }): Record<string, string[]>;
}

/**
 * Binds the dedupe functions to lookups (company key, nicknames, email keys, free-mail and role lists)
 * and a default `dedupe` section.
 *
 * @example
 * const { dedupe } = createDeduper(myDeps, mySection);
 * dedupe(records).clusters //=> [{ id: 'c-…', members: [0, 3], score: 0.99, master: 0 }]
 */
/** Labels records new / update <id> / review <id> against existing records, with an issue per match. */
function labelWith(records: readonly DedupeRecord[], existing: readonly DedupeRecord[], cs: CompiledSection): { matches: ExistingMatch[]; issues: Issue[] } {
  const matches = buildExistingIndex(existing, cs).match(records);
  const issues: Issue[] = [];
  for (const m of matches) {
    if (m.label === 'new') continue;
    const row = (records[m.index] as { sourceRow?: unknown }).sourceRow;
    const data = { id: m.existingId, probability: m.probability.toFixed(2) };
    issues.push(issue(m.label === 'update' ? 'dedupe.existing_update' : 'dedupe.existing_review', data, typeof row === 'number' ? { row } : {}));
  }
  return { matches, issues };
}

export function createDeduper(deps: DedupeDependencies, defaultSection: unknown): Deduper {
  const core = createDedupe(deps, defaultSection);
  return {
    dedupe(records, options = {}) {
      if (options === null || typeof options !== 'object') throw new LeadtidyError('options', 'dedupe: options must be an object.');
      const { cs, precedence } = core.compiled(options.pack);
      const prec = options.statusPrecedence ?? (precedence.length ? precedence : cs.section.survivorship.statusPrecedence);
      const result = core.dedupeWith(records, cs, prec);
      if (options.existing === undefined) return result;
      const labels = labelWith(result.records, options.existing, cs);
      return { ...result, existingMatches: labels.matches, issues: [...result.issues, ...labels.issues] };
    },
    labelExisting(records, existing, options = {}) {
      return labelWith(records, existing, core.compiled(options.pack).cs);
    },
    explainPair: core.explainPair,
    createExistingIndex(existing, options = {}) {
      return buildExistingIndex(existing, core.compiled(options.pack).cs);
    },
    loadExistingIndex(json, options = {}) {
      const parsed = typeof json === 'string' ? (JSON.parse(json) as unknown) : json;
      return buildExistingIndex(recordsFromIndexJSON(parsed), core.compiled(options.pack).cs);
    },
    blockingKeysOf(record, options = {}) {
      const { cs } = core.compiled(options.pack);
      const features = cs.featurize(record);
      const out: Record<string, string[]> = {};
      for (const rule of cs.blocking) out[rule.id] = [...rule.keys(features)];
      return out;
    },
    estimateWeights(records, options = {}) {
      const { cs } = core.compiled(options.pack);
      if (options.blocking === undefined) return estimateWith(records, cs, options);
      const training = compileSection({ ...cs.section, blocking: options.blocking }, deps);
      const result = estimateWith(records, training, options);
      // Weights are trained with the training rules; the section keeps its own blocking.
      return { ...result, section: { ...result.section, blocking: cs.section.blocking } };
    },
  };
}
