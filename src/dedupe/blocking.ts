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

/** A record's keys for one rule: none, one (the common case, kept as a bare string) or several. */
export type RecordKeys = string | readonly string[] | undefined;

function asList(k: RecordKeys): readonly string[] {
  return k === undefined ? [] : typeof k === 'string' ? [k] : k;
}

/** Whether two records share a key of a rule that is not in `skip`. */
function sharesKey(a: RecordKeys, b: RecordKeys, skip: ReadonlySet<string>): boolean {
  if (a === undefined || b === undefined) return false;
  if (typeof a === 'string' && typeof b === 'string') return a === b && !skip.has(a);
  const lb = asList(b);
  for (const k of asList(a)) if (lb.includes(k) && !skip.has(k)) return true;
  return false;
}

/** Blocking keys of every record for every rule: `keys[rule][record]`. */
export function blockingKeys(cs: CompiledSection, feats: readonly (readonly (Feature | null)[] | null)[]): RecordKeys[][] {
  return cs.blocking.map((r) =>
    feats.map((f): RecordKeys => (f === null ? undefined : r.keysOf(f))),
  );
}

/**
 * Calls `onPair(a, b, rule)` once for every candidate pair (a < b is not guaranteed; each unordered
 * pair once). A pair belongs to the first rule (and the first shared key) that produces it, as in Splink.
 */
export function generatePairs(
  cs: CompiledSection,
  keys: readonly (readonly RecordKeys[])[],
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
    const add = (key: string, i: number) => {
      const list = blocks.get(key);
      if (list) list.push(i);
      else blocks.set(key, [i]);
    };
    for (let i = 0; i < n; i++) {
      const ks = kr[i];
      if (ks === undefined) continue;
      if (typeof ks === 'string') add(ks, i);
      else for (const k of ks) add(k, i);
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
        const ka = kr[a];
        for (let y = x + 1; y < list.length; y++) {
          const b = list[y]!;
          const kb = kr[b];
          // Within this rule: only the first shared key emits the pair.
          if (typeof ka !== 'string' || typeof kb !== 'string') {
            const lb = asList(kb);
            let first: string | undefined;
            for (const k of asList(ka)) if (lb.includes(k) && (blocks.get(k)?.length ?? 0) <= maxBlock) { first = k; break; }
            if (first !== key) continue;
          }
          // Earlier rules: skip if one of them already produced it.
          let seen = false;
          for (let e = 0; e < r && !seen && !independent; e++) seen = sharesKey(keys[e]![a], keys[e]![b], skipped[e]!);
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

