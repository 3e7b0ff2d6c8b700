/**
 * `dedupe`: blocking → Fellegi-Sunter scoring → clustering with a chaining guard → survivorship merge.
 */
import type { CampaignMembership } from '../core/fields.js';
import { issue, type Issue } from '../core/codes.js';
import { LeadtidyError } from '../core/errors.js';
import { blockingKeys, generatePairs, type BlockingReport } from './blocking.js';
import { compileSection, type CompiledSection, type DedupeDependencies, type Feature } from './compile.js';
import { explainFeatures, nonDuplicateAction, probabilityOf, scoreLevels, type PairExplanation } from './score.js';
import { mergeCluster, type DedupeRecord, type MergePlanEntry } from './survivorship.js';
import { codeAt } from '../core/text.js';

/** A group of input records that are the same entity. */
export interface DedupeCluster {
  /** Stable id: a hash of the members' content, the same whatever the input order. */
  readonly id: string;
  /** Input indices, master first, then in canonical order (sourceRow). */
  readonly members: readonly number[];
  /** Lowest match probability of a member against the cluster's representative. */
  readonly score: number;
  /** Input index of the master record. */
  readonly master: number;
}

/** A pair a person should look at. */
export interface ReviewItem {
  readonly a: number;
  readonly b: number;
  readonly probability: number;
  /** `band`: between the review and merge thresholds; `chain`: split off a cluster by the chaining guard; or a non-duplicate rule id. */
  readonly reason: string;
  readonly explanation: PairExplanation;
}

export interface DedupeOptions {
  /** A rule pack with a `dedupe` section (and optionally `campaign.precedence`), or a `dedupe` section itself. */
  readonly pack?: unknown;
  /** Existing CRM records (with `id`): survivors are labelled new / update / review against them. */
  readonly existing?: readonly DedupeRecord[];
  /** Campaign member statuses, best first (overrides the pack's). */
  readonly statusPrecedence?: readonly string[];
}

export interface DedupeResult {
  readonly clusters: DedupeCluster[];
  /** Survivors (merged) and untouched singletons, in input order of their master. */
  readonly records: Record<string, unknown>[];
  /** Input index of each output record (its master for survivors). */
  readonly sourceIndex: number[];
  readonly mergePlan: MergePlanEntry[];
  readonly review: ReviewItem[];
  readonly blocking: BlockingReport;
  readonly pairs: { readonly compared: number; readonly aboveReview: number; readonly aboveMerge: number };
  /** `dedupe.merged` on each master's row, `dedupe.review` on each review pair's first row, `dedupe.block_skipped`, and (with `existing`) `dedupe.existing_*`. */
  readonly issues: Issue[];
  /** Labels against `existing`, one per output record, when `existing` was given. */
  readonly existingMatches?: ExistingMatch[];
}

/** How an incoming record relates to the existing records. */
export interface ExistingMatch {
  /** Index of the record in the list passed to `match` (for `dedupe`: position in `records`). */
  readonly index: number;
  readonly label: 'new' | 'update' | 'review';
  readonly existingId: string | null;
  /** "new", "update <id>" or "review <id>". */
  readonly action: string;
  readonly probability: number;
  readonly explanation?: PairExplanation;
}

/** Picks the dedupe section from a pack, a section, or the default. */
export function sectionOf(pack: unknown, fallback: unknown): { section: unknown; precedence: readonly string[] } {
  if (pack === undefined || pack === null) return { section: fallback, precedence: [] };
  if (typeof pack !== 'object') throw new LeadtidyError('options', 'dedupe: pack must be an object.');
  const p = pack as Record<string, unknown>;
  if ('blocking' in p || 'comparisons' in p) return { section: p, precedence: [] };
  const prec = (p.campaign as { precedence?: unknown } | undefined)?.precedence;
  const precedence = Array.isArray(prec) ? prec.filter((x): x is string => typeof x === 'string') : [];
  if (!('dedupe' in p) || p.dedupe === undefined) return { section: fallback, precedence };
  return { section: p.dedupe, precedence };
}

function fnv(s: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= codeAt(s, i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** 64-bit content hash (two FNV-1a variants) as 16 hex digits. */
function hash64(s: string): string {
  return fnv(s, 0x811c9dc5).toString(16).padStart(8, '0') + fnv(s, 0x01000193).toString(16).padStart(8, '0');
}

/** Key-sorted JSON of a record: the same record content gives the same text. */
export function stableStringify(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null';
  if (Array.isArray(v)) return `[${v.map(stableStringify).join(',')}]`;
  const keys = Object.keys(v as object).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${stableStringify((v as Record<string, unknown>)[k])}`).join(',')}}`;
}

/** Streams a value's key-sorted structure into two FNV-1a states without building its text. */
function hashInto(v: unknown, h: Uint32Array): void {
  const feed = (s: string) => {
    let a = h[0]!;
    let b = h[1]!;
    for (let i = 0; i < s.length; i++) {
      const c = codeAt(s, i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 13);
    }
    h[0] = a;
    h[1] = b;
  };
  if (v === null || v === undefined) return feed(v === null ? '\u0000n' : '\u0000u');
  if (typeof v === 'string') return feed(`\u0000s${v}`);
  if (typeof v !== 'object') return feed(`\u0000${typeof v}${String(v)}`);
  if (Array.isArray(v)) {
    feed('\u0000[');
    for (const x of v) hashInto(x, h);
    return feed('\u0000]');
  }
  feed('\u0000{');
  for (const k of Object.keys(v as object).sort()) {
    feed(`\u0000k${k}`);
    hashInto((v as Record<string, unknown>)[k], h);
  }
  feed('\u0000}');
}

/** 64-bit content hash of a record (key order does not matter) as 16 hex digits. */
export function contentHash(v: unknown): string {
  const h = new Uint32Array([0x811c9dc5, 0x01000193]);
  hashInto(v, h);
  return h[0]!.toString(16).padStart(8, '0') + h[1]!.toString(16).padStart(8, '0');
}

class UnionFind {
  readonly parent: Int32Array;
  constructor(n: number) {
    this.parent = new Int32Array(n);
    for (let i = 0; i < n; i++) this.parent[i] = i;
  }
  find(x: number): number {
    const p = this.parent;
    while (p[x] !== x) {
      p[x] = p[p[x]!]!;
      x = p[x]!;
    }
    return x;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

interface Edge {
  readonly a: number;
  readonly b: number;
  readonly w: number;
  readonly act: 0 | 1 | 2;
}

/** The dedupe functions, bound to dependencies and a default section. */
export function createDedupe(deps: DedupeDependencies, defaultSection: unknown) {
  function compiled(pack: unknown): { cs: CompiledSection; precedence: readonly string[] } {
    const { section, precedence } = sectionOf(pack, defaultSection);
    return { cs: compileSection(section, deps), precedence };
  }

  /**
   * Explains how two records compare under a pack: prior, per-field level and weight, total, probability.
   */
  function explainPair(a: DedupeRecord, b: DedupeRecord, options: { pack?: unknown } = {}): PairExplanation {
    const { cs } = compiled(options.pack);
    return explainFeatures(cs, 0, 1, cs.featurize(a), cs.featurize(b));
  }

  function dedupeWith(
    records: readonly DedupeRecord[],
    cs: CompiledSection,
    precedence: readonly string[],
  ): Omit<DedupeResult, 'existingMatches'> {
    if (!Array.isArray(records)) throw new LeadtidyError('options', 'dedupe: records must be an array.');
    const n = records.length;
    const s = cs.section;
    const feats: (Feature | null)[][] = new Array(n);
    for (let i = 0; i < n; i++) {
      const r = records[i];
      feats[i] = r !== null && typeof r === 'object' ? cs.featurize(r) : cs.fields.map(() => null);
    }
    const keys = blockingKeys(cs, feats);
    const mergeW = Math.log2(s.threshold.merge / (1 - s.threshold.merge));
    const reviewW = Math.log2(s.threshold.review / (1 - s.threshold.review));
    const guardP = s.chainGuard ?? s.threshold.review;
    const edges: Edge[] = [];
    const levels: number[] = new Array(cs.comparisons.length);
    let aboveMerge = 0;
    const blocking = generatePairs(cs, keys, n, (a, b) => {
      const w = scoreLevels(cs, feats[a]!, feats[b]!, levels);
      if (w < reviewW) return;
      const act = cs.nonDuplicates.length ? nonDuplicateAction(cs, levels) : 0;
      if (act === 2) return;
      if (w >= mergeW && act === 0) aboveMerge++;
      edges.push(a < b ? { a, b, w, act } : { a: b, b: a, w, act });
    });
    keys.length = 0;
    // Only records in a scored pair are looked at again: let the others' features go.
    const inEdge = new Uint8Array(n);
    for (const e of edges) inEdge[e.a] = inEdge[e.b] = 1;
    for (let i = 0; i < n; i++) if (inEdge[i] === 0) (feats as unknown as (unknown[] | null)[])[i] = null;

    // Canonical order: sourceRow, then a hash of the content (stable across input orders).
    const fp = new Map<number, string>();
    const fingerprint = (i: number): string => {
      let f = fp.get(i);
      if (f === undefined) fp.set(i, (f = contentHash(records[i])));
      return f;
    };
    const rowOf = (i: number): number => {
      const v = (records[i] as { sourceRow?: unknown } | null)?.sourceRow;
      return typeof v === 'number' ? v : Infinity;
    };
    const canon = (x: number, y: number): number => {
      const d = rowOf(x) - rowOf(y);
      if (d !== 0 && !Number.isNaN(d)) return d;
      const fx = fingerprint(x);
      const fy = fingerprint(y);
      return fx < fy ? -1 : fx > fy ? 1 : x - y;
    };

    const uf = new UnionFind(n);
    for (const e of edges) if (e.w >= mergeW && e.act === 0) uf.union(e.a, e.b);
    const comps = new Map<number, number[]>();
    for (let i = 0; i < n; i++) {
      const r = uf.find(i);
      if (r !== i || comps.has(r)) {
        const c = comps.get(r);
        if (c) c.push(i);
        else comps.set(r, [r, i]);
      }
    }
    const edgeW = new Map<number, Map<number, number>>();
    const addW = (a: number, b: number, w: number) => {
      let m = edgeW.get(a);
      if (!m) edgeW.set(a, (m = new Map()));
      m.set(b, w);
    };
    for (const e of edges) if (comps.has(uf.find(e.a))) {
      addW(e.a, e.b, e.w);
      addW(e.b, e.a, e.w);
    }
    const pairW = (a: number, b: number): number => edgeW.get(a)?.get(b) ?? scoreLevels(cs, feats[a]!, feats[b]!, levels);

    const review: ReviewItem[] = [];
    const finalClusters: { members: number[]; rep: number; score: number }[] = [];
    const guard = (members: number[]): void => {
      if (members.length < 2) return;
      members.sort(canon);
      if (members.length === 2) {
        finalClusters.push({ members, rep: members[0]!, score: probabilityOf(pairW(members[0]!, members[1]!)) });
        return;
      }
      let rep = members[0]!;
      let best = -Infinity;
      for (const m of members) {
        let sum = 0;
        const em = edgeW.get(m);
        if (em) for (const o of members) if (o !== m) sum += em.has(o) && em.get(o)! >= mergeW ? probabilityOf(em.get(o)!) : 0;
        if (sum > best + 1e-12) [best, rep] = [sum, m];
      }
      const kept: number[] = [];
      const removed: number[] = [];
      let score = 1;
      for (const m of members) {
        if (m === rep) {
          kept.push(m);
          continue;
        }
        const p = probabilityOf(pairW(m, rep));
        if (p < guardP) {
          removed.push(m);
          review.push({ a: Math.min(m, rep), b: Math.max(m, rep), probability: p, reason: 'chain', explanation: explainFeatures(cs, m, rep, feats[m]!, feats[rep]!) });
        } else {
          kept.push(m);
          if (p < score) score = p;
        }
      }
      if (kept.length >= 2) finalClusters.push({ members: kept, rep, score });
      if (removed.length >= 2) {
        const sub = new UnionFind(removed.length);
        const pos = new Map(removed.map((m, i) => [m, i] as const));
        for (const m of removed) {
          const em = edgeW.get(m);
          if (!em) continue;
          for (const [o, w] of em) if (w >= mergeW && pos.has(o)) sub.union(pos.get(m)!, pos.get(o)!);
        }
        const groups = new Map<number, number[]>();
        removed.forEach((m, i) => {
          const r = sub.find(i);
          const g = groups.get(r);
          if (g) g.push(m);
          else groups.set(r, [m]);
        });
        for (const g of groups.values()) guard(g);
      }
    };
    for (const members of comps.values()) guard(members);

    // Review: band pairs and rule-capped pairs not ending in the same cluster.
    const clusterOf = new Int32Array(n).fill(-1);
    finalClusters.forEach((c, ci) => {
      for (const m of c.members) clusterOf[m] = ci;
    });
    for (const e of edges) {
      if (e.w >= mergeW && e.act === 0) continue;
      if (clusterOf[e.a] !== -1 && clusterOf[e.a] === clusterOf[e.b]) continue;
      const expl = explainFeatures(cs, e.a, e.b, feats[e.a]!, feats[e.b]!);
      review.push({ a: e.a, b: e.b, probability: probabilityOf(e.w), reason: e.act === 1 ? (expl.rules.find((r) => r.then === 'review')?.id ?? 'rule') : 'band', explanation: expl });
    }
    review.sort((x, y) => x.a - y.a || x.b - y.b || (x.reason < y.reason ? -1 : 1));

    // Survivorship.
    const plans = new Map<number, { entry: Omit<MergePlanEntry, 'position'>; survivor: Record<string, unknown> }>();
    const clusters: DedupeCluster[] = [];
    for (const c of finalClusters) {
      const merged = mergeCluster(c.members, records, s.survivorship, precedence);
      const id = `c-${hash64(c.members.map(fingerprint).sort().join(','))}`;
      clusters.push({ id, members: merged.ordered, score: c.score, master: merged.master });
      plans.set(merged.master, {
        survivor: merged.survivor,
        entry: {
          clusterId: id,
          master: merged.master,
          members: merged.ordered,
          fields: merged.fields,
          campaigns: merged.campaigns as CampaignMembership[],
          inverse: { master: records[merged.master]!, absorbed: merged.ordered.slice(1).map((i) => ({ index: i, record: records[i]! })) },
        },
      });
    }
    clusters.sort((x, y) => Math.min(...x.members) - Math.min(...y.members));
    const out: Record<string, unknown>[] = [];
    const sourceIndex: number[] = [];
    const mergePlan: MergePlanEntry[] = [];
    for (let i = 0; i < n; i++) {
      const plan = plans.get(i);
      if (plan) {
        mergePlan.push({ ...plan.entry, position: out.length });
        out.push(plan.survivor);
        sourceIndex.push(i);
      } else if (clusterOf[i] === -1) {
        out.push(records[i] as Record<string, unknown>);
        sourceIndex.push(i);
      }
    }
    const issues: Issue[] = [];
    const rowOrNone = (i: number) => (Number.isFinite(rowOf(i)) ? { row: rowOf(i) } : {});
    for (const b of blocking.rules)
      if (b.skippedBlocks > 0)
        issues.push(issue('dedupe.block_skipped', { rule: b.rule, count: b.skippedBlocks, max: s.maxBlockSize, key: b.largestBlocks[0]?.key ?? '', size: b.largestBlocks[0]?.size ?? 0 }));
    for (const c of clusters) {
      const rows = c.members.slice(1).map((m) => (Number.isFinite(rowOf(m)) ? rowOf(m) : `#${m}`));
      issues.push(issue('dedupe.merged', { count: rows.length, rows, cluster: c.id }, rowOrNone(c.master)));
    }
    for (const rv of review) {
      const other = Number.isFinite(rowOf(rv.b)) ? rowOf(rv.b) : `#${rv.b}`;
      issues.push(issue('dedupe.review', { other, probability: rv.probability.toFixed(2), reason: rv.reason }, rowOrNone(rv.a)));
    }
    return {
      issues,
      clusters,
      records: out,
      sourceIndex,
      mergePlan,
      review,
      blocking,
      pairs: { compared: blocking.comparisons, aboveReview: edges.length, aboveMerge },
    };
  }

  return { compiled, explainPair, dedupeWith };
}

/**
 * Undoes a dedupe: the input records again, in input order, from the result's records and merge plan.
 *
 * @example
 * const r = dedupe(records);
 * undoMerge(r) //=> records (deep-equal, same order)
 */
export function undoMerge(result: Pick<DedupeResult, 'records' | 'sourceIndex' | 'mergePlan'>): DedupeRecord[] {
  const out: DedupeRecord[] = [];
  const planAt = new Map(result.mergePlan.map((p) => [p.position, p] as const));
  result.records.forEach((r, pos) => {
    const plan = planAt.get(pos);
    if (!plan) {
      out[result.sourceIndex[pos]!] = r;
      return;
    }
    out[plan.master] = plan.inverse.master;
    for (const a of plan.inverse.absorbed) out[a.index] = a.record;
  });
  return out;
}
