import * as z from 'zod';
import type { Issue } from '../../core/codes.js';
import { issue } from '../../core/codes.js';
import type { CellValue, StepContext, StepOutput } from '../../engine/step.js';
import { NO_OUTPUT, defineStep } from '../../engine/step.js';
import { deepFreeze, MemoCache } from '../../core/text.js';
import { cleansToEmpty } from '../../engine/steps/basic.js';
import type { UnitResult } from '../../core/result.js';
import { isGivenName, parsePersonName, personNameTables, recaseName, type PersonNameValue } from './index.js';

// Given names and surnames repeat within a file (far more than whole names do): parse each
// distinct cell once. Results are shared between rows, so frozen.
const parsedRecase = new MemoCache<UnitResult<PersonNameValue>>(10_000, 'person-name part (recase)');
const parsedKeep = new MemoCache<UnitResult<PersonNameValue>>(10_000, 'person-name part (keep case)');
function parsePart(value: string, options: { recase: boolean }): UnitResult<PersonNameValue> {
  const cache = options.recase ? parsedRecase : parsedKeep;
  let r = cache.get(value);
  if (r === undefined) {
    r = deepFreeze(parsePersonName(value, { recase: options.recase }));
    cache.set(value, r);
  }
  return r;
}

/** A parsed cell, and the step's output for it when that output depends on the cell alone. */
interface PartEntry {
  readonly r: UnitResult<PersonNameValue>;
  readonly plain: StepOutput | null;
}
// Per step options object (packs parse their options once): the parse and, for most cells, the
// whole step output, found with one lookup. Shared between rows, so frozen.
const partMemos = new WeakMap<object, MemoCache<PartEntry>>();
function partEntry<O extends { recase: boolean }>(
  value: string,
  options: O,
  isPlain: (value: string, r: UnitResult<PersonNameValue>, options: O) => boolean,
  output: (value: string, options: O, ctx: StepContext, r: UnitResult<PersonNameValue>) => StepOutput,
  ctx: StepContext,
  name: string,
): PartEntry {
  let memo = partMemos.get(options);
  if (memo === undefined) partMemos.set(options, (memo = new MemoCache<PartEntry>(10_000, name)));
  let e = memo.get(value);
  if (e === undefined) {
    const r = parsePart(value, options);
    // A plain output does not read the record, so this row's context computes it for every row.
    e = Object.freeze({ r, plain: isPlain(value, r, options) ? deepFreeze(output(value, options, ctx, r)) : null });
    memo.set(value, e);
  }
  return e;
}

const opts = z.object({ recase: z.boolean().default(true) }).strict();

// A field whose own clean step has not run yet may still hold a placeholder ("#N/A") that it
// will empty: judged as empty now, or the split would happen only when the output is cleansed again.
const empty = cleansToEmpty;

/**
 * Name words bound for their own fields, cased as those fields' steps would case them alone:
 * "John SMITH" is mixed case as a whole, but a lastName cell "SMITH" would be recased on the
 * next run, so the split writes "Smith" now (cleansing clean output changes nothing).
 */
function ownFieldCase(p: PersonNameValue, recase: boolean): PersonNameValue {
  if (!recase) return p;
  const out: { -readonly [K in keyof PersonNameValue]: PersonNameValue[K] } = { ...p };
  if (p.first !== undefined) out.first = recaseName(p.first, 'first');
  if (p.middle !== undefined) out.middle = recaseName(p.middle, 'first');
  if (p.last !== undefined) out.last = recaseName(p.last, 'last');
  return out;
}

/** Fills the name-part fields the record leaves empty; returns what it set. */
function fillParts(
  ctx: StepContext,
  p: PersonNameValue,
  skip: string,
  issues: Issue[],
  from: string,
): Record<string, CellValue> {
  const set: Record<string, CellValue> = {};
  const want: Array<[string, string | undefined, string]> = [
    ['salutation', p.salutation, 'Salutation'],
    ['firstName', p.first, 'First name'],
    ['middleName', p.middle, 'Middle name'],
    ['lastName', p.last, 'Last name'],
    ['suffix', p.suffix, 'Suffix'],
    ['credentials', p.credentials, 'Credentials'],
  ];
  for (const [field, text, part] of want) {
    if (field === skip || text === undefined || empty(text)) continue;
    if (empty(ctx.record[field as keyof typeof ctx.record] as CellValue | undefined)) {
      set[field] = text;
      if (from !== 'fullName' && (field === 'salutation' || field === 'suffix' || field === 'credentials')) {
        issues.push(issue('name.part_moved', { part, text, from, to: field }));
      }
    }
  }
  return set;
}

/**
 * `personName` step, on `fullName`: parses the full name, fills empty salutation/first/middle/
 * last/suffix/credentials fields, and stores the full name cleaned ("Smith, JOHN" → "John Smith").
 *
 * @example
 * personNameStep.run('SMITH, JOHN, PHD', { recase: true }, ctx)
 * //=> { value: 'John Smith', set: { firstName: 'John', lastName: 'Smith', credentials: 'PhD' }, issues: [...] }
 */
export const personNameStep = defineStep({
  name: 'personName',
  description: 'Parse a full name into salutation, first, middle, last, suffix and credentials (fills empty part fields).',
  options: opts,
  run(value, options, ctx): StepOutput {
    if (value === null || value.trim() === '') return NO_OUTPUT;
    const r = parsePersonName(value, options);
    if (r.value === null) return { issues: r.issues };
    const issues = [...r.issues];
    const p = ownFieldCase(r.value, options.recase);
    const set = fillParts(ctx, p, '', issues, 'fullName');
    const full = [p.first, p.middle, p.last, p.suffix].filter((x) => x !== undefined).join(' ');
    const out: { value?: CellValue; set?: Record<string, CellValue>; issues?: Issue[] } = { issues };
    if (full !== '' && full !== value) out.value = full;
    if (Object.keys(set).length > 0) out.set = set;
    return out;
  },
});

/**
 * `firstName` step: moves a salutation out ("Dr. John" → salutation "Dr."), splits a full name
 * or "Last, First" found in the first-name field when the last name is empty, and recases
 * ALL-CAPS/all-lower values.
 *
 * @example
 * firstNameStep.run('Mr. JOHN', { recase: true }, ctx) //=> { value: 'John', set: { salutation: 'Mr.' }, issues: [...] }
 */
export const firstNameStep = defineStep({
  name: 'firstName',
  description: 'Fix a first-name cell: recase, move salutations out, split a full name or "Last, First" when the last name is empty.',
  options: opts,
  run(value, options, ctx): StepOutput {
    if (value === null || value.trim() === '') return NO_OUTPUT;
    const e = partEntry(value, options, firstNamePlain, firstNameOutput, ctx, 'firstName step');
    return e.plain ?? firstNameOutput(value, options, ctx, e.r);
  },
});

/** Whether the firstName step's output for this cell reads nothing else from the record. */
function firstNamePlain(value: string, r: UnitResult<PersonNameValue>): boolean {
  const p = r.value;
  if (p === null) return true;
  const multi = value.trim().includes(' ') || value.includes(',');
  return !(multi && p.first !== undefined && p.last !== undefined) && p.salutation === undefined;
}

function firstNameOutput(value: string, options: { recase: boolean }, ctx: StepContext, r: UnitResult<PersonNameValue>): StepOutput {
  const lastEmpty = empty(ctx.record.lastName);
  const multi = value.trim().includes(' ') || value.includes(',');
  if (r.value === null) return { issues: r.issues };
  const p = r.value;
  const issues: Issue[] = r.issues.filter((i) => i.code !== 'name.recased');
  // Split only into parts that stay: a part that its field's clean step would empty ("KA" in
  // "A,KA" is the placeholder "k. A.") is no name, and the cell stays whole.
  if (multi && lastEmpty && p.first !== undefined && p.last !== undefined && !empty(p.first) && !empty(p.last)) {
    issues.push(issue('name.split', { original: value, field: 'firstName' }));
    const parts = ownFieldCase(p, options.recase);
    const set = fillParts(ctx, parts, 'firstName', issues, 'firstName');
    return { value: parts.first!, set, issues };
  }
  // Only a salutation and/or trailing initial to move; the rest stays as one given name.
  let text = value.trim();
  const set: Record<string, CellValue> = {};
  if (p.salutation !== undefined) {
    const words = text.split(/\s+/);
    const salWords = p.salutation.split(' ').length;
    text = words.slice(salWords).join(' ');
    if (empty(ctx.record.salutation)) set.salutation = p.salutation;
    issues.push(issue('name.part_moved', { part: 'Salutation', text: p.salutation, from: 'firstName', to: 'salutation' }));
  }
  const next = options.recase ? recaseName(text, 'first') : text;
  const out: { value?: CellValue; set?: Record<string, CellValue>; issues?: Issue[] } = { issues };
  if (next !== value && next !== '') out.value = next;
  if (Object.keys(set).length > 0) out.set = set;
  return out;
}

/**
 * `lastName` step: moves suffixes and credentials out ("Smith Jr., PhD"), splits "Last, First"
 * when the first name is empty, recases ALL-CAPS/all-lower values, and (option `warnSwapped`) warns
 * when first and last name look swapped (the first name is not a known given name but the last name is).
 *
 * @example
 * lastNameStep.run('SMITH JR., MBA', { recase: true }, ctx) //=> { value: 'Smith', set: { suffix: 'Jr.', credentials: 'MBA' }, issues: [...] }
 */
export const lastNameStep = defineStep({
  name: 'lastName',
  description: 'Fix a last-name cell: recase, move suffixes/credentials out, split "Last, First"; optionally warn on swapped first/last.',
  // warnSwapped is off by default: the given-name list is English-centred, so "Priya Thomas" would warn.
  options: z.object({ recase: z.boolean().default(true), warnSwapped: z.boolean().default(false) }).strict(),
  run(value, options, ctx): StepOutput {
    if (value === null || value.trim() === '') return NO_OUTPUT;
    const e = partEntry(value, options, lastNamePlain, lastNameOutput, ctx, 'lastName step');
    return e.plain ?? lastNameOutput(value, options, ctx, e.r);
  },
});

/** Whether the lastName step's output for this cell reads nothing else from the record. */
function lastNamePlain(value: string, r: UnitResult<PersonNameValue>, options: { warnSwapped: boolean }): boolean {
  const p = r.value;
  if (p === null) return true;
  return !(value.includes(',') && p.first !== undefined && p.last !== undefined) && p.suffix === undefined && p.credentials === undefined && !options.warnSwapped;
}

function lastNameOutput(value: string, options: { recase: boolean; warnSwapped: boolean }, ctx: StepContext, r: UnitResult<PersonNameValue>): StepOutput {
  const firstEmpty = empty(ctx.record.firstName);
  if (r.value === null) return { issues: r.issues };
  const p = r.value;
  const issues: Issue[] = r.issues.filter((i) => i.code !== 'name.recased' && i.code !== 'name.swapped');
  if (value.includes(',') && firstEmpty && p.first !== undefined && p.last !== undefined) {
    issues.push(issue('name.swapped', {}));
    const parts = ownFieldCase(p, options.recase);
    const set = fillParts(ctx, parts, 'lastName', issues, 'lastName');
    return { value: parts.last!, set, issues };
  }
  const set: Record<string, CellValue> = {};
  let text = value.trim();
  if (p.suffix !== undefined || p.credentials !== undefined) {
    // Keep the name words; the parser took the post-nominals off the end.
    text = [p.first, p.middle, p.last].filter((x) => x !== undefined).join(' ');
    if (p.suffix !== undefined && empty(ctx.record.suffix)) set.suffix = p.suffix;
    if (p.credentials !== undefined && empty(ctx.record.credentials)) set.credentials = p.credentials;
    for (const [part, t, to] of [['Suffix', p.suffix, 'suffix'], ['Credentials', p.credentials, 'credentials']] as const) {
      if (t !== undefined) issues.push(issue('name.part_moved', { part, text: t, from: 'lastName', to }));
    }
  } else if (options.recase) text = recaseName(text, 'last');
  const first = ctx.record.firstName;
  if (options.warnSwapped && !firstEmpty && first && !first.includes(' ') && !text.includes(' ') && !isGivenName(first) && isGivenName(text)) {
    issues.push(issue('name.possibly_swapped', { first, last: text }));
  }
  const out: { value?: CellValue; set?: Record<string, CellValue>; issues?: Issue[] } = { issues };
  if (text !== value && text !== '') out.value = text;
  if (Object.keys(set).length > 0) out.set = set;
  return out;
}

/**
 * `nameCase` step: recases an ALL-CAPS/all-lower name cell (middle name); mixed case untouched.
 *
 * @example
 * nameCaseStep.run('JEAN-PAUL', { recase: true }, ctx).value //=> 'Jean-Paul'
 */
export const nameCaseStep = defineStep({
  name: 'nameCase',
  description: 'Recase an ALL-CAPS or all-lower name cell; mixed case is left alone.',
  options: opts,
  run(value, options) {
    if (value === null || value.trim() === '' || !options.recase) return NO_OUTPUT;
    const next = recaseName(value, 'first');
    return next === value ? NO_OUTPUT : { value: next };
  },
});

/**
 * `salutation` step: writes known salutations in one spelling ("mr" → "Mr.", "DR" → "Dr.",
 * "Prof Dr" → "Prof. Dr."); unknown values are left as they are.
 *
 * @example
 * salutationStep.run('mr', {}, ctx).value //=> 'Mr.'
 */
export const salutationStep = defineStep({
  name: 'salutation',
  description: 'Write a known salutation in its standard spelling (mr → Mr., frau → Frau); unknown values untouched.',
  options: z.object({}).strict(),
  run(value) {
    if (value === null || value.trim() === '') return NO_OUTPUT;
    const T = personNameTables();
    const words = value.trim().split(/\s+/);
    const out: string[] = [];
    for (const [i, w] of words.entries()) {
      const k = w.toLowerCase().replace(/[.,;:]+/g, '');
      const disp = T.salutations.get(k) ?? (i > 0 ? T.continuations.get(k) : undefined);
      if (disp === undefined) return NO_OUTPUT;
      out.push(disp);
    }
    const next = out.join(' ');
    return next === value ? NO_OUTPUT : { value: next };
  },
});

/** Person-name record steps by name. */
export const personNameSteps = {
  personName: personNameStep,
  firstName: firstNameStep,
  lastName: lastNameStep,
  nameCase: nameCaseStep,
  salutation: salutationStep,
} as const;
