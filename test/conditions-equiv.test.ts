/**
 * Compiled conditions and readField against a reference: the closures as written before the speed
 * work (readField per call, every/some/find). Same answers on random conditions and records.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { compileCondition, ConditionSchema, firstNumber, hasText, readField, type Condition, type ConditionContext } from '../src/decide/conditions.js';
import { compileSafeRegex } from '../src/decide/safe-regex.js';
import { issue, type LeadRecord } from '../src/index.js';

// ---- reference ------------------------------------------------------------------------
function norm(v: unknown, caseSensitive: boolean): string | null {
  if (v === null || v === undefined) return null;
  const s = String(v).trim();
  if (s === '') return null;
  return caseSensitive ? s : s.toLowerCase();
}
function hostOf(website: string): string | null {
  let s = website.trim().toLowerCase();
  s = s.replace(/^[a-z][a-z0-9+.-]*:\/\//, '');
  const end = s.search(/[/?#:]/);
  if (end !== -1) s = s.slice(0, end);
  s = s.replace(/^www\d?\./, '').replace(/\.$/, '');
  return s === '' ? null : s;
}
function refRead(record: Readonly<LeadRecord>, field: string): string | null {
  const rec = record as unknown as Record<string, unknown>;
  if (field.startsWith('extra.')) {
    const key = field.slice(6);
    return Object.prototype.hasOwnProperty.call(record.extra, key) ? record.extra[key]! : null;
  }
  switch (field) {
    case 'emailDomain': {
      const e = typeof rec.email === 'string' ? rec.email : '';
      const at = e.lastIndexOf('@');
      return at === -1 ? null : e.slice(at + 1).trim().toLowerCase() || null;
    }
    case 'emailLocal': {
      const e = typeof rec.email === 'string' ? rec.email : '';
      const at = e.lastIndexOf('@');
      return at <= 0 ? null : e.slice(0, at).trim().toLowerCase() || null;
    }
    case 'websiteDomain':
      return typeof rec.website === 'string' ? hostOf(rec.website) : null;
    default: {
      if (!Object.prototype.hasOwnProperty.call(rec, field)) return null;
      const v = rec[field];
      if (v === null || v === undefined) return null;
      return typeof v === 'string' ? v : String(v);
    }
  }
}
type C = (ctx: ConditionContext) => boolean;
function refCompile(cond: Condition, lists: Record<string, string[]>): C {
  if ('all' in cond) {
    const parts = cond.all.map((c) => refCompile(c, lists));
    return (ctx) => parts.every((p) => p(ctx));
  }
  if ('any' in cond) {
    const parts = cond.any.map((c) => refCompile(c, lists));
    return (ctx) => parts.some((p) => p(ctx));
  }
  if ('not' in cond) {
    const inner = refCompile(cond.not, lists);
    return (ctx) => !inner(ctx);
  }
  if ('always' in cond) return () => true;
  if ('issue' in cond) {
    const prefix = cond.issue.endsWith('.*') ? cond.issue.slice(0, -1) : null;
    const code = cond.issue;
    const field = cond.field;
    return (ctx) => ctx.issues.some((i) => (prefix ? i.code.startsWith(prefix) : i.code === code) && (field === undefined || i.field === field));
  }
  const c = cond;
  const cs = c.caseSensitive ?? false;
  const field = c.field;
  const get = (ctx: ConditionContext) => norm(refRead(ctx.record, field), cs);
  if (c.exists !== undefined) return (ctx) => (get(ctx) !== null) === c.exists;
  if (c.equals !== undefined) {
    const target = norm(c.equals, cs);
    return (ctx) => get(ctx) === target;
  }
  if (c.in !== undefined || c.inList !== undefined) {
    const values: readonly unknown[] = c.inList !== undefined ? lists[c.inList]! : c.in!;
    const set = new Set(values.map((v) => norm(v, cs)));
    if (set.size === 0) return () => false;
    return (ctx) => set.has(get(ctx));
  }
  if (c.matches !== undefined) {
    const t = compileSafeRegex(c.matches, c.flags ?? '');
    return (ctx) => {
      const v = refRead(ctx.record, field);
      return v !== null && t(v);
    };
  }
  if (c.contains !== undefined || c.startsWith !== undefined || c.endsWith !== undefined) {
    const needle = norm(c.contains ?? c.startsWith ?? c.endsWith, cs) ?? '';
    const mode = c.contains !== undefined ? 'contains' : c.startsWith !== undefined ? 'startsWith' : 'endsWith';
    return (ctx) => {
      const v = get(ctx);
      if (v === null) return false;
      return mode === 'contains' ? v.includes(needle) : mode === 'startsWith' ? v.startsWith(needle) : v.endsWith(needle);
    };
  }
  const { gt, gte, lt, lte } = c;
  return (ctx) => {
    const v = refRead(ctx.record, field);
    const n = v === null ? null : firstNumber(v);
    if (n === null) return false;
    return (gt === undefined || n > gt) && (gte === undefined || n >= gte) && (lt === undefined || n < lt) && (lte === undefined || n <= lte);
  };
}

// ---- arbitraries ----------------------------------------------------------------------
const FIELDS = ['email', 'country', 'jobLevel', 'employees', 'website', 'emailDomain', 'emailLocal', 'websiteDomain', 'extra.Badge', 'extra.toString', 'toString', 'constructor', 'score', 'missing'];
const text = fc.oneof(
  fc.string({ maxLength: 10 }),
  fc.constantFrom('', ' ', '\u00a0', '\u2003vp', '\ufeff', 'VP', ' vp ', 'Ann@Acme.DE', '@x', 'a@', 'https://www.Acme.com/x', '1,001-5,000', '5k', 'DE', 'de'),
);
const value = fc.oneof(text, fc.constant(null), fc.integer({ min: -5, max: 5000 }));
const leaf: fc.Arbitrary<Condition> = fc.oneof(
  fc.record({ field: fc.constantFrom(...FIELDS), exists: fc.boolean() }),
  fc.record({ field: fc.constantFrom(...FIELDS), equals: fc.oneof(text, fc.constant(null), fc.integer()), caseSensitive: fc.boolean() }),
  fc.record({ field: fc.constantFrom(...FIELDS), in: fc.array(text, { maxLength: 4 }), caseSensitive: fc.boolean() }),
  fc.record({ field: fc.constantFrom(...FIELDS), inList: fc.constant('l') }),
  fc.record({ field: fc.constantFrom(...FIELDS), matches: fc.constantFrom('^v', 'e$', '\\d{3}', '^$'), flags: fc.constantFrom('', 'i') }),
  fc.record({ field: fc.constantFrom(...FIELDS), contains: text, caseSensitive: fc.boolean() }),
  fc.record({ field: fc.constantFrom(...FIELDS), startsWith: text }),
  fc.record({ field: fc.constantFrom(...FIELDS), endsWith: text }),
  fc.record({ field: fc.constantFrom(...FIELDS), gte: fc.integer({ min: 0, max: 2000 }), lt: fc.integer({ min: 0, max: 6000 }) }, { requiredKeys: ['field'] }),
  fc.record({ issue: fc.constantFrom('email.invalid', 'email.*', 'cell.placeholder'), field: fc.constantFrom('email', 'company') }, { requiredKeys: ['issue'] }),
  fc.constant({ always: true } as const),
) as fc.Arbitrary<Condition>;
const cond: fc.Arbitrary<Condition> = fc.letrec<{ c: Condition }>((tie) => ({
  c: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.record({ all: fc.array(tie('c'), { minLength: 1, maxLength: 3 }) }),
    fc.record({ any: fc.array(tie('c'), { minLength: 1, maxLength: 3 }) }),
    fc.record({ not: tie('c') }),
  ) as fc.Arbitrary<Condition>,
})).c;
const recordArb = fc.record({
  fields: fc.dictionary(fc.constantFrom('email', 'country', 'jobLevel', 'employees', 'website', 'score', 'constructor'), value),
  badge: fc.option(text),
  issues: fc.array(fc.record({ code: fc.constantFrom('email.invalid', 'email.junk', 'cell.placeholder'), field: fc.option(fc.constantFrom('email', 'company'), { nil: undefined }) }), { maxLength: 3 }),
});

describe('compiled conditions equal the reference', () => {
  test('random conditions on random records', () => {
    fc.assert(
      fc.property(cond, fc.array(recordArb, { minLength: 1, maxLength: 5 }), fc.array(text, { maxLength: 4 }), (c, recs, list) => {
        const parsed = ConditionSchema.safeParse(c);
        fc.pre(parsed.success);
        const lists = { l: list };
        const got = compileCondition(parsed.data!, lists);
        const want = refCompile(parsed.data!, lists);
        for (const r of recs) {
          const record = { sourceRow: 2, extra: r.badge === null ? {} : { Badge: r.badge }, campaigns: [], ...r.fields } as unknown as LeadRecord;
          const issues = r.issues.map((i) => issue(i.code as 'email.invalid', { value: 'x' }, i.field === undefined ? {} : { field: i.field }));
          const ctx = { record, issues };
          expect(got(ctx)).toBe(want(ctx));
          for (const f of FIELDS) expect(readField(record, f)).toBe(refRead(record, f));
        }
      }),
      { numRuns: 400 },
    );
  });

  test.each([
    ['', false],
    [' ', false],
    ['\u00a0', false],
    ['\ufeff', false],
    ['\u2003', false],
    ['\u2003x', true],
    ['x', true],
    [' x ', true],
    ['~', true],
    ['\u007f', true],
    ['\u00a1', true],
    ['\u00e9', true],
    ['\u167f', true],
    ['\u1680', false],
    ['\u1680x', true],
    ['\u3000', false],
    ['\u2028', false],
    ['\u0085', true],
  ])('hasText(%j) is %s', (v, want) => {
    expect(hasText(v)).toBe(want);
    expect(hasText(v)).toBe(v.trim() !== '');
  });

  test('hasText agrees with trim on every first character', () => {
    for (let c = 0; c <= 0xffff; c++) {
      const s = String.fromCharCode(c);
      expect(hasText(s)).toBe(s.trim() !== '');
      expect(hasText(s + 'x')).toBe(true);
    }
  });
});
