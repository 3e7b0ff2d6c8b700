/** Candidate pair generation from blocking rules, with a report of what each rule produced. */
import type { CompiledSection, Feature } from './compile.js';

/** What one blocking rule produced. */
export interface BlockingRuleReport {
  readonly rule: string;
  /** Pairs this rule generated that no earlier rule had. */
  readonly pairs: number;
  /** Blocks with two or more records. */
  readonly blocks: number;
  /** The largest blocks (key parts joined by " | "), biggest first. */
  readonly largestBlocks: readonly { key: string; size: number }[];
  /** Blocks skipped for being larger than `maxBlockSize`, and the records in them. */
  readonly skippedBlocks: number;
  readonly skippedRecords: number;
}

/** Pairs per rule, the largest blocks and total comparisons: the data to tune blocking. */
export interface BlockingReport {
  readonly records: number;
  readonly rules: readonly BlockingRuleReport[];
  /** Pairs scored (each pair once, whichever rules produced it). */
  readonly comparisons: number;
  /** All pairs of records, for scale: n(n-1)/2. */
  readonly allPairs: number;
}

function shares(a: readonly string[], b: readonly string[]): boolean {
  if (a.length === 1 && b.length === 1) return a[0] === b[0];
  for (const x of a) if (b.includes(x)) return true;
  return false;
}

/** Blocking keys of every record for every rule: `keys[rule][record]`. */
export function blockingKeys(cs: CompiledSection, feats: readonly (readonly (Feature | null)[])[]): (readonly string[])[][] {
  return cs.blocking.map((r) => feats.map((f) => r.keys(f)));
}

/**
 * Calls `onPair(a, b, rule)` once for every candidate pair (a < b is not guaranteed; each unordered
 * pair once). A pair belongs to the first rule (and the first shared key) that produces it, as in Splink.
 */
export function generatePairs(
  cs: CompiledSection,
  keys: readonly (readonly (readonly string[])[])[],
  n: number,
  onPair: (a: number, b: number, rule: number) => void,
  options: { independentRules?: boolean } = {},
): BlockingReport {
  const independent = options.independentRules === true;
  const maxBlock = cs.section.maxBlockSize;
  const rules: BlockingRuleReport[] = [];
  const skipped: Set<string>[] = [];
  let comparisons = 0;
  for (let r = 0; r < cs.blocking.length; r++) {
    const kr = keys[r]!;
    const blocks = new Map<string, number[]>();
    for (let i = 0; i < n; i++) {
      const ks = kr[i]!;
      for (let k = 0; k < ks.length; k++) {
        const key = ks[k]!;
        const list = blocks.get(key);
        if (list) list.push(i);
        else blocks.set(key, [i]);
      }
    }
    const skip = new Set<string>();
    skipped.push(skip);
    let pairs = 0;
    let nBlocks = 0;
    let skippedRecords = 0;
    const largest: { key: string; size: number }[] = [];
    for (const [key, list] of blocks) {
      if (list.length < 2) continue;
      nBlocks++;
      if (largest.length < 5 || list.length > largest[largest.length - 1]!.size) {
        largest.push({ key: key.replace(/\u0001/g, ' | '), size: list.length });
        largest.sort((x, y) => y.size - x.size || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
        if (largest.length > 5) largest.pop();
      }
      if (list.length > maxBlock) {
        skip.add(key);
        skippedRecords += list.length;
        continue;
      }
      for (let x = 0; x < list.length; x++) {
        const a = list[x]!;
        const ka = kr[a]!;
        for (let y = x + 1; y < list.length; y++) {
          const b = list[y]!;
          const kb = kr[b]!;
          // Within this rule: only the first shared key emits the pair.
          if (ka.length > 1 || kb.length > 1) {
            let first: string | undefined;
            for (const k of ka) if (kb.includes(k) && !skip.has(k) && (blocks.get(k)?.length ?? 0) <= maxBlock) { first = k; break; }
            if (first !== key) continue;
          }
          // Earlier rules: skip if one of them already produced it.
          let seen = false;
          for (let e = 0; e < r && !seen && !independent; e++) {
            const ea = keys[e]![a]!;
            const eb = keys[e]![b]!;
            if (ea.length === 0 || eb.length === 0) continue;
            if (ea.length === 1 && eb.length === 1) seen = ea[0] === eb[0] && !skipped[e]!.has(ea[0]!);
            else for (const k of ea) if (eb.includes(k) && !skipped[e]!.has(k)) { seen = true; break; }
          }
          if (seen) continue;
          pairs++;
          onPair(a, b, r);
        }
      }
    }
    comparisons += pairs;
    rules.push({ rule: cs.blocking[r]!.id, pairs, blocks: nBlocks, largestBlocks: largest, skippedBlocks: skip.size, skippedRecords });
  }
  return { records: n, rules, comparisons, allPairs: (n * (n - 1)) / 2 };
}

/** Whether two records share a blocking key of any rule (used to explain why a pair was not compared). */
export function sharesAnyKey(keys: readonly (readonly (readonly string[])[])[], a: number, b: number): boolean {
  return keys.some((kr) => kr[a]!.length > 0 && kr[b]!.length > 0 && shares(kr[a]!, kr[b]!));
}
