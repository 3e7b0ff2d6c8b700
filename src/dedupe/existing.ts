/**
 * An index of existing CRM records: blocking keys → records, built once, serializable, so a new
 * file can be labelled new / update / review against a million records in milliseconds.
 */
import { LeadtidyError } from '../core/errors.js';
import { own } from '../core/text.js';
import type { CompiledSection, Feature } from './compile.js';
import type { ExistingMatch } from './engine.js';
import { explainFeatures, nonDuplicateAction, probabilityOf, scoreLevels } from './score.js';
import type { DedupeRecord } from './survivorship.js';

/** Serialized form of an existing-records index (columnar: only the fields the pack reads, plus `id`). */
export interface ExistingIndexJSON {
  readonly format: 'leadtidy.existing-index';
  readonly version: 1;
  readonly size: number;
  readonly ids: readonly (string | null)[];
  readonly columns: Readonly<Record<string, readonly (string | null)[]>>;
}

/** A reusable index of existing records. */
export interface ExistingIndex {
  readonly size: number;
  /** Labels each record `new`, `update <id>` or `review <id>` against the best existing candidate. */
  match(records: readonly DedupeRecord[], options?: { explain?: boolean }): ExistingMatch[];
  /** Plain JSON (columnar) to save and load with `loadExistingIndex`. */
  toJSON(): ExistingIndexJSON;
}

function textOf(v: unknown): string | null {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return null;
}

/** Builds the index over `existing` records with a compiled section. */
export function buildExistingIndex(existing: readonly DedupeRecord[], cs: CompiledSection): ExistingIndex {
  if (!Array.isArray(existing)) throw new LeadtidyError('options', 'existing must be an array of records.');
  const n = existing.length;
  const readFields = [...new Set(cs.fields.flatMap((f) => f.from))];
  const ids: (string | null)[] = new Array(n);
  const feats: (Feature | null)[][] = new Array(n);
  const maps = cs.blocking.map(() => new Map<string, number[]>());
  for (let i = 0; i < n; i++) {
    const r = existing[i];
    const rec = r !== null && typeof r === 'object' ? r : {};
    ids[i] = textOf(own(rec as Record<string, unknown>, 'id'));
    const f = cs.featurize(rec);
    feats[i] = f;
    for (let b = 0; b < cs.blocking.length; b++) {
      const ks = cs.blocking[b]!.keysOf(f);
      if (ks === undefined) continue;
      const m = maps[b]!;
      for (const k of typeof ks === 'string' ? [ks] : ks) {
        const list = m.get(k);
        if (list) list.push(i);
        else m.set(k, [i]);
      }
    }
  }
  const s = cs.section;
  const mergeW = Math.log2(s.threshold.merge / (1 - s.threshold.merge));
  const reviewW = Math.log2(s.threshold.review / (1 - s.threshold.review));
  const maxBlock = s.maxBlockSize;
  const levels: number[] = new Array(cs.comparisons.length);

  function match(records: readonly DedupeRecord[], options: { explain?: boolean } = {}): ExistingMatch[] {
    if (!Array.isArray(records)) throw new LeadtidyError('options', 'match: records must be an array.');
    return records.map((r, index) => {
      const f = cs.featurize(r !== null && typeof r === 'object' ? r : {});
      const seen = new Set<number>();
      let best = -1;
      let bestW = -Infinity;
      let bestAct: 0 | 1 | 2 = 0;
      for (let b = 0; b < cs.blocking.length; b++) {
        for (const k of cs.blocking[b]!.keys(f)) {
          const list = maps[b]!.get(k);
          if (!list || list.length > maxBlock) continue;
          for (const j of list) {
            if (seen.has(j)) continue;
            seen.add(j);
            const w = scoreLevels(cs, f, feats[j]!, levels);
            const act = cs.nonDuplicates.length ? nonDuplicateAction(cs, levels) : 0;
            if (act === 2) continue;
            // Prefer pairs that may merge; among equals the lower index (input order of the CRM export).
            const eff = act === 1 ? Math.min(w, mergeW - 1e-9) : w;
            if (eff > bestW || (eff === bestW && j < best)) [best, bestW, bestAct] = [j, eff, act];
          }
        }
      }
      if (best < 0 || bestW < reviewW) return { index, label: 'new', existingId: null, action: 'new', probability: best < 0 ? 0 : probabilityOf(bestW) };
      const label = bestW >= mergeW && bestAct === 0 ? 'update' : 'review';
      const id = ids[best] ?? `#${best}`;
      const out: ExistingMatch = { index, label, existingId: id, action: `${label} ${id}`, probability: probabilityOf(bestW) };
      return options.explain ? { ...out, explanation: explainFeatures(cs, index, best, f, feats[best]!) } : out;
    });
  }

  function toJSON(): ExistingIndexJSON {
    const columns: Record<string, (string | null)[]> = Object.create(null);
    for (const field of readFields) {
      const col: (string | null)[] = new Array(n);
      for (let i = 0; i < n; i++) {
        const r = existing[i];
        col[i] = r !== null && typeof r === 'object' ? textOf(own(r as Record<string, unknown>, field)) : null;
      }
      columns[field] = col;
    }
    return { format: 'leadtidy.existing-index', version: 1, size: n, ids, columns: { ...columns } };
  }

  return { size: n, match, toJSON };
}

/** Rebuilds records from a serialized index (then the index is rebuilt over them). */
export function recordsFromIndexJSON(json: unknown): DedupeRecord[] {
  const j = json as Partial<ExistingIndexJSON> | null;
  if (!j || typeof j !== 'object' || j.format !== 'leadtidy.existing-index' || j.version !== 1 || !Array.isArray(j.ids) || typeof j.columns !== 'object' || j.columns === null)
    throw new LeadtidyError('input', 'Not a leadtidy existing-records index (format leadtidy.existing-index, version 1).');
  const n = j.ids.length;
  const cols = Object.entries(j.columns).filter(([, c]) => Array.isArray(c) && c.length === n);
  const out: DedupeRecord[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const r: Record<string, unknown> = Object.create(null);
    r.id = j.ids[i];
    for (const [f, c] of cols) {
      const v = c[i];
      if (v !== null && v !== undefined) r[f] = v;
    }
    out[i] = r;
  }
  return out;
}
