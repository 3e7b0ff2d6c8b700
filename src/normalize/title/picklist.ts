/**
 * Reads existing Job Level / Job Function cells (CRM picklist values such as "VP-Level", "C Level Exec",
 * "master_finance", or free text) back into TAXONOMY.md ids, via the crosswalk tables read in reverse.
 */
import crosswalks from '../../../dictionaries/titles-crosswalks.json' with { type: 'json' };
import taxonomy from '../../../dictionaries/titles-taxonomy.json' with { type: 'json' };
import { ok, none, type UnitResult } from '../../core/result.js';
import { foldKey } from '../../core/text.js';
import { TITLE_CROSSWALKS, type CrosswalkEntry } from './crosswalk.js';
import { classifyTitle } from './index.js';
import type { LevelId } from './types.js';

interface Reverse {
  levels: Map<string, LevelId>;
  functions: Map<string, string>;
}

let reverse: Reverse | null = null;

function values(e: CrosswalkEntry | undefined): { list: string[]; lossy: boolean } {
  if (e === undefined || e === null) return { list: [], lossy: false };
  if (typeof e === 'string') return { list: [e], lossy: false };
  if (Array.isArray(e)) return { list: [...(e as readonly string[])], lossy: false };
  const o = e as Exclude<CrosswalkEntry, string | readonly string[] | null>;
  const list: string[] = [];
  const add = (v: unknown) => {
    if (typeof v === 'string') list.push(v);
    else if (Array.isArray(v)) for (const x of v) if (typeof x === 'string') list.push(x);
  };
  add(o.value);
  for (const v of Object.values(o.whenFlag ?? {})) add(v);
  return { list, lossy: o.lossy === true };
}

const KEY_NOISE = / ?\b(level|levels|lvl)\b ?/g;

function key(s: string): string {
  return foldKey(s).replace(/_/g, ' ').replace(KEY_NOISE, ' ').trim().replace(/^master /, '');
}

function build(): Reverse {
  const levels = new Map<string, LevelId>();
  const functions = new Map<string, string>();
  const levelOrder = ['c_level', 'vp', 'director', 'manager', 'senior', 'entry', 'intern', 'partner', 'board', 'owner', 'unknown'] as const;
  for (const id of taxonomy.precedence) levels.set(key(id), id as LevelId);
  for (const id of Object.keys(taxonomy.functions)) functions.set(key(id), id);
  for (const [id, f] of Object.entries(taxonomy.functions)) if (!functions.has(key(f.label))) functions.set(key(f.label), id);
  for (const [k, v] of Object.entries(crosswalks.levelSynonyms)) if (!levels.has(key(k))) levels.set(key(k), v as LevelId);
  for (const [k, v] of Object.entries(crosswalks.functionSynonyms)) if (!functions.has(key(k))) functions.set(key(k), v);
  // exact (non-lossy) rows first, then lossy ones only where nothing exact claimed the value
  for (const lossyPass of [false, true]) {
    for (const cw of Object.values(TITLE_CROSSWALKS)) {
      for (const id of levelOrder) {
        const { list, lossy } = values(cw.levels[id]);
        if (lossy !== lossyPass) continue;
        for (const v of list) if (!levels.has(key(v))) levels.set(key(v), id);
      }
      for (const [fk, e] of Object.entries(cw.functions)) {
        const { list, lossy } = values(e);
        if (lossy !== lossyPass) continue;
        const id = fk.split('.')[0]!;
        for (const v of list) if (v !== 'c_suite' && !functions.has(key(v))) functions.set(key(v), id);
      }
    }
  }
  return { levels, functions };
}

/**
 * Reads a Job Level cell into a level id: our ids, any crosswalk target's values ("VP-Level",
 * "C Level Exec", "Non Manager", "Training"), or, failing that, a title ("Senior Director").
 *
 * @example
 * parseJobLevel('VP-Level').value //=> 'vp'
 * parseJobLevel('C Level Exec').value //=> 'c_level'
 */
export function parseJobLevel(input: string | null | undefined): UnitResult<LevelId> {
  if (typeof input !== 'string' || input.trim() === '') return none();
  reverse ??= build();
  const k = key(input);
  const hit = reverse.levels.get(k);
  if (hit) return ok(hit, 1);
  const r = classifyTitle(input);
  if (r.value?.level) return ok(r.value.level, Math.min(r.confidence, 0.8), r.issues);
  return none(r.issues);
}

/**
 * Reads a Job Function / Department cell into a function id: our ids and labels, any crosswalk target's
 * values ("master_finance", "Arts and Design", "IT"), or, failing that, the function of a title.
 *
 * @example
 * parseJobFunction('master_finance').value //=> 'finance'
 * parseJobFunction('Arts and Design').value //=> 'design'
 */
export function parseJobFunction(input: string | null | undefined): UnitResult<string> {
  if (typeof input !== 'string' || input.trim() === '') return none();
  reverse ??= build();
  const hit = reverse.functions.get(key(input));
  if (hit) return ok(hit, 1);
  const r = classifyTitle(input);
  if (r.value?.function && !r.value.flags.functionInferred) return ok(r.value.function, Math.min(r.confidence, 0.8), r.issues);
  return none(r.issues);
}
