/**
 * Core entry of deduplication: `createDeduper(deps, defaultSection)` returns every dedupe function
 * bound to the given lookups; the package root binds the built-in ones.
 */
import { LeadtidyError } from '../core/errors.js';
import type { DedupeDependencies } from './compile.js';
import { createDedupe, type DedupeOptions, type DedupeResult } from './engine.js';
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
}

/**
 * Binds the dedupe functions to lookups (company key, nicknames, email keys, free-mail and role lists)
 * and a default `dedupe` section.
 *
 * @example
 * const { dedupe } = createDeduper(myDeps, mySection);
 * dedupe(records).clusters //=> [{ id: 'c-…', members: [0, 3], score: 0.99, master: 0 }]
 */
export function createDeduper(deps: DedupeDependencies, defaultSection: unknown): Deduper {
  const core = createDedupe(deps, defaultSection);
  return {
    dedupe(records, options = {}) {
      if (options === null || typeof options !== 'object') throw new LeadtidyError('options', 'dedupe: options must be an object.');
      const { cs, precedence } = core.compiled(options.pack);
      const prec = options.statusPrecedence ?? (precedence.length ? precedence : cs.section.survivorship.statusPrecedence);
      const result = core.dedupeWith(records, cs, prec);
      if (options.existing === undefined) return result;
      const index = buildExistingIndex(options.existing, cs);
      return { ...result, existingMatches: index.match(result.records) };
    },
    explainPair: core.explainPair,
    createExistingIndex(existing, options = {}) {
      return buildExistingIndex(existing, core.compiled(options.pack).cs);
    },
    loadExistingIndex(json, options = {}) {
      const parsed = typeof json === 'string' ? (JSON.parse(json) as unknown) : json;
      return buildExistingIndex(recordsFromIndexJSON(parsed), core.compiled(options.pack).cs);
    },
    estimateWeights(records, options = {}) {
      return estimateWith(records, core.compiled(options.pack).cs, options);
    },
  };
}
