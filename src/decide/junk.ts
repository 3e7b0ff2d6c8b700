/**
 * Junk detection for person and company names: fake names ("Mickey Mouse", "Max
 * Mustermann"), test words ("test", "asdf"), keyboard runs ("qwerty", "sdfgh"),
 * repeated characters ("aaaa") and digits in a person's name. Emits `name.junk` /
 * `company.junk` issues (the codes the name and company parsers use) that reject rules
 * can test. Pure.
 */
import * as z from 'zod';
import junk from '../../dictionaries/junk.json' with { type: 'json' };
import { issue, type Issue } from '../core/codes.js';
import { foldKey, MemoCache, PairMemoCache } from '../core/text.js';
import { NO_OUTPUT, defineStep } from '../engine/step.js';

export type JunkReason = 'fake_name' | 'placeholder' | 'test_word' | 'keyboard_run' | 'repeated_characters' | 'initials_only' | 'digits' | 'no_letters';

interface JunkIndex {
  readonly fakeNames: ReadonlySet<string>;
  readonly placeholders: ReadonlySet<string>;
  readonly testWords: ReadonlySet<string>;
  readonly rows: readonly string[];
}

let index: JunkIndex | null = null;
function junkIndex(): JunkIndex {
  index ??= {
    fakeNames: new Set(junk.fakeNames.map(foldKey)),
    placeholders: new Set(junk.placeholderNames.map(foldKey).filter((k) => k !== '')),
    testWords: new Set(junk.testWords.map(foldKey)),
    rows: junk.keyboardRows.flatMap((r) => [r, [...r].reverse().join('')]),
  };
  return index;
}

function isKeyboardRun(token: string, rows: readonly string[]): boolean {
  if (token.length < 4) return false;
  return rows.some((r) => r.includes(token));
}

/** "qweqwe", "jkljkl", "ababab": a short unit typed again and again. */
function isRepeatedUnit(token: string): boolean {
  for (const unit of [3, 2]) {
    const reps = unit === 3 ? 2 : 3;
    if (token.length < unit * reps || token.length % unit !== 0) continue;
    const u = token.slice(0, unit);
    if (u.repeat(token.length / unit) === token) return true;
  }
  return false;
}

function hasRepeat(token: string): boolean {
  let run = 1;
  for (let i = 1; i < token.length; i++) {
    run = token[i] === token[i - 1] ? run + 1 : 1;
    if (run >= 4) return true;
  }
  // "aaa", "xx": one letter repeated, as a whole token
  return token.length >= 2 && token.length <= 3 && [...token].every((c) => c === token[0]);
}

/**
 * Why a name looks like junk, or `null`.
 *
 * @example
 * junkReason('Mickey Mouse') //=> "fake_name"
 * junkReason('asdf')         //=> "test_word"
 * junkReason('Anne-Marie de la Cruz') //=> null
 */
export function junkReason(value: string, kind: 'person' | 'company' = 'person'): JunkReason | null {
  const key = foldKey(value);
  if (key === '') return /[^\s\p{P}]/u.test(value) ? null : value.trim() === '' ? null : 'no_letters';
  const ix = junkIndex();
  if (ix.fakeNames.has(key)) return 'fake_name';
  const tokens = key.split(' ');
  if (tokens.every((t) => ix.testWords.has(t))) return 'test_word';
  if (kind === 'person' && ix.placeholders.has(key)) return 'placeholder';
  if (kind === 'person' && tokens.some((t) => ix.testWords.has(t) && t.length >= 4 && (t.startsWith('test') || t === 'asdf' || t === 'qwerty'))) return 'test_word';
  if (tokens.every((t) => isKeyboardRun(t, ix.rows) || t.length <= 1) && tokens.some((t) => t.length >= 4)) return 'keyboard_run';
  if (tokens.some((t) => (hasRepeat(t) || isRepeatedUnit(t)) && !/^(?:i{2,3}|x{2,3})$/.test(t))) return 'repeated_characters';
  if (kind === 'person' && tokens.length >= 2 && tokens.every((t) => t.length === 1)) return 'initials_only';
  if (kind === 'person' && /\d/.test(key) && !/^(?:i{1,3}|iv|v|jr|sr)$/.test(key)) return 'digits';
  if (!/\p{L}/u.test(key)) return 'no_letters';
  return null;
}

// Names and company names repeat within a file: judge each distinct value once per kind.
const junkMemo = {
  person: new MemoCache<JunkReason | null>(10_000, 'junk (person)'),
  company: new MemoCache<JunkReason | null>(10_000, 'junk (company)'),
} as const;
function junkReasonMemo(value: string, kind: 'person' | 'company'): JunkReason | null {
  const cache = junkMemo[kind];
  let r = cache.get(value);
  if (r === undefined) {
    r = junkReason(value, kind);
    cache.set(value, r);
  }
  return r;
}
// Several parts ("Mickey" + "Mouse"): the verdict per distinct combination, keyed by the number of
// parts and every part but the last prefixed with its length (unambiguous for any content).
const combinedMemo = {
  person: new MemoCache<JunkReason | null>(10_000, 'junk (person, combined fields)'),
  company: new MemoCache<JunkReason | null>(10_000, 'junk (company, combined fields)'),
} as const;
// Two parts (first and last name, the default pack's case): keyed by the pair of cells, without
// building a combined key string (each cell keeps the hash V8 cached in it).
const pairMemo = {
  person: new PairMemoCache<JunkReason | null>(20_000, 'junk (person, two fields)'),
  company: new PairMemoCache<JunkReason | null>(20_000, 'junk (company, two fields)'),
} as const;
function junkReasonOfParts(parts: readonly string[], kind: 'person' | 'company'): JunkReason | null {
  if (parts.length === 1) return junkReasonMemo(parts[0]!, kind);
  if (parts.length === 2) {
    const cache = pairMemo[kind];
    const a = parts[0]!;
    const b = parts[1]!;
    let r = cache.get(a, b);
    if (r === undefined) {
      r = junkReasonOfPartsNow(parts, kind);
      cache.set(a, b, r);
    }
    return r;
  }
  let key = `${parts.length}|`;
  for (let i = 0; i < parts.length - 1; i++) key += `${parts[i]!.length}:${parts[i]!}`;
  key += parts[parts.length - 1]!;
  const cache = combinedMemo[kind];
  let r = cache.get(key);
  if (r === undefined) {
    r = junkReasonOfPartsNow(parts, kind);
    cache.set(key, r);
  }
  return r;
}
function junkReasonOfPartsNow(parts: readonly string[], kind: 'person' | 'company'): JunkReason | null {
  return junkReason(parts.join(' '), kind) ?? parts.map((p) => junkReasonMemo(p, kind)).find((x) => x !== null) ?? null;
}

/** A step output that changes nothing (shared, frozen). */

export const junkStep = defineStep({
  name: 'junk',
  description: 'Flag fake, test and keyboard-mash values in name fields (issue name.junk / company.junk); values are not changed.',
  options: z
    .object({
      kind: z.enum(['person', 'company']).default('person'),
      /** Test these fields joined in this order instead of the value alone, e.g. ["firstName", "lastName"] for "Mickey" + "Mouse". */
      fields: z.array(z.string()).default([]),
    })
    .strict(),
  run(value, options, ctx) {
    const rec = ctx.record as unknown as Record<string, unknown>;
    const fields = options.fields;
    const parts: string[] = [];
    if (fields.length === 0) {
      if (value !== null && value !== '') parts.push(value);
    } else {
      for (let k = 0; k < fields.length; k++) {
        const f = fields[k]!;
        const v = f === ctx.field ? value : typeof rec[f] === 'string' ? (rec[f] as string) : null;
        if (v !== null && v !== '') parts.push(v);
      }
    }
    if (parts.length === 0) return NO_OUTPUT;
    const code = options.kind === 'person' ? 'name.junk' : 'company.junk';
    // The name and company parsers may have flagged this row already: one issue is enough.
    const seen = ctx.issues;
    for (let k = 0; k < seen.length; k++) if (seen[k]!.code === code) return NO_OUTPUT;
    const reason = junkReasonOfParts(parts, options.kind);
    if (!reason) return NO_OUTPUT;
    const whole = parts.join(' ');
    const issues: Issue[] = [issue(code, { value: whole, reason: reason.replace(/_/g, ' ') })];
    return { issues };
  },
});
