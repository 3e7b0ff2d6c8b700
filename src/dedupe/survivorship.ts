/**
 * Survivorship: picks a cluster's master and each field's surviving value, unions campaign
 * memberships (status by precedence), and records where every value came from plus an inverse.
 */
import type { CampaignMembership } from '../core/fields.js';
import { dict, foldKey, isReservedKey, own } from '../core/text.js';
import type { Survivorship, SurvivorshipRule } from './schema.js';

/** A record as dedupe sees it: string fields plus optional `extra`, `campaigns`, `sourceRow`. */
export type DedupeRecord = Readonly<Record<string, unknown>>;

/** One field's surviving value and its origin. */
export interface FieldChoice {
  readonly value: unknown;
  /** Input index of the record the value came from. */
  readonly from: number;
  readonly rule: SurvivorshipRule;
}

/** A cluster's merge: survivor, chosen values, provenance and the inverse to undo it. */
export interface MergePlanEntry {
  readonly clusterId: string;
  /** Input index of the master record (the survivor is the master with the chosen values). */
  readonly master: number;
  /** Input indices of every member, master included, in canonical order. */
  readonly members: readonly number[];
  /** Position of the survivor in `result.records`. */
  readonly position: number;
  /** Fields whose surviving value differs from the master's, with where it came from. */
  readonly fields: Readonly<Record<string, FieldChoice>>;
  /** Unioned campaign memberships. */
  readonly campaigns: readonly CampaignMembership[];
  /** What undoes the merge: the master as it was and the absorbed records. */
  readonly inverse: { readonly master: DedupeRecord; readonly absorbed: readonly { index: number; record: DedupeRecord }[] };
}

const SKIP = new Set(['extra', 'campaigns', 'sourceRow']);

function present(v: unknown): boolean {
  return v !== null && v !== undefined && !(typeof v === 'string' && v.trim() === '');
}

/** Number of filled fields of a record (extra and campaigns excluded). */
export function completeness(r: DedupeRecord): number {
  let n = 0;
  for (const k of Object.keys(r)) if (!SKIP.has(k) && present(r[k])) n++;
  return n;
}

function recencyOf(r: DedupeRecord, fields: readonly string[]): string {
  for (const f of fields) {
    const v = own(r as Record<string, unknown>, f);
    if (typeof v === 'string' && v.trim() !== '') return v.trim();
  }
  return '';
}

function sourceRank(r: DedupeRecord, s: Survivorship): number {
  if (!s.sourcePriority) return Infinity;
  const v = own(r as Record<string, unknown>, s.sourcePriority.field);
  if (typeof v !== 'string') return Infinity;
  const key = foldKey(v);
  const i = s.sourcePriority.order.findIndex((o) => foldKey(o) === key);
  return i < 0 ? Infinity : i;
}

function statusRank(status: unknown, precedence: readonly string[]): number {
  if (typeof status !== 'string') return Infinity;
  const key = foldKey(status);
  const i = precedence.findIndex((p) => foldKey(p) === key);
  return i < 0 ? precedence.length : i;
}

/**
 * Orders cluster members: the master first. `canonical` gives the deterministic tie-break order
 * (members already sorted by it).
 */
export function orderByMaster(members: readonly number[], records: readonly DedupeRecord[], s: Survivorship): number[] {
  const info = members.map((i, pos) => {
    const r = records[i]!;
    return { i, pos, id: present(own(r as Record<string, unknown>, 'id')) ? 0 : 1, complete: completeness(r), recent: recencyOf(r, s.recency), src: sourceRank(r, s) };
  });
  info.sort((x, y) => {
    for (const t of s.master) {
      let d = 0;
      if (t === 'has_id') d = x.id - y.id;
      else if (t === 'most_complete') d = y.complete - x.complete;
      else if (t === 'most_recent') d = x.recent < y.recent ? 1 : x.recent > y.recent ? -1 : 0;
      else if (t === 'source_priority') d = x.src === y.src ? 0 : x.src < y.src ? -1 : 1;
      if (d !== 0) return d;
    }
    return x.pos - y.pos;
  });
  return info.map((x) => x.i);
}

function choose(
  rule: SurvivorshipRule,
  field: string,
  ordered: readonly number[],
  records: readonly DedupeRecord[],
  s: Survivorship,
  precedence: readonly string[],
): FieldChoice {
  const master = ordered[0]!;
  const get = (i: number): unknown => own(records[i]! as Record<string, unknown>, field);
  const withValue = ordered.filter((i) => present(get(i)));
  const fallback = (): FieldChoice => ({ value: get(master) ?? null, from: master, rule });
  if (withValue.length === 0) return fallback();
  switch (rule) {
    case 'keep_master':
      return present(get(master)) ? { value: get(master), from: master, rule } : { value: get(withValue[0]!), from: withValue[0]!, rule };
    case 'most_recent': {
      let best = withValue[0]!;
      let bestT = recencyOf(records[best]!, s.recency);
      for (const i of withValue) {
        const t = recencyOf(records[i]!, s.recency);
        if (t > bestT) [best, bestT] = [i, t];
      }
      return { value: get(best), from: best, rule };
    }
    case 'most_complete': {
      let best = withValue[0]!;
      let bestN = completeness(records[best]!);
      for (const i of withValue) {
        const n = completeness(records[i]!);
        if (n > bestN) [best, bestN] = [i, n];
      }
      return { value: get(best), from: best, rule };
    }
    case 'source_priority': {
      let best = withValue[0]!;
      let bestR = sourceRank(records[best]!, s);
      for (const i of withValue) {
        const r = sourceRank(records[i]!, s);
        if (r < bestR) [best, bestR] = [i, r];
      }
      return { value: get(best), from: best, rule };
    }
    case 'longest': {
      let best = withValue[0]!;
      let bestL = String(get(best)).trim().length;
      for (const i of withValue) {
        const l = String(get(i)).trim().length;
        if (l > bestL) [best, bestL] = [i, l];
      }
      return { value: get(best), from: best, rule };
    }
    case 'most_frequent': {
      const counts = new Map<string, { n: number; first: number }>();
      for (const i of withValue) {
        const k = foldKey(String(get(i)));
        const c = counts.get(k);
        if (c) c.n++;
        else counts.set(k, { n: 1, first: i });
      }
      let best: { n: number; first: number } | null = null;
      for (const c of counts.values()) if (best === null || c.n > best.n) best = c;
      return { value: get(best!.first), from: best!.first, rule };
    }
    case 'append_all': {
      const seen = new Set<string>();
      const parts: string[] = [];
      for (const i of withValue) {
        const v = String(get(i)).trim();
        const k = foldKey(v);
        if (seen.has(k)) continue;
        seen.add(k);
        parts.push(v);
      }
      return { value: parts.join(s.separator), from: withValue[0]!, rule };
    }
    case 'status_precedence': {
      let best = withValue[0]!;
      let bestR = statusRank(get(best), precedence);
      for (const i of withValue) {
        const r = statusRank(get(i), precedence);
        if (r < bestR) [best, bestR] = [i, r];
      }
      return { value: get(best), from: best, rule };
    }
  }
}

/**
 * Unions campaign memberships of several records: one per campaign (case- and accent-insensitive),
 * the status with the best precedence (unknown statuses rank after known ones, then first seen).
 *
 * @example
 * unionCampaigns([[{ campaign: 'W1', status: 'Registered', sourceRow: 2 }], [{ campaign: 'W1', status: 'Attended', sourceRow: 9 }]], ['Attended', 'Registered'])
 * //=> [{ campaign: 'W1', status: 'Attended', sourceRow: 9 }]
 */
export function unionCampaigns(lists: readonly (readonly CampaignMembership[] | undefined)[], precedence: readonly string[]): CampaignMembership[] {
  const by = new Map<string, CampaignMembership>();
  const order: string[] = [];
  for (const list of lists) {
    if (!Array.isArray(list)) continue;
    for (const m of list) {
      if (m === null || typeof m !== 'object' || typeof m.campaign !== 'string') continue;
      const k = foldKey(m.campaign);
      const cur = by.get(k);
      if (!cur) {
        by.set(k, m);
        order.push(k);
      } else if (statusRank(m.status, precedence) < statusRank(cur.status, precedence)) by.set(k, m);
    }
  }
  return order.map((k) => by.get(k)!);
}

/**
 * Merges one cluster: returns the survivor and the plan entry (without `clusterId`/`position`).
 * `members` must be in canonical order (deterministic ties).
 */
export function mergeCluster(
  members: readonly number[],
  records: readonly DedupeRecord[],
  s: Survivorship,
  precedence: readonly string[],
): { survivor: Record<string, unknown>; master: number; ordered: number[]; fields: Record<string, FieldChoice>; campaigns: CampaignMembership[] } {
  const ordered = orderByMaster(members, records, s);
  const master = ordered[0]!;
  const m = records[master]!;
  const survivor: Record<string, unknown> = { ...m };
  const fields = dict<FieldChoice>();
  const names: string[] = [];
  const seen = new Set<string>();
  for (const i of ordered)
    for (const k of Object.keys(records[i]!))
      if (!SKIP.has(k) && !seen.has(k) && !isReservedKey(k)) {
        seen.add(k);
        names.push(k);
      }
  for (const f of names) {
    const rule = own(s.fields, f) ?? (f === s.statusField && precedence.length ? 'status_precedence' : s.default);
    const c = choose(rule, f, ordered, records, s, precedence);
    const before = own(m as Record<string, unknown>, f);
    if (c.value !== before && !(c.value === null && before === undefined)) {
      survivor[f] = c.value;
      fields[f] = c;
    }
  }
  // extra: the master's columns win; others fill columns the master lacks.
  const extra = dict<string>();
  let extraChanged = false;
  for (const i of ordered) {
    const e = own(records[i]! as Record<string, unknown>, 'extra');
    if (e === null || typeof e !== 'object') continue;
    for (const [k, v] of Object.entries(e as Record<string, string>)) {
      if (isReservedKey(k) || own(extra, k) !== undefined) continue;
      extra[k] = v;
      if (i !== master) extraChanged = true;
    }
  }
  if (extraChanged || own(m as Record<string, unknown>, 'extra') !== undefined) survivor.extra = { ...extra };
  const campaigns = unionCampaigns(
    ordered.map((i) => own(records[i]! as Record<string, unknown>, 'campaigns') as CampaignMembership[] | undefined),
    precedence,
  );
  if (campaigns.length || Array.isArray(own(m as Record<string, unknown>, 'campaigns'))) survivor.campaigns = campaigns;
  return { survivor, master, ordered, fields: { ...fields }, campaigns };
}
