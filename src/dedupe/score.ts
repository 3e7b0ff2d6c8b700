/** Fellegi-Sunter scoring of a pair: per-comparison levels, weights, total weight and probability. */
import type { CompiledSection, Feature } from './compile.js';

/** One comparison's contribution to a pair's score (a bar of the waterfall chart). */
export interface FieldContribution {
  readonly comparison: string;
  readonly field: string;
  readonly level: string;
  readonly levelIndex: number;
  /** log2(m/u) of the level. */
  readonly weight: number;
  /** The keyed values compared (null when missing). */
  readonly values: readonly [string | null, string | null];
}

/** Why two records match or not: prior, per-field weights, total and probability. */
export interface PairExplanation {
  readonly a: number;
  readonly b: number;
  /** Starting weight: log2 of the prior odds. */
  readonly prior: number;
  readonly fields: readonly FieldContribution[];
  /** prior + Σ field weights. */
  readonly weight: number;
  /** 2^weight / (1 + 2^weight). */
  readonly probability: number;
  /** Non-duplicate rules that fired, with their action. */
  readonly rules: readonly { id: string; then: 'distinct' | 'review' }[];
}

/** Match probability of a total weight. */
export function probabilityOf(weight: number): number {
  return 1 / (1 + Math.pow(2, -weight));
}

/** Fills `out` with the level index of every comparison; returns the total weight. */
export function scoreLevels(cs: CompiledSection, fa: readonly (Feature | null)[], fb: readonly (Feature | null)[], out: number[]): number {
  let w = cs.priorWeight;
  const cmps = cs.comparisons;
  for (let i = 0; i < cmps.length; i++) {
    const c = cmps[i]!;
    const l = c.evaluate(fa[c.field]!, fb[c.field]!, fa, fb);
    out[i] = l;
    w += c.levels[l]!.weight;
  }
  return w;
}

/** Strongest non-duplicate action that applies to a pair's levels: 2 distinct, 1 review, 0 none. */
export function nonDuplicateAction(cs: CompiledSection, levels: readonly number[]): 0 | 1 | 2 {
  let act: 0 | 1 | 2 = 0;
  for (const nd of cs.nonDuplicates) {
    if (nd.levels.has(levels[nd.comparison]!)) {
      if (nd.then === 'distinct') return 2;
      act = 1;
    }
  }
  return act;
}

/** Full explanation of a pair (for review lists and waterfall charts). */
export function explainFeatures(cs: CompiledSection, a: number, b: number, fa: readonly (Feature | null)[], fb: readonly (Feature | null)[]): PairExplanation {
  const levels: number[] = [];
  const weight = scoreLevels(cs, fa, fb, levels);
  const fields = cs.comparisons.map((c, i) => {
    const l = c.levels[levels[i]!]!;
    return {
      comparison: c.id,
      field: cs.fields[c.field]!.name,
      level: l.label,
      levelIndex: l.index,
      weight: l.weight,
      values: [fa[c.field]?.v ?? null, fb[c.field]?.v ?? null] as const,
    };
  });
  const rules = cs.nonDuplicates.filter((nd) => nd.levels.has(levels[nd.comparison]!)).map((nd) => ({ id: nd.id, then: nd.then }));
  return { a, b, prior: cs.priorWeight, fields, weight, probability: probabilityOf(weight), rules };
}
