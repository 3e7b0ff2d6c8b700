import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { LeadtidyError } from '../../core/errors.js';
import type { LeadRecord } from '../../core/fields.js';
import taxonomy from '../../../dictionaries/titles-taxonomy.json' with { type: 'json' };
import { titleCoverage } from './coverage.js';
import { renderTitleForTarget, TITLE_CROSSWALKS } from './crosswalk.js';
import { BUILTIN_TITLE_DICTIONARIES, classifyTitle, createTitleClassifier, explainTitle, extendTitleClassifier, MAX_TITLE_LENGTH, parseJobFunction, parseJobLevel } from './index.js';
import { classifyTitleStep, titleSteps } from './step.js';
import { MESSY, NON_ENGLISH, TITLE_CASES, TRICKY } from './title.cases.js';

const LEVELS = new Set(Object.keys(taxonomy.levels));
const FUNCTIONS = new Map(Object.entries(taxonomy.functions).map(([k, v]) => [k, new Set(v.sub)]));

describe('case table', () => {
  test('has at least 500 cases, 100+ non-English or messy, covering every level and function', () => {
    expect(TITLE_CASES.length).toBeGreaterThanOrEqual(500);
    expect(NON_ENGLISH.length + MESSY.length).toBeGreaterThanOrEqual(100);
    const levels = new Set(TITLE_CASES.map((c) => c.expected.level));
    for (const l of LEVELS) expect(levels, l).toContain(l);
    const fns = new Set(TITLE_CASES.map((c) => c.expected.function));
    for (const f of FUNCTIONS.keys()) expect(fns, f).toContain(f);
    expect(TRICKY.length).toBeGreaterThanOrEqual(80);
  });

  test.each(TITLE_CASES.map((c) => [c.group, c.input, c] as const))('%s: %s', (_g, input, c) => {
    const r = classifyTitle(input, c.options);
    const v = r.value;
    expect(v, 'value').not.toBeNull();
    expect(v!.level).toBe(c.expected.level);
    expect(v!.function).toBe(c.expected.function);
    if (c.expected.subFunction) expect(v!.subFunction).toBe(c.expected.subFunction);
    for (const f of c.expected.flags ?? []) expect(v!.flags, f).toHaveProperty(f, true);
  });
});

describe('explanations and confidence', () => {
  test('matchedRules say which words decided', () => {
    const v = classifyTitle('Head of Demand Gen').value!;
    expect(v.matchedRules).toContainEqual({ kind: 'level', value: 'director', via: 'head of', source: 'en' });
    expect(v.matchedRules).toContainEqual({ kind: 'function', value: 'marketing.demand_generation', via: 'demand gen', source: 'en' });
  });
  test('abbreviations and acronym readings are listed', () => {
    const v = classifyTitle('Sr Mgr, Mktg').value!;
    expect(v.matchedRules.filter((r) => r.kind === 'abbreviation').map((r) => r.via)).toEqual(['sr', 'mgr', 'mktg']);
    const cio = classifyTitle('CIO, Fixed Income').value!;
    expect(cio.matchedRules).toContainEqual(expect.objectContaining({ kind: 'acronym', value: 'Chief Investment Officer', source: 'acronyms:context' }));
  });
  test('a specific phrase is more confident than a lone generic token', () => {
    const phrase = classifyTitle('Senior Account Executive').confidence;
    const generic = classifyTitle('Executive').confidence;
    const lone = classifyTitle('Senior').confidence;
    expect(phrase).toBeGreaterThan(0.85);
    expect(generic).toBeLessThan(0.5);
    expect(lone).toBeLessThan(0.5);
    expect(classifyTitle('Executive Director').confidence).toBeLessThanOrEqual(0.7);
    expect(classifyTitle('Chief Happiness Officer').confidence).toBeLessThan(0.5);
    expect(classifyTitle('CDO').confidence).toBeLessThanOrEqual(0.6);
  });
  test('unknown titles give null and an issue, not a guess', () => {
    const r = classifyTitle('Zookeeper of Quantum Llamas');
    expect(r.value).toBeNull();
    expect(r.confidence).toBe(0);
    expect(r.issues.map((i) => i.code)).toEqual(['title.unclassified']);
  });
  test('junk, partial, ambiguous and truncated are reported', () => {
    expect(classifyTitle('N/A').issues[0]?.code).toBe('title.junk');
    expect(classifyTitle('Marketing').issues.map((i) => i.code)).toEqual(['title.partial']);
    expect(classifyTitle('CSO').issues.map((i) => i.code)).toContain('title.ambiguous');
    const long = classifyTitle(`VP Sales ${'and more words '.repeat(40)}`);
    expect(long.issues.map((i) => i.code)).toContain('title.truncated');
    expect(long.value?.level).toBe('vp');
  });
  test('blank and non-string input give null without issues', () => {
    for (const x of ['', '   ', null, undefined]) expect(classifyTitle(x)).toEqual({ value: null, confidence: 0, issues: [] });
    expect(classifyTitle(42 as unknown as string).value).toBeNull();
  });
  test('levels lists every role of a multi-role title, highest first', () => {
    const v = classifyTitle('Founder, CEO & Board Member').value!;
    expect(v.levels).toEqual(['owner', 'c_level', 'board']);
    expect(v.rank).toBe(10);
    expect(v.flags.multiRole).toBe(true);
    expect(classifyTitle('VP Sales & Marketing').value!.functions).toEqual(['sales', 'marketing']);
  });
  test('case-aware acronyms: IT is a domain, "it" in mixed case is not', () => {
    expect(classifyTitle('Director of IT').value?.function).toBe('information_technology');
    expect(classifyTitle('director of it').value?.function).toBe('information_technology');
    expect(classifyTitle('Make It Happen Manager').value?.function).toBeNull();
  });
  test('naive substring traps do not fire', () => {
    expect(classifyTitle('Production Supervisor').value?.function).toBe('operations');
    expect(classifyTitle('Accounting Specialist').value?.subFunction).toBe('accounting');
    expect(classifyTitle('Lead Generation Coordinator').value?.level).toBe('entry');
    expect(classifyTitle('Executive Assistant').value?.level).toBe('entry');
    expect(classifyTitle('HR Business Partner').value?.level).not.toBe('partner');
  });
});

describe('options and extension', () => {
  test('bad options throw LeadtidyError', () => {
    expect(() => classifyTitle('VP', { globalHeadAs: 'ceo' as 'vp' })).toThrow(LeadtidyError);
    expect(() => classifyTitle('VP', { industry: 5 as unknown as string })).toThrow(LeadtidyError);
  });
  test('inferExecutiveFunction: false leaves domain-less titles without a function', () => {
    expect(classifyTitle('Senior Vice President', { inferExecutiveFunction: false }).value?.function).toBeNull();
  });
  test('digitalAs reads Chief Digital Officer as marketing', () => {
    expect(classifyTitle('Chief Digital Officer', { digitalAs: 'marketing' }).value?.function).toBe('marketing');
  });
  test('a pack adds terms, overrides titles, adds and renames functions', () => {
    const classify = extendTitleClassifier({
      terms: { 'growth ninja': '@entry #!marketing.growth', 'zookeeper': '@entry #!animal_care' },
      overrides: { 'Chief Vibes Officer': { level: 'c_level', function: 'human_resources', subFunction: 'dei' } },
      functions: { animal_care: { label: 'Animal care', sub: ['zoo'] } },
      functionMap: { information_technology: 'it' },
      abbreviations: { zk: 'zookeeper' },
      junk: ['see notes'],
    });
    expect(classify('Growth Ninja').value).toMatchObject({ level: 'entry', function: 'marketing', subFunction: 'growth' });
    expect(classify('Head Zookeeper').value).toMatchObject({ level: 'director', function: 'animal_care' });
    expect(classify('Sr. ZK').value).toMatchObject({ level: 'senior', function: 'animal_care' });
    expect(classify('chief vibes officer!').value).toMatchObject({ level: 'c_level', function: 'human_resources', subFunction: 'dei', flags: { isOverride: true } });
    expect(classify('IT Manager').value?.function).toBe('it');
    expect(classify('See notes').value?.flags.isJunk).toBe(true);
    // the built-in classifier is unaffected
    expect(classifyTitle('Growth Ninja').value?.flags.vanity).toBe(true);
    expect(classifyTitle('IT Manager').value?.function).toBe('information_technology');
  });
  test('an invalid extension throws LeadtidyError listing every problem', () => {
    const bad = extendTitleClassifier({
      terms: { foo: '@chief_wizard', bar: '#nonsense', baz: '#sales.nope', qux: 'c=7' },
      overrides: { x: { level: 'emperor' as 'vp' } },
    });
    let err: unknown;
    try {
      bad('VP');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(LeadtidyError);
    expect((err as LeadtidyError).problems.map((p) => p.path)).toEqual([
      'extend.terms["foo"]',
      'extend.terms["bar"]',
      'extend.terms["baz"]',
      'extend.terms["qux"]',
      'extend.overrides["x"]',
    ]);
  });
  test('prototype keys in input and extensions are inert', () => {
    for (const t of ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty']) {
      expect(() => classifyTitle(t)).not.toThrow();
      expect(classifyTitle(t).value).toBeNull();
    }
    const classify = extendTitleClassifier(JSON.parse('{"terms":{"__proto__":"@vp"},"overrides":{"__proto__":{"level":"vp"}}}'));
    expect(classify('__proto__').value?.level).toBe('vp');
    expect(({} as Record<string, unknown>).level).toBeUndefined();
  });
  test('memoised and fresh classifiers agree', () => {
    const fresh = createTitleClassifier({ dictionaries: BUILTIN_TITLE_DICTIONARIES, cacheSize: 0 });
    for (const c of TITLE_CASES.slice(0, 200)) expect(classifyTitle(c.input, c.options)).toEqual(fresh(c.input, c.options));
  });
});

describe('crosswalks', () => {
  const v = (t: string, o?: Parameters<typeof classifyTitle>[1]) => classifyTitle(t, o).value;
  test('levels render per target, with lossy marks', () => {
    expect(renderTitleForTarget(v('Founder'), 'apollo').level).toBe('founder');
    expect(renderTitleForTarget(v('Owner'), 'apollo').level).toBe('owner');
    expect(renderTitleForTarget(v('Head of Sales'), 'apollo').level).toBe('head');
    expect(renderTitleForTarget(v('Sales Director'), 'apollo').level).toBe('director');
    expect(renderTitleForTarget(v('Board Member'), 'zoominfo')).toMatchObject({ level: 'Board Member', lossy: false });
    expect(renderTitleForTarget(v('Board Member'), 'linkedin')).toMatchObject({ level: 'CXO', lossy: true });
    expect(renderTitleForTarget(v('Senior Software Engineer'), 'zoominfo')).toMatchObject({ level: 'Non Manager', lossy: true });
    expect(renderTitleForTarget(v('Intern'), 'linkedin').level).toBe('Training');
    expect(renderTitleForTarget(v('SVP Sales'), 'salesforce')).toMatchObject({ level: 'VP', function: 'Sales', lossy: false });
    expect(renderTitleForTarget(v('Software Engineer'), 'hubspot')).toMatchObject({ level: null, function: 'engineering' });
  });
  test('functions use sub-function rows first; Apollo gets arrays with c_suite for executives', () => {
    expect(renderTitleForTarget(v('VP Business Development'), 'linkedin').function).toBe('Business Development');
    expect(renderTitleForTarget(v('Head of Communications'), 'linkedin').function).toBe('Media and Communication');
    expect(renderTitleForTarget(v('CFO'), 'apollo')).toEqual({ level: 'c_suite', function: ['c_suite', 'master_finance'], lossy: false });
    expect(renderTitleForTarget(v('Customer Support Manager'), 'apollo')).toMatchObject({ function: ['master_operations'], lossy: true });
    expect(renderTitleForTarget(v('Recruiter'), 'hubspot').function).toBe('recruiting');
    expect(renderTitleForTarget(v('Procurement Manager'), 'salesforce')).toMatchObject({ function: 'Operations', lossy: true });
  });
  test('every taxonomy level and function has a row in every target', () => {
    for (const [name, cw] of Object.entries(TITLE_CROSSWALKS)) {
      for (const l of LEVELS) expect(Object.prototype.hasOwnProperty.call(cw.levels, l), `${name} ${l}`).toBe(true);
      for (const f of FUNCTIONS.keys()) expect(Object.prototype.hasOwnProperty.call(cw.functions, f), `${name} ${f}`).toBe(true);
    }
  });
  test('a pack can supply its own picklist map; unknown targets throw', () => {
    const mine = { levels: { vp: 'Vice-President' }, functions: { sales: 'Commercial' } };
    expect(renderTitleForTarget(v('VP Sales'), mine)).toEqual({ level: 'Vice-President', function: 'Commercial', lossy: false });
    expect(renderTitleForTarget(v('VP Marketing'), mine)).toEqual({ level: 'Vice-President', function: null, lossy: true });
    expect(() => renderTitleForTarget(v('VP'), 'marketo' as 'apollo')).toThrow(LeadtidyError);
    expect(renderTitleForTarget(null, 'apollo')).toEqual({ level: null, function: null, lossy: false });
  });
});

describe('coverage report', () => {
  test('counts shares and the most frequent unknown words', () => {
    const rep = titleCoverage(['VP Sales', 'VP Sales', 'Zookeeper', 'Chief Zookeeper', '', null, 'Marketing', 'Zookeeper Lead']);
    expect(rep).toMatchObject({ total: 6, blank: 2, distinct: 5, withLevel: 4, withFunction: 4 });
    expect(rep.shareWithLevel).toBeCloseTo(4 / 6);
    // counted over titles missing a level or a function: "Zookeeper" and "Zookeeper Lead"
    expect(rep.topUnclassifiedWords[0]).toEqual({ word: 'zookeeper', count: 2 });
    expect(rep.topUnclassifiedTitles).toContainEqual({ title: 'Zookeeper', count: 1 });
  });
});

describe('record step', () => {
  const rec = (fields: Partial<Record<string, string | null>>): LeadRecord => ({ sourceRow: 1, extra: {}, campaigns: [], ...fields }) as LeadRecord;
  const opts = classifyTitleStep.options.parse({});
  test('fills jobLevel, jobFunction, jobSubFunction and never changes the title', () => {
    const out = classifyTitleStep.run('Head of Demand Gen', opts, { record: rec({ title: 'Head of Demand Gen' }), field: 'title', issues: [] });
    expect(out.value).toBeUndefined();
    expect(out.set).toEqual({ jobLevel: 'director', jobFunction: 'marketing', jobSubFunction: 'demand_generation' });
    expect(titleSteps.classifyTitle).toBe(classifyTitleStep);
  });
  test('keeps existing values unless overwrite; is idempotent', () => {
    const r1 = rec({ title: 'VP Sales', jobLevel: 'c_level' });
    expect(classifyTitleStep.run('VP Sales', opts, { record: r1, field: 'title', issues: [] }).set).toEqual({ jobFunction: 'sales' });
    const over = classifyTitleStep.options.parse({ overwrite: true });
    expect(classifyTitleStep.run('VP Sales', over, { record: r1, field: 'title', issues: [] }).set).toEqual({ jobLevel: 'vp', jobFunction: 'sales' });
    const done = rec({ title: 'VP Sales', jobLevel: 'vp', jobFunction: 'sales' });
    expect(classifyTitleStep.run('VP Sales', over, { record: done, field: 'title', issues: [] }).set).toBeUndefined();
  });
  test('reads the industry from the record and honours minConfidence', () => {
    const bank = rec({ title: 'Managing Director', industry: 'Investment Banking' });
    expect(classifyTitleStep.run('Managing Director', opts, { record: bank, field: 'title', issues: [] }).set?.jobLevel).toBe('vp');
    const strict = classifyTitleStep.options.parse({ minConfidence: 0.6 });
    expect(classifyTitleStep.run('Senior', strict, { record: rec({}), field: 'title', issues: [] }).set).toBeUndefined();
    expect(() => classifyTitleStep.options.parse({ bogus: 1 })).toThrow();
  });
  test('blank and unknown titles set nothing; unknown ones carry the issue', () => {
    expect(classifyTitleStep.run(null, opts, { record: rec({}), field: 'title', issues: [] })).toEqual({});
    const out = classifyTitleStep.run('Zookeeper', opts, { record: rec({}), field: 'title', issues: [] });
    expect(out.set).toBeUndefined();
    expect(out.issues?.map((i) => i.code)).toEqual(['title.unclassified']);
  });
});

describe('properties', () => {
  const valid = (t: string) => {
    const r = classifyTitle(t);
    expect(r.confidence).toBeGreaterThanOrEqual(0);
    expect(r.confidence).toBeLessThanOrEqual(1);
    const v = r.value;
    if (!v) return;
    if (v.level !== null) expect(LEVELS.has(v.level)).toBe(true);
    if (v.function !== null) {
      expect(FUNCTIONS.has(v.function)).toBe(true);
      if (v.subFunction) expect(FUNCTIONS.get(v.function)!.has(v.subFunction)).toBe(true);
    }
    for (const l of v.levels) expect(LEVELS.has(l)).toBe(true);
  };
  test('never throws and returns valid ids on arbitrary strings', () => {
    fc.assert(fc.property(fc.string(), (s) => valid(s)), { numRuns: 400 });
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => valid(s)), { numRuns: 400 });
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (s) => valid(s)), { numRuns: 200 });
  });
  test('never throws on title-like word salad', () => {
    const words = ['VP', 'Sr.', 'Head of', 'Sales', '&', '/', 'Chief', 'Officer', 'to the', 'Assistant', 'Leiter', 'de', 'II', '(m/w/d)', 'CEO', 'Ops', 'Marketing', '-', ',', 'Founder', 'Partner', 'HR', 'IT', 'it', 'Managing Director', 'Lead', 'Intern'];
    fc.assert(fc.property(fc.array(fc.constantFrom(...words), { maxLength: 14 }), (ws) => valid(ws.join(' '))), { numRuns: 500 });
  });
  test('deterministic: same input, same output (memo or not), and the step is idempotent on its own output', () => {
    const fresh = createTitleClassifier({ dictionaries: BUILTIN_TITLE_DICTIONARIES, cacheSize: 0 });
    const opts = classifyTitleStep.options.parse({});
    fc.assert(
      fc.property(fc.array(fc.constantFrom('VP', 'Senior', 'Sales', 'Manager', 'Head of', 'Marketing', '&', 'CFO', 'Founder', 'Engineer', 'II'), { maxLength: 8 }), (ws) => {
        const t = ws.join(' ');
        expect(classifyTitle(t)).toEqual(fresh(t));
        const first = classifyTitleStep.run(t, opts, { record: { sourceRow: 1, extra: {}, campaigns: [], title: t }, field: 'title', issues: [] });
        const after = { sourceRow: 1, extra: {}, campaigns: [], title: t, ...(first.set ?? {}) } as LeadRecord;
        expect(classifyTitleStep.run(t, opts, { record: after, field: 'title', issues: [] }).set).toBeUndefined();
      }),
      { numRuns: 300 },
    );
  });
  test('linear time on long hostile input', () => {
    const hostile = ['a/'.repeat(50_000), '('.repeat(100_000), 'Mitarbeiter/'.repeat(10_000), 'chief '.repeat(20_000), '&'.repeat(100_000), 'é'.repeat(100_000), 'x'.repeat(200_000)];
    for (const s of hostile) {
      const t0 = performance.now();
      classifyTitle(s);
      expect(performance.now() - t0).toBeLessThan(500);
    }
    expect(MAX_TITLE_LENGTH).toBe(200);
  });
});

describe('existing Job Level / Job Function cells', () => {
  test.each([
    ['VP-Level', 'vp'],
    ['C Level Exec', 'c_level'],
    ['Manager-Level', 'manager'],
    ['Non Manager', 'entry'],
    ['Training', 'intern'],
    ['c_suite', 'c_level'],
    ['head', 'director'],
    ['founder', 'owner'],
    ['CXO', 'c_level'],
    ['Board Member', 'board'],
    ['Senior Director', 'director'],
  ])('level %s → %s', (input, id) => expect(parseJobLevel(input).value).toBe(id));
  test.each([
    ['master_finance', 'finance'],
    ['Arts and Design', 'design'],
    ['IT', 'information_technology'],
    ['Engineering & Technical', 'engineering'],
    ['Customer Success and Support', 'customer_success'],
    ['Purchasing', 'procurement'],
    ['health_professional', 'healthcare'],
    ['Recruiting', 'human_resources'],
    ['Marketing Manager', 'marketing'],
  ])('function %s → %s', (input, id) => expect(parseJobFunction(input).value).toBe(id));
  test('unknown and blank values give null; steps rewrite readable cells only', () => {
    expect(parseJobLevel('xyzzy').value).toBeNull();
    expect(parseJobFunction('').value).toBeNull();
    const ctx = { record: { sourceRow: 1, extra: {}, campaigns: [] } as LeadRecord, field: 'jobLevel', issues: [] };
    expect(titleSteps.normalizeJobLevel.run('VP-Level', {}, ctx)).toEqual({ value: 'vp' });
    expect(titleSteps.normalizeJobLevel.run('vp', {}, ctx)).toEqual({});
    expect(titleSteps.normalizeJobFunction.run('Arts and Design', {}, ctx)).toEqual({ value: 'design' });
    expect(titleSteps.normalizeJobFunction.run('xyzzy', {}, ctx).value).toBeUndefined();
  });
});

describe('explainTitle', () => {
  test('renders the rules as one line', () => {
    expect(explainTitle(classifyTitle('Head of Demand Gen').value)).toBe('level: director via "head of"; function: marketing.demand_generation via "demand gen"');
    expect(explainTitle(classifyTitle('Assistant to the CFO').value)).toContain('ignored "to the cfo"');
    expect(explainTitle(classifyTitle('Sr Dir').value)).toContain('"sr" read as "senior"');
    expect(explainTitle(null)).toBe('nothing recognised');
  });
});

describe('round trips', () => {
  test('every level and function id reads back as itself (cleansing clean output changes nothing)', () => {
    for (const l of LEVELS) expect(parseJobLevel(l).value, l).toBe(l);
    for (const f of FUNCTIONS.keys()) expect(parseJobFunction(f).value, f).toBe(f);
  });
});

describe('pack schemas', () => {
  test('accept a valid extension and crosswalk, reject typos', async () => {
    const { titleExtensionSchema, titleCrosswalkSchema } = await import('./schema.js');
    const ext = titleExtensionSchema.parse({ terms: { 'growth ninja': '@entry #!marketing.growth' }, overrides: { 'Chief Vibes Officer': { level: 'c_level', function: 'human_resources' } } });
    expect(extendTitleClassifier(ext as Parameters<typeof extendTitleClassifier>[0])('Growth Ninja').value?.function).toBe('marketing');
    expect(() => titleExtensionSchema.parse({ term: {} })).toThrow();
    expect(() => titleExtensionSchema.parse({ overrides: { x: { level: 'emperor' } } })).toThrow();
    expect(titleCrosswalkSchema.parse(TITLE_CROSSWALKS.apollo)).toBeTruthy();
    for (const cw of Object.values(TITLE_CROSSWALKS)) expect(() => titleCrosswalkSchema.parse(cw)).not.toThrow();
  });
});

describe('step with a pack extension', () => {
  test('uses the extension and compiles it once per options object', () => {
    const opts = classifyTitleStep.options.parse({ extend: { terms: { zookeeper: '@entry #!other.trades' }, overrides: { 'Chief Vibes Officer': { level: 'c_level', function: 'human_resources' } } } });
    const ctx = (t: string) => ({ record: { sourceRow: 1, extra: {}, campaigns: [], title: t } as LeadRecord, field: 'title', issues: [] });
    expect(classifyTitleStep.run('Head Zookeeper', opts, ctx('Head Zookeeper')).set).toEqual({ jobLevel: 'director', jobFunction: 'other', jobSubFunction: 'trades' });
    expect(classifyTitleStep.run('Chief Vibes Officer', opts, ctx('Chief Vibes Officer')).set).toEqual({ jobLevel: 'c_level', jobFunction: 'human_resources' });
    expect(() => classifyTitleStep.options.parse({ extend: { terms: 5 } })).toThrow();
    const t0 = performance.now();
    for (let i = 0; i < 2000; i++) classifyTitleStep.run(`Zookeeper ${i}`, opts, ctx('x'));
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});
