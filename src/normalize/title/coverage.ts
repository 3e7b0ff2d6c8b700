/** Coverage report: how much of a title list a classifier understands, and which words it does not know. */
import { classifyTitle as builtin } from './index.js';
import type { TitleClassifier } from './title.js';
import type { ClassifyTitleOptions } from './types.js';

export interface TitleCoverageReport {
  /** Non-blank titles (with repeats). */
  readonly total: number;
  readonly blank: number;
  readonly distinct: number;
  /** Titles with a real level (not null, not `unknown`). */
  readonly withLevel: number;
  /** Titles with a function. */
  readonly withFunction: number;
  /** Titles with both. */
  readonly classified: number;
  /** Titles whose function was only inferred (domain-less director-or-above → executive). */
  readonly functionInferred: number;
  /** Junk and status values (n/a, retired, …). */
  readonly junk: number;
  readonly distinctWithLevel: number;
  readonly distinctWithFunction: number;
  readonly distinctClassified: number;
  readonly shareWithLevel: number;
  readonly shareWithFunction: number;
  readonly shareClassified: number;
  /** Most frequent words no dictionary knows, counted over titles missing a level or a function. */
  readonly topUnclassifiedWords: readonly { readonly word: string; readonly count: number }[];
  /** Most frequent titles with neither level nor function. */
  readonly topUnclassifiedTitles: readonly { readonly title: string; readonly count: number }[];
}

/**
 * Classifies a list of titles and reports the share classified and the most frequent unknown
 * words, so a user can grow the dictionaries (via `extendTitleClassifier`) from their own data.
 *
 * @param titles - titles, with repeats as they occur in the data
 * @param opts.top - how many words/titles to list (default 25)
 * @param opts.classify - the classifier to measure (default: built-in)
 * @example
 * titleCoverage(['VP Sales', 'Zookeeper']).shareClassified //=> 0.5
 */
export function titleCoverage(
  titles: Iterable<string | null | undefined>,
  opts: { readonly top?: number; readonly classify?: TitleClassifier; readonly options?: ClassifyTitleOptions } = {},
): TitleCoverageReport {
  const classify = opts.classify ?? builtin;
  const top = opts.top ?? 25;
  let total = 0;
  let blank = 0;
  let withLevel = 0;
  let withFunction = 0;
  let classified = 0;
  let functionInferred = 0;
  let junk = 0;
  const seen = new Map<string, { level: boolean; fn: boolean }>();
  const words = new Map<string, number>();
  const missing = new Map<string, number>();
  for (const t of titles) {
    if (typeof t !== 'string' || t.trim() === '') {
      blank++;
      continue;
    }
    total++;
    const { result, unknownWords } = classify.analyze(t, opts.options);
    const v = result.value;
    const level = !!v && v.level !== null && v.level !== 'unknown';
    const fn = !!v && v.function !== null && !v.flags.isJunk;
    if (v && (v.flags.isJunk || v.level === 'unknown')) junk++;
    if (level) withLevel++;
    if (fn) withFunction++;
    if (level && fn) classified++;
    if (v?.flags.functionInferred) functionInferred++;
    const key = t.trim();
    if (!seen.has(key)) seen.set(key, { level, fn });
    if (!level || !fn) {
      for (const w of unknownWords) words.set(w, (words.get(w) ?? 0) + 1);
      if (!level && !fn) missing.set(key, (missing.get(key) ?? 0) + 1);
    }
  }
  let dl = 0;
  let df = 0;
  let dc = 0;
  for (const s of seen.values()) {
    if (s.level) dl++;
    if (s.fn) df++;
    if (s.level && s.fn) dc++;
  }
  const topOf = <K extends string>(m: Map<string, number>, k: K) =>
    [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, top).map(([x, count]) => ({ [k]: x, count }) as { [P in K]: string } & { count: number });
  const share = (n: number): number => (total === 0 ? 0 : n / total);
  return {
    total,
    blank,
    distinct: seen.size,
    withLevel,
    withFunction,
    classified,
    functionInferred,
    junk,
    distinctWithLevel: dl,
    distinctWithFunction: df,
    distinctClassified: dc,
    shareWithLevel: share(withLevel),
    shareWithFunction: share(withFunction),
    shareClassified: share(classified),
    topUnclassifiedWords: topOf(words, 'word'),
    topUnclassifiedTitles: topOf(missing, 'title'),
  };
}
