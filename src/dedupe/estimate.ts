/**
 * Unsupervised estimation of level weights, as Splink does: u from random record pairs, m by
 * expectation-maximisation over blocked pairs (per blocking rule, leaving out the comparisons of
 * the fields that rule blocks on). The result is the section with `m`, `u` and `weight` filled in.
 */
import { blockingKeys, generatePairs } from './blocking.js';
import type { CompiledSection, Feature } from './compile.js';
import { scoreLevels } from './score.js';
import type { DedupeSection } from './schema.js';
import type { DedupeRecord } from './survivorship.js';
import { mulberry32 } from '../core/prng.js';

export interface EstimateOptions {
  /** Random pairs sampled for u (default 100,000; all pairs when fewer exist). */
  readonly uSampleSize?: number;
  /** Maximum EM iterations (default 25). */
  readonly maxIterations?: number;
  /** Stop when no m changes by more than this (default 1e-4). */
  readonly tolerance?: number;
  /** Seed of the deterministic sampler (default 1). */
  readonly seed?: number;
  /** Maximum blocked pairs used for EM (default 1,000,000; spread evenly when more). */
  readonly maxPairs?: number;
  /**
   * Blocking rules for training only (default: the section's). Rules on person-level keys (email, phone)
   * train better than rules on shared keys (company), where colleagues look like matches to EM.
   */
  readonly blocking?: readonly unknown[];
  /**
   * Comparison ids whose weights stay as the section has them (used as they are in the E-step, not re-estimated):
   * for comparisons that measure the same fact as others (company, email domain and city all say "same company").
   */
  readonly keep?: readonly string[];
}

export interface EstimateResult {
  /** The dedupe section with every level's m, u and weight (log2 m/u, 3 decimals) set. */
  readonly section: DedupeSection;
  /** Per comparison id: per level label: m and u. */
  readonly parameters: Readonly<Record<string, readonly { level: string; m: number; u: number; weight: number }[]>>;
  /** Share of blocked pairs estimated to be matches, per blocking rule. */
  readonly lambda: readonly number[];
  readonly iterations: number;
  readonly pairs: number;
}


/** Fields a blocking rule reads (comparisons on them are left out of that rule's EM). */
function ruleFields(section: DedupeSection, r: number): Set<string> {
  const rule = section.blocking[r]!;
  return new Set((Array.isArray(rule) ? rule : rule.on).map((p) => (typeof p === 'string' ? p : p.field)));
}

const CLAMP_LO = 1e-6;
const CLAMP_HI = 1 - 1e-6;

/** Estimates m and u for every level of a compiled section from unlabelled records. */
export function estimateWith(records: readonly DedupeRecord[], cs: CompiledSection, options: EstimateOptions = {}): EstimateResult {
  const n = records.length;
  const C = cs.comparisons.length;
  const feats: (Feature | null)[][] = records.map((r) => cs.featurize(r !== null && typeof r === 'object' ? r : {}));
  const levelsBuf: number[] = new Array(C);
  const nLevels = cs.comparisons.map((c) => c.levels.length);
  const isNull = cs.comparisons.map((c) => c.levels.map((l) => l.kind === 'null'));

  // u: random pairs.
  const rand = mulberry32(options.seed ?? 1);
  const total = (n * (n - 1)) / 2;
  const want = Math.min(options.uSampleSize ?? 100_000, total);
  const uCount = cs.comparisons.map((c) => new Float64Array(c.levels.length));
  for (let s = 0; s < want; s++) {
    const a = Math.floor(rand() * n);
    let b = Math.floor(rand() * (n - 1));
    if (b >= a) b++;
    if (n < 2) break;
    scoreLevels(cs, feats[a]!, feats[b]!, levelsBuf);
    for (let c = 0; c < C; c++) uCount[c]![levelsBuf[c]!]! += 1;
  }
  const u = uCount.map((cnt, c) => {
    let sum = 0;
    for (let l = 0; l < cnt.length; l++) if (!isNull[c]![l]) sum += cnt[l]!;
    // Add-half smoothing so a level never seen among random pairs (e.g. exact email) keeps a finite weight.
    return Array.from(cnt, (x, l) => (isNull[c]![l] ? 1 : Math.min(CLAMP_HI, Math.max(CLAMP_LO, (x + 0.5) / (sum + 0.5 * cnt.length)))));
  });

  // Blocked pairs: level vectors and their rule. Each rule is its own training session (as in Splink):
  // a pair found by two rules counts in both, so exact-email pairs also inform the email-free sessions.
  const keys = blockingKeys(cs, feats);
  const vecs: number[] = [];
  const rules: number[] = [];
  generatePairs(cs, keys, n, (a, b, r) => {
    scoreLevels(cs, feats[a]!, feats[b]!, levelsBuf);
    for (let c = 0; c < C; c++) vecs.push(levelsBuf[c]!);
    rules.push(r);
  }, { independentRules: true });
  let P = rules.length;
  const maxPairs = options.maxPairs ?? 1_000_000;
  let stride = 1;
  if (P > maxPairs) stride = Math.ceil(P / maxPairs);
  const excluded = cs.blocking.map((_, r) => {
    const f = ruleFields(cs.section, r);
    return cs.comparisons.map((c) => f.has(cs.fields[c.field]!.name));
  });

  // m: start from the section's weights (m ∝ u·2^w), then EM.
  let m = cs.comparisons.map((c, ci) => {
    const raw = c.levels.map((l, li) => (isNull[ci]![li] ? 0 : u[ci]![li]! * Math.pow(2, Math.max(-20, Math.min(20, l.weight)))));
    const sum = raw.reduce((x, y) => x + y, 0) || 1;
    return raw.map((x) => Math.min(CLAMP_HI, Math.max(CLAMP_LO, x / sum)));
  });
  const keep = new Set(options.keep ?? []);
  const kept = cs.comparisons.map((c) => keep.has(c.id));
  const lambda = cs.blocking.map(() => 0.1);
  let it = 0;
  const maxIt = options.maxIterations ?? 25;
  const tol = options.tolerance ?? 1e-4;
  for (; it < maxIt; it++) {
    const mNum = cs.comparisons.map((_, c) => new Float64Array(nLevels[c]!));
    const mDen = new Float64Array(C);
    const lamNum = new Float64Array(cs.blocking.length);
    const lamDen = new Float64Array(cs.blocking.length);
    for (let p = 0; p < P; p += stride) {
      const r = rules[p]!;
      const ex = excluded[r]!;
      let logRatio = 0;
      for (let c = 0; c < C; c++) {
        if (ex[c]) continue;
        const l = vecs[p * C + c]!;
        if (isNull[c]![l]) continue;
        logRatio += kept[c] ? cs.comparisons[c]!.levels[l]!.weight * Math.LN2 : Math.log(m[c]![l]!) - Math.log(u[c]![l]!);
      }
      const lam = lambda[r]!;
      const odds = (lam / (1 - lam)) * Math.exp(Math.max(-700, Math.min(700, logRatio)));
      const post = odds / (1 + odds);
      lamNum[r]! += post;
      lamDen[r]! += 1;
      for (let c = 0; c < C; c++) {
        if (ex[c]) continue;
        const l = vecs[p * C + c]!;
        if (isNull[c]![l]) continue;
        mNum[c]![l]! += post;
        mDen[c]! += post;
      }
    }
    let delta = 0;
    const next = m.map((old, c) => {
      if (mDen[c]! <= 0 || kept[c]) return old;
      return old.map((x, l) => {
        if (isNull[c]![l]) return 0;
        const v = Math.min(CLAMP_HI, Math.max(CLAMP_LO, mNum[c]![l]! / mDen[c]!));
        delta = Math.max(delta, Math.abs(v - x));
        return v;
      });
    });
    m = next;
    for (let r = 0; r < lambda.length; r++) if (lamDen[r]! > 0) lambda[r] = Math.min(0.999, Math.max(1e-6, lamNum[r]! / lamDen[r]!));
    if (delta < tol) {
      it++;
      break;
    }
  }
  P = Math.ceil(P / stride);

  const parameters: Record<string, { level: string; m: number; u: number; weight: number }[]> = {};
  const section: DedupeSection = JSON.parse(JSON.stringify(cs.section)) as DedupeSection;
  cs.comparisons.forEach((c, ci) => {
    const sc = section.comparisons[ci]!;
    parameters[c.id] = c.levels.map((l, li) => {
      if (isNull[ci]![li]) return { level: l.label, m: 0, u: 0, weight: 0 };
      if (kept[ci]) return { level: l.label, m: NaN, u: Number(u[ci]![li]!.toPrecision(4)), weight: l.weight };
      const mm = Number(m[ci]![li]!.toPrecision(4));
      const uu = Number(u[ci]![li]!.toPrecision(4));
      const w = Math.round(Math.log2(mm / uu) * 1000) / 1000;
      const lv = sc.levels[li]! as { m?: number; u?: number; weight?: number };
      lv.m = mm;
      lv.u = uu;
      lv.weight = w;
      return { level: l.label, m: mm, u: uu, weight: w };
    });
  });
  return { section, parameters, lambda, iterations: it, pairs: P };
}
