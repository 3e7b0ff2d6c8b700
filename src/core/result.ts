import type { Issue } from './codes.js';

/**
 * What every normalizer unit returns: the normalized value (or `null` when nothing
 * trustworthy can be said), a confidence in 0..1, and typed issues.
 */
export interface UnitResult<T> {
  readonly value: T | null;
  readonly confidence: number;
  readonly issues: readonly Issue[];
}

const NO_ISSUES: readonly Issue[] = Object.freeze([]);

/** A successful result. */
export function ok<T>(value: T, confidence = 1, issues: readonly Issue[] = NO_ISSUES): UnitResult<T> {
  return { value, confidence, issues };
}

/** A result that says nothing trustworthy could be derived. */
export function none<T>(issues: readonly Issue[] = NO_ISSUES): UnitResult<T> {
  return { value: null, confidence: 0, issues };
}

/** Frozen empty issue list, shared to avoid allocation on the hot path. */
export { NO_ISSUES };
