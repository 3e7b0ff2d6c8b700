/**
 * Generic record steps every pack can use on any field: `clean` (whitespace, control
 * characters, placeholder values), `map` (a value crosswalk written in the pack),
 * `boolean` (yes/no/ja/oui… → "true"/"false") and `maxLength`.
 */
import * as z from 'zod';
import placeholders from '../../../dictionaries/placeholders.json' with { type: 'json' };
import { issue, type Issue } from '../../core/codes.js';
import { cleanWhitespace, codeAt, foldKey, hasControl, stripControl } from '../../core/text.js';
import { NO_OUTPUT, defineStep, type CellValue } from '../step.js';

let placeholderSet: ReadonlySet<string> | null = null;
let placeholderMax = 0;
/** Lowercase placeholders by length (index), for an allocation-free check of ASCII values. */
let placeholdersByLength: (readonly string[])[] = [];
function isPlaceholder(v: string): boolean {
  if (placeholderSet === null) {
    placeholderSet = new Set(placeholders.values.map((p) => p.toLowerCase()));
    for (const p of placeholderSet) placeholderMax = Math.max(placeholderMax, p.length);
    const byLength: string[][] = [];
    for (const p of placeholderSet) (byLength[p.length] ??= []).push(p);
    placeholdersByLength = byLength;
  }
  // Lowercasing never shortens a string: longer values cannot be placeholders.
  return v.length <= placeholderMax && placeholderSet.has(v.toLowerCase());
}

/** {@link isPlaceholder} for a value known to be ASCII (no allocation). */
function isPlaceholderAscii(v: string): boolean {
  if (placeholderSet === null) isPlaceholder('');
  const n = v.length;
  if (n > placeholderMax) return false;
  const cands = placeholdersByLength[n];
  if (cands === undefined) return false;
  next: for (const p of cands) {
    for (let i = 0; i < n; i++) {
      let c = codeAt(v, i);
      if (c >= 65 && c <= 90) c += 32;
      if (c !== codeAt(p, i)) continue next;
    }
    return true;
  }
  return false;
}

/** {@link cleanForm}: the value is printable ASCII already in clean form. */
const CLEAN_ASCII = 1;
/** {@link cleanForm}: the value is in clean form and has other characters too. */
const CLEAN_OTHER = 2;

/**
 * Whether `s` is already in the form the general path would give it: single inner spaces, none
 * at the ends, no control, whitespace or invisible formatting character (a few more ranges are
 * refused than the general path changes; those values simply take it). {@link CLEAN_ASCII} when
 * it is also plain ASCII (placeholders are then checked without allocating), {@link CLEAN_OTHER}
 * when it has other characters, 0 otherwise (take the general path). One scan either way.
 */
function cleanForm(s: string): 0 | typeof CLEAN_ASCII | typeof CLEAN_OTHER {
  const n = s.length;
  if (n === 0 || codeAt(s, 0) === 32 || codeAt(s, n - 1) === 32) return 0;
  let prevSpace = false;
  let ascii = true;
  for (let i = 0; i < n; i++) {
    const c = codeAt(s, i);
    if (c === 32) {
      if (prevSpace) return 0;
      prevSpace = true;
      continue;
    }
    prevSpace = false;
    if (c > 32 && c < 127) continue;
    if (
      c <= 0xa0 ||
      c === 0x1680 ||
      c === 0x180e ||
      (c >= 0x2000 && c <= 0x200f) ||
      (c >= 0x2028 && c <= 0x202f) ||
      (c >= 0x205f && c <= 0x206f) ||
      c === 0x3000 ||
      c === 0xfeff
    ) {
      return 0;
    }
    ascii = false;
  }
  return ascii ? CLEAN_ASCII : CLEAN_OTHER;
}

const MULTI_WS = /[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+/g;

/** Cleans one cell: control characters, whitespace, placeholders. Pure; exported for tests. */
export function cleanCell(
  value: string,
  options: { multiline: boolean; placeholders: boolean; extraPlaceholders: readonly string[] },
): { value: string | null; issues: Issue[] } {
  const issues: Issue[] = [];
  let v = value;
  if (hasControl(v)) {
    v = stripControl(v);
    issues.push(issue('cell.control_chars'));
  }
  const cleaned = options.multiline
    ? v
        .split(/\r\n|\r|\n/)
        .map((line) => line.replace(MULTI_WS, ' ').trim())
        .join('\n')
        .trim()
    : cleanWhitespace(v);
  if (cleaned === '') return { value: null, issues };
  if (options.placeholders) {
    const lower = cleaned.toLowerCase();
    if (isPlaceholder(lower) || options.extraPlaceholders.some((p) => p.toLowerCase() === lower)) {
      issues.push(issue('cell.placeholder', { value: cleaned }));
      return { value: null, issues };
    }
  }
  return { value: cleaned, issues };
}

const DEFAULT_CLEAN = { multiline: false, placeholders: true, extraPlaceholders: [] } as const;

/**
 * Whether the `clean` step (default options) empties this cell: blank, control characters
 * only, or a placeholder ("n/a", "#N/A", "-"). A step that looks at another field before that
 * field's own `clean` step has run judges emptiness with this, so the result is the same when
 * the clean output is cleansed again.
 */
export function cleansToEmpty(value: CellValue | undefined): boolean {
  return value === null || value === undefined || cleanCell(value, DEFAULT_CLEAN).value === null;
}

export const cleanStep = defineStep({
  name: 'clean',
  description: 'Trim, collapse whitespace, drop control characters, and turn placeholders ("n/a", "-", "#N/A") into empty.',
  options: z
    .object({
      multiline: z.boolean().default(false),
      placeholders: z.boolean().default(true),
      extraPlaceholders: z.array(z.string()).default([]),
    })
    .strict(),
  run(value, options) {
    if (value === null) return NO_OUTPUT;
    // Fast paths for the common cell: one line, no control characters, not a placeholder.
    if (options.extraPlaceholders.length === 0) {
      const form = cleanForm(value);
      if (form === CLEAN_ASCII) return options.placeholders && isPlaceholderAscii(value) ? cleanCell(value, options) : NO_OUTPUT;
      if (form === CLEAN_OTHER) return options.placeholders && isPlaceholder(value) ? cleanCell(value, options) : NO_OUTPUT;
    }
    if (!options.multiline && options.extraPlaceholders.length === 0 && !hasControl(value)) {
      const cleaned = cleanWhitespace(value);
      if (cleaned !== '' && !(options.placeholders && isPlaceholder(cleaned))) return cleaned === value ? NO_OUTPUT : { value: cleaned };
    }
    const r = cleanCell(value, options);
    return { value: r.value, issues: r.issues };
  },
});

// Tables compiled once per (immutable, validated) options object.
const mapTables = new WeakMap<object, Map<string, string | null>>();
const booleanTables = new WeakMap<object, { yes: ReadonlySet<string>; no: ReadonlySet<string> }>();

export const mapStep = defineStep({
  name: 'map',
  description: 'Replace values by a crosswalk written in the pack (matched case- and punctuation-insensitively).',
  options: z
    .object({
      values: z.record(z.string(), z.string().nullable()),
      exact: z.boolean().default(false),
      /** What to do with a value not in the table: keep it, or empty it. */
      otherwise: z.enum(['keep', 'empty']).default('keep'),
    })
    .strict(),
  run(value, options) {
    if (value === null) return NO_OUTPUT;
    let table = mapTables.get(options);
    if (!table) {
      table = new Map<string, string | null>();
      for (const [k, v] of Object.entries(options.values)) table.set(options.exact ? k : foldKey(k), v);
      mapTables.set(options, table);
    }
    const key = options.exact ? value : foldKey(value);
    if (table.has(key)) return { value: table.get(key)! };
    return options.otherwise === 'empty' ? { value: null } : NO_OUTPUT;
  },
});

const TRUE_WORDS = ['yes', 'y', 'true', 't', '1', 'x', 'ja', 'j', 'oui', 'o', 'si', 'sí', 's', 'sim', 'opt in', 'opted in', 'optin', 'subscribed', 'agree', 'agreed', 'accepted', 'checked', 'granted', 'wahr', 'vrai', 'verdadero', 'vero', 'waar'];
const FALSE_WORDS = ['no', 'n', 'false', 'f', '0', 'nein', 'non', 'nee', 'nao', 'não', 'opt out', 'opted out', 'optout', 'unsubscribed', 'declined', 'unchecked', 'denied', 'falsch', 'faux', 'falso'];

export const booleanStep = defineStep({
  name: 'boolean',
  description: 'Yes/No in many languages ("Ja", "Oui", "X", "1", "opted in") → "true"/"false"; anything else stays and is flagged.',
  options: z
    .object({
      trueWords: z.array(z.string()).default([]),
      falseWords: z.array(z.string()).default([]),
    })
    .strict(),
  run(value, options) {
    if (value === null) return NO_OUTPUT;
    let t = booleanTables.get(options);
    if (!t) {
      t = {
        yes: new Set([...TRUE_WORDS, ...options.trueWords].map(foldKey)),
        no: new Set([...FALSE_WORDS, ...options.falseWords].map(foldKey)),
      };
      booleanTables.set(options, t);
    }
    const k = foldKey(value);
    if (t.yes.has(k)) return value === 'true' ? NO_OUTPUT : { value: 'true' };
    if (t.no.has(k)) return value === 'false' ? NO_OUTPUT : { value: 'false' };
    return NO_OUTPUT;
  },
});

export const maxLengthStep = defineStep({
  name: 'maxLength',
  description: 'Flag (or truncate) values longer than a target field allows.',
  options: z.object({ max: z.number().int().positive(), truncate: z.boolean().default(false) }).strict(),
  run(value, options) {
    if (value === null || value.length <= options.max) return NO_OUTPUT;
    const issues = [issue('cell.too_long', { length: value.length, max: options.max })];
    return options.truncate ? { value: value.slice(0, options.max), issues } : { issues };
  },
});

/** The generic steps, by name. */
export const basicSteps = {
  clean: cleanStep,
  map: mapStep,
  boolean: booleanStep,
  maxLength: maxLengthStep,
};
