/**
 * The run summary behind `*.report.json` and the HTML report: counts, reasons, fill
 * rates, rules, unresolved values, score and routing distributions. Pure.
 */
import type { Issue } from '../core/codes.js';
import type { CleanseResult } from '../engine/cleanse.js';
import type { ParseMeta } from '../io/parse-text.js';

export interface ValueCount {
  readonly value: string;
  readonly count: number;
}

export interface RunSummary {
  readonly title: string;
  readonly input: Omit<ParseMeta, 'rowNumbers'> & { readonly file?: string };
  readonly pack: CleanseResult['report']['pack'];
  readonly rows: { readonly in: number; readonly clean: number; readonly rejected: number; readonly merged: number };
  readonly rejectReasons: readonly ValueCount[];
  readonly fillRate: CleanseResult['report']['fillRate'];
  readonly changesByRule: readonly ValueCount[];
  readonly issuesByCode: readonly (ValueCount & { readonly severity: string })[];
  /** Per issue code, the most frequent offending values (unresolved countries, states, titles…). */
  readonly topUnresolved: readonly { readonly code: string; readonly field: string | null; readonly values: readonly ValueCount[] }[];
  readonly mapping: CleanseResult['report']['mapping'];
  readonly scores: { readonly count: number; readonly min: number | null; readonly max: number | null; readonly mean: number | null; readonly histogram: readonly ValueCount[] } | null;
  readonly routing: { readonly queues: readonly ValueCount[]; readonly owners: readonly ValueCount[]; readonly nurture: readonly ValueCount[] } | null;
  readonly campaigns: readonly ValueCount[];
  readonly duplicates: { readonly clusters: number; readonly merged: number };
  readonly accounts: { readonly matched: number; readonly total: number; readonly rate: number | null };
}

function top(counts: Map<string, number>, n = Infinity): ValueCount[] {
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, n)
    .map(([value, count]) => ({ value, count }));
}

function inc(m: Map<string, number>, k: string, by = 1): void {
  m.set(k, (m.get(k) ?? 0) + by);
}

function offendingValue(i: Issue): string | null {
  const d = i.data;
  if (!d) return null;
  for (const k of ['value', 'input', 'original', 'title']) {
    const v = d[k];
    if (typeof v === 'string' && v !== '') return v;
  }
  return null;
}

const SCORE_BUCKETS = 10;

/** Distinct offending values counted per issue code (bounded memory on huge files; later new values are not counted). */
const MAX_DISTINCT_VALUES = 20_000;

/**
 * What one batch adds to a run summary, as plain data (it crosses threads): built where the
 * batch ran with {@link summaryPart}, added in file order with `SummaryBuilder.addPart`. Adding
 * the parts of a file's batches in order gives the same summary as adding its records and
 * issues one by one.
 */
export interface SummaryPart {
  /** Scores of the records that have one, in order. */
  readonly scores: number[];
  readonly routed: boolean;
  readonly queues: [string, number][];
  readonly owners: [string, number][];
  readonly nurture: [string, number][];
  readonly campaigns: [string, number][];
  /** Issue codes in first-seen order with their severity. */
  readonly codes: [string, string][];
  /** Per code with offending values (first-seen order): the first such issue's field and every value's count, in first-seen order. */
  readonly unresolved: { readonly code: string; readonly field: string | null; readonly values: [string, number][] }[];
}

/** The summary part of some records and issues (in file order). */
export function summaryPart(records: readonly CleanseResult['records'][number][], issues: readonly Issue[]): SummaryPart {
  const scores: number[] = [];
  let routed = false;
  const queues = new Map<string, number>();
  const owners = new Map<string, number>();
  const nurture = new Map<string, number>();
  const campaigns = new Map<string, number>();
  for (const x of records) {
    if (typeof x.score === 'number') scores.push(x.score);
    if (x.queue !== undefined || x.owner !== undefined || x.nurtureProgram !== undefined) routed = true;
    if (x.queue) inc(queues, x.queue);
    if (x.owner) inc(owners, x.owner);
    if (x.nurtureProgram) inc(nurture, x.nurtureProgram);
    for (const c of x.campaigns) inc(campaigns, `${c.campaign} — ${c.status ?? '(no status)'}`);
  }
  const codes = new Map<string, string>();
  const unresolved = new Map<string, { code: string; field: string | null; values: Map<string, number> }>();
  for (const i of issues) {
    if (!codes.has(i.code)) codes.set(i.code, i.severity);
    if (i.severity === 'info') continue;
    const v = offendingValue(i);
    if (v === null) continue;
    let slot = unresolved.get(i.code);
    if (!slot) unresolved.set(i.code, (slot = { code: i.code, field: i.field ?? null, values: new Map() }));
    inc(slot.values, v);
  }
  return {
    scores,
    routed,
    queues: [...queues],
    owners: [...owners],
    nurture: [...nurture],
    campaigns: [...campaigns],
    codes: [...codes],
    unresolved: [...unresolved.values()].map((u) => ({ code: u.code, field: u.field, values: [...u.values] })),
  };
}

/**
 * Builds a run summary incrementally, batch by batch (streaming); {@link summarize} is this
 * over a whole result. Feed issues and records (or parts) in file order.
 */
export interface SummaryBuilder {
  addIssues(issues: readonly Issue[]): void;
  addRecords(records: readonly CleanseResult['records'][number][]): void;
  addPart(part: SummaryPart): void;
  addAccountMatches(matched: number, total: number): void;
  finish(report: CleanseResult['report'], clusters: number, input?: { meta?: ParseMeta; file?: string; title?: string }): RunSummary;
}

export function createSummaryBuilder(): SummaryBuilder {
  const unresolved = new Map<string, { field: string | null; values: Map<string, number> }>();
  const severity = new Map<string, string>();
  const scoreCounts = new Map<number, number>();
  let scoreN = 0;
  let scoreSum = 0;
  let scoreMin = Infinity;
  let scoreMax = -Infinity;
  let routed = false;
  const queues = new Map<string, number>();
  const owners = new Map<string, number>();
  const nurture = new Map<string, number>();
  const campaigns = new Map<string, number>();
  let matched = 0;
  let total = 0;
  const addPart = (p: SummaryPart): void => {
    for (const s of p.scores) {
      scoreN++;
      scoreSum += s;
      if (s < scoreMin) scoreMin = s;
      if (s > scoreMax) scoreMax = s;
      scoreCounts.set(s, (scoreCounts.get(s) ?? 0) + 1);
    }
    if (p.routed) routed = true;
    for (const [k, n] of p.queues) inc(queues, k, n);
    for (const [k, n] of p.owners) inc(owners, k, n);
    for (const [k, n] of p.nurture) inc(nurture, k, n);
    for (const [k, n] of p.campaigns) inc(campaigns, k, n);
    for (const [code, sev] of p.codes) if (!severity.has(code)) severity.set(code, sev);
    for (const u of p.unresolved) {
      let slot = unresolved.get(u.code);
      if (!slot) unresolved.set(u.code, (slot = { field: u.field, values: new Map() }));
      // A value counts if it was already counted or there is room when it first shows up
      // (what counting issue by issue does: all of a value's issues count, or none).
      for (const [v, n] of u.values) if (slot.values.has(v) || slot.values.size < MAX_DISTINCT_VALUES) inc(slot.values, v, n);
    }
  };
  return {
    addIssues: (issues) => addPart(summaryPart([], issues)),
    addRecords: (records) => addPart(summaryPart(records, [])),
    addPart,
    addAccountMatches(m, t) {
      matched += m;
      total += t;
    },
    finish(r, clusters, input = {}) {
      let scores: RunSummary['scores'] = null;
      if (scoreN) {
        const lo = Math.min(0, scoreMin);
        const hi = Math.max(100, scoreMax);
        const width = (hi - lo) / SCORE_BUCKETS;
        const buckets = Array.from({ length: SCORE_BUCKETS }, () => 0);
        for (const [s, n] of scoreCounts) buckets[Math.min(SCORE_BUCKETS - 1, Math.floor((s - lo) / width))]! += n;
        scores = {
          count: scoreN,
          min: scoreMin,
          max: scoreMax,
          mean: Math.round((scoreSum / scoreN) * 10) / 10,
          histogram: buckets.map((count, k) => ({ value: `${Math.round(lo + k * width)}–${Math.round(lo + (k + 1) * width)}`, count })),
        };
      }
      const routing: RunSummary['routing'] = routed ? { queues: top(queues), owners: top(owners), nurture: top(nurture) } : null;
      const { rowNumbers: _rowNumbers, ...meta } = input.meta ?? ({ rowNumbers: [] } as unknown as ParseMeta);
      return {
        title: input.title ?? input.file ?? 'leadtidy run',
        input: { ...meta, ...(input.file !== undefined ? { file: input.file } : {}) },
        pack: r.pack,
        rows: { in: r.rowsIn, clean: r.rowsOut, rejected: r.rejected, merged: r.merged },
        rejectReasons: top(new Map(Object.entries(r.rejectReasons))),
        fillRate: r.fillRate,
        changesByRule: top(new Map(Object.entries(r.changesByRule))),
        issuesByCode: top(new Map(Object.entries(r.issuesByCode))).map((x) => ({ ...x, severity: severity.get(x.value) ?? 'info' })),
        topUnresolved: [...unresolved.entries()]
          .map(([code, s]) => ({ code, field: s.field, values: top(s.values, 15) }))
          .sort((a, b) => b.values.reduce((n, v) => n + v.count, 0) - a.values.reduce((n, v) => n + v.count, 0)),
        mapping: r.mapping,
        scores,
        routing,
        campaigns: top(campaigns),
        duplicates: { clusters, merged: r.merged },
        accounts: { matched, total, rate: total ? Math.round((matched / total) * 1000) / 1000 : null },
      };
    },
  };
}

/** Builds the run summary. */
export function summarize(result: CleanseResult, input: { meta?: ParseMeta; file?: string; title?: string } = {}): RunSummary {
  const b = createSummaryBuilder();
  b.addIssues(result.issues);
  b.addRecords(result.records);
  const matched = (result.accountMatches as { accountId?: string | null }[]).filter((m) => m && m.accountId).length;
  b.addAccountMatches(matched, result.accountMatches.length);
  return b.finish(result.report, result.clusters.length, input);
}
