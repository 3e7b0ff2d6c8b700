import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { LeadtidyError } from '../core/errors.js';
import { generateLeads } from '../../scripts/gen/leads.js';
import defaultPack from '../../rules/default.json' with { type: 'json' };
const defaults = { dedupe: defaultPack.dedupe };
import {
  createExistingIndex,
  dedupe,
  DedupeSectionSchema,
  DEFAULT_DEDUPE_SECTION,
  estimateWeights,
  explainPair,
  loadExistingIndex,
  probabilityOf,
  stableStringify,
  undoMerge,
  unionCampaigns,
  type DedupeRecord,
} from './index.js';
import { mergeCluster } from './survivorship.js';
import { SurvivorshipSchema } from './schema.js';

type Rec = Record<string, unknown>;
const lead = (sourceRow: number, fields: Rec): Rec => ({ sourceRow, extra: {}, campaigns: [], ...fields });

/** A one-comparison section on field `v` with the given levels (each weight = its position, so levels are identifiable). */
function oneLevel(type: string, levels: Rec[], extra: Rec = {}) {
  return {
    fields: { v: { type, ...extra }, w: { type: 'text' } },
    blocking: [['v']],
    comparisons: [{ field: 'v', levels: [{ kind: 'null' }, ...levels.map((l, i) => ({ weight: i + 1, ...l })), { kind: 'else', weight: -1 }] }],
    threshold: { merge: 0.9, review: 0.5 },
  };
}
const levelOf = (section: unknown, a: unknown, b: unknown, more: Rec = {}) =>
  explainPair({ v: a, ...more }, { v: b }, { pack: section }).fields[0]!.level;

describe('comparison levels (first match wins)', () => {
  const cases: { name: string; type: string; level: Rec; a: string | null; b: string | null; hit: boolean }[] = [
    { name: 'exact', type: 'text', level: { kind: 'exact' }, a: 'Acme  GmbH', b: 'acme gmbh', hit: true },
    { name: 'exact miss', type: 'text', level: { kind: 'exact' }, a: 'Acme', b: 'Acne', hit: false },
    { name: 'nickname', type: 'givenName', level: { kind: 'nickname' }, a: 'Bob', b: 'Robert', hit: true },
    { name: 'nickname (Liz/Elizabeth)', type: 'givenName', level: { kind: 'nickname' }, a: 'Liz', b: 'Elizabeth', hit: true },
    { name: 'nickname miss', type: 'givenName', level: { kind: 'nickname' }, a: 'Bob', b: 'William', hit: false },
    { name: 'jaroWinkler', type: 'text', level: { kind: 'jaroWinkler', min: 0.9 }, a: 'Jon', b: 'John', hit: true },
    { name: 'jaroWinkler miss', type: 'text', level: { kind: 'jaroWinkler', min: 0.9 }, a: 'Jon', b: 'Jane', hit: false },
    { name: 'levenshtein', type: 'text', level: { kind: 'levenshtein', max: 1 }, a: 'Meier', b: 'Meyer', hit: true },
    { name: 'levenshtein miss', type: 'text', level: { kind: 'levenshtein', max: 1 }, a: 'Meier', b: 'Mayr', hit: false },
    { name: 'phonetic (soundex)', type: 'name', level: { kind: 'phonetic' }, a: 'Smith', b: 'Smyth', hit: true },
    { name: 'phonetic miss', type: 'name', level: { kind: 'phonetic' }, a: 'Smith', b: 'Jones', hit: false },
    { name: 'initial', type: 'givenName', level: { kind: 'initial' }, a: 'J.', b: 'John', hit: true },
    { name: 'initial needs a bare initial', type: 'givenName', level: { kind: 'initial' }, a: 'Jane', b: 'John', hit: false },
    { name: 'tokenSet', type: 'text', level: { kind: 'tokenSet', min: 0.6 }, a: 'Acme Labs Europe', b: 'Acme Labs', hit: true },
    { name: 'tokenSet miss', type: 'text', level: { kind: 'tokenSet', min: 0.6 }, a: 'Acme Labs Europe', b: 'Acme Foods', hit: false },
    { name: 'numeric', type: 'number', level: { kind: 'numeric', maxDiff: 5 }, a: '1,000', b: '1004', hit: true },
    { name: 'numeric ratio', type: 'number', level: { kind: 'numeric', maxRatio: 0.1 }, a: '500', b: '540', hit: true },
    { name: 'numeric miss', type: 'number', level: { kind: 'numeric', maxDiff: 5 }, a: '100', b: '110', hit: false },
    { name: 'date', type: 'date', level: { kind: 'date', maxDays: 31 }, a: '2020-01-01', b: '19991231', hit: false },
    { name: 'date close', type: 'date', level: { kind: 'date', maxDays: 31 }, a: '2020-01-01', b: '20200120', hit: true },
  ];
  test.each(cases)('$name: $a vs $b', ({ type, level, a, b, hit }) => {
    const s = oneLevel(type, [level]);
    expect(levelOf(s, a, b)).toBe(hit ? (level.kind as string) : 'else');
  });
  test('null when either side is missing or blank; else otherwise', () => {
    const s = oneLevel('text', [{ kind: 'exact' }]);
    expect(levelOf(s, null, 'x')).toBe('null');
    expect(levelOf(s, '  ', 'x')).toBe('null');
    expect(levelOf(s, 'x', 'y')).toBe('else');
  });
  test('crossExact: swapped first and last names', () => {
    const s = {
      fields: { first: { type: 'givenName' }, last: { type: 'name' } },
      blocking: [['last']],
      comparisons: [{ field: 'first', levels: [{ kind: 'null' }, { kind: 'exact', weight: 5 }, { kind: 'crossExact', field: 'last', label: 'swapped', weight: 4 }, { kind: 'else', weight: -5 }] }],
      threshold: { merge: 0.9, review: 0.5 },
    };
    const e = explainPair({ first: 'Caleb', last: 'Rowe' }, { first: 'Rowe', last: 'Caleb' }, { pack: s });
    expect(e.fields[0]!.level).toBe('swapped');
  });
  test('first matching level wins', () => {
    const s = oneLevel('text', [{ kind: 'jaroWinkler', min: 0.8 }, { kind: 'exact' }]);
    expect(levelOf(s, 'abc', 'abc')).toBe('jaroWinkler');
  });
  test('multi-valued fields: exact when any value is shared (phone vs mobile)', () => {
    const s = { ...oneLevel('phone', [{ kind: 'exact' }], { from: ['phone', 'mobilePhone'] }) };
    const e = explainPair({ phone: '+49 30 1234567', mobilePhone: '+49 171 5550001' }, { phone: '0171 5550001' }, { pack: s });
    expect(e.fields[0]!.level).toBe('exact');
  });
});

describe('field types', () => {
  const key = (type: string, value: string, extra: Rec = {}) => explainPair({ v: value }, { v: value }, { pack: oneLevel(type, [{ kind: 'exact' }], extra) }).fields[0]!.values[0];
  test('email: match key (case, +tag, gmail dots)', () => {
    expect(key('email', 'John.Smith+leads@GoogleMail.com')).toBe('johnsmith@gmail.com');
  });
  test('email: role mailboxes ignored when asked', () => {
    expect(key('email', 'info@acme.com', { ignoreRole: true })).toBeNull();
    expect(key('email', 'info@acme.com')).toBe('info@acme.com');
  });
  test('emailDomain: registrable domain; free mail ignored when asked', () => {
    expect(key('emailDomain', 'ann@sales.acme.co.uk')).toBe('acme.co.uk');
    expect(key('emailDomain', 'ann@gmail.com', { ignoreFree: true })).toBeNull();
  });
  test('phone: last 9 digits, extension kept apart', () => {
    expect(key('phone', '+44 117 716 5295')).toBe(key('phone', '0117 716 5295'));
    expect(key('phone', '+16027265850;ext=389')).toBe('027265850x389');
    expect(key('phone', '12')).toBeNull();
  });
  test('company: match key without legal form', () => {
    expect(key('company', 'PROCTER & GAMBLE CO.')).toBe(key('company', 'The Procter and Gamble Company'));
  });
  test('domain: registrable domain of a URL', () => {
    expect(key('domain', 'https://www.acme.com/about')).toBe('acme.com');
  });
  test('code and date', () => {
    expect(key('code', ' us ')).toBe('US');
    expect(key('date', '1978-08-19')).toBe('19780819');
    expect(key('date', 'not a date')).toBeNull();
  });
  test('missing values', () => {
    expect(key('text', 'N/A', { missing: ['n a'] })).toBeNull();
  });
});

describe('Fellegi-Sunter scoring', () => {
  const section = {
    fields: { a: { type: 'text' }, b: { type: 'text' } },
    blocking: [['a']],
    comparisons: [
      { field: 'a', levels: [{ kind: 'null' }, { kind: 'exact', m: 0.9, u: 0.01 }, { kind: 'else', m: 0.1, u: 0.99 }] },
      { field: 'b', levels: [{ kind: 'null' }, { kind: 'exact', weight: 3 }, { kind: 'else', weight: -2 }] },
    ],
    probabilityTwoRandomRecordsMatch: 0.01,
    threshold: { merge: 0.9, review: 0.5 },
  };
  test('weight = log2(m/u) per level; total = prior + Σ; probability = 2^w / (1 + 2^w)', () => {
    const e = explainPair({ a: 'x', b: 'y' }, { a: 'x', b: 'z' }, { pack: section });
    const prior = Math.log2(0.01 / 0.99);
    expect(e.prior).toBeCloseTo(prior, 12);
    expect(e.fields[0]!.weight).toBeCloseTo(Math.log2(0.9 / 0.01), 12);
    expect(e.fields[1]!.weight).toBe(-2);
    expect(e.weight).toBeCloseTo(prior + Math.log2(90) - 2, 12);
    expect(e.probability).toBeCloseTo(Math.pow(2, e.weight) / (1 + Math.pow(2, e.weight)), 12);
  });
  test('null levels weigh 0', () => {
    const e = explainPair({ a: 'x' }, { a: 'x' }, { pack: section });
    expect(e.fields[1]).toMatchObject({ level: 'null', weight: 0, values: [null, null] });
  });
  test('probabilityOf is monotone and 0.5 at 0', () => {
    expect(probabilityOf(0)).toBe(0.5);
    expect(probabilityOf(10)).toBeGreaterThan(probabilityOf(5));
  });
});

describe('clustering', () => {
  const chain = (chainGuard?: number) => ({
    fields: { f1: { type: 'text' }, f2: { type: 'text' }, f3: { type: 'text' } },
    blocking: [['f1'], ['f2'], ['f3']],
    comparisons: ['f1', 'f2', 'f3'].map((f) => ({ field: f, levels: [{ kind: 'null' }, { kind: 'exact', weight: 30 }, { kind: 'else', weight: -5 }] })),
    probabilityTwoRandomRecordsMatch: 0.5,
    threshold: { merge: 0.9, review: 0.5 },
    ...(chainGuard === undefined ? {} : { chainGuard }),
  });
  // A–B share f1, B–C share f2, C–D share f3: a chain where A and D have nothing in common.
  const recs = [
    lead(2, { f1: 'x', f2: 'a', f3: 'a' }),
    lead(3, { f1: 'x', f2: 'y', f3: 'b' }),
    lead(4, { f1: 'c', f2: 'y', f3: 'z' }),
    lead(5, { f1: 'd', f2: 'd', f3: 'z' }),
    lead(6, { f1: 'q', f2: 'q', f3: 'q' }),
  ];
  test('chaining guard splits members that do not match the representative, and sends them to review', () => {
    const r = dedupe(recs, { pack: chain() });
    expect(r.clusters.map((c) => [...c.members].sort())).toEqual([[0, 1, 2]]);
    expect(r.review).toEqual([expect.objectContaining({ a: 1, b: 3, reason: 'chain' })]);
    expect(r.records).toHaveLength(3);
    expect(r.issues.map((i) => [i.code, i.row])).toEqual([['dedupe.merged', 2], ['dedupe.review', 3]]);
    expect(r.issues[0]!.message).toMatch(/^Merged with 2 duplicate record\(s\) \(rows 3, 4\) into cluster c-[0-9a-f]{16}\.$/);
  });
  test('without the guard, connected components chain through', () => {
    const r = dedupe(recs, { pack: chain(1e-12) });
    expect(r.clusters.map((c) => [...c.members].sort())).toEqual([[0, 1, 2, 3]]);
  });
  test('review band: pairs between the thresholds are listed, not merged', () => {
    const s = {
      ...chain(),
      comparisons: [{ field: 'f1', levels: [{ kind: 'null' }, { kind: 'exact', weight: 2 }, { kind: 'else', weight: -5 }] }],
    };
    const r = dedupe([lead(2, { f1: 'x' }), lead(3, { f1: 'x' })], { pack: s });
    expect(r.clusters).toEqual([]);
    expect(r.review).toHaveLength(1);
    expect(r.review[0]).toMatchObject({ reason: 'band', explanation: { fields: [{ comparison: 'f1', level: 'exact', weight: 2 }] } });
    expect(r.review[0]!.probability).toBeCloseTo(0.8, 10);
  });
  test('blocking report: pairs per rule add up; oversized blocks are skipped and counted', () => {
    const r = dedupe(recs, { pack: chain() });
    expect(r.blocking.rules.map((b) => b.pairs)).toEqual([1, 1, 1]);
    expect(r.blocking.comparisons).toBe(3);
    const many = Array.from({ length: 12 }, (_, i) => lead(i + 2, { f1: 'same', f2: String(i), f3: String(i) }));
    const r2 = dedupe(many, { pack: { ...chain(), maxBlockSize: 10 } });
    expect(r2.blocking.rules[0]).toMatchObject({ pairs: 0, skippedBlocks: 1, skippedRecords: 12, largestBlocks: [{ key: 'same', size: 12 }] });
    expect(r2.clusters).toEqual([]);
    expect(r2.issues[0]).toMatchObject({ code: 'dedupe.block_skipped', severity: 'warning' });
  });
});

const precedence = ['Attended', 'Attended On-demand', 'Visited Booth', 'Downloaded', 'Responded', 'No-show', 'Registered', 'Invited'];

describe('survivorship', () => {
  const recs: Rec[] = [
    lead(2, { email: 'ann@acme.com', title: 'Marketing Manager', phone: '+15550000001', city: 'Boston', notes: 'met at booth', createdAt: '2026-01-05T10:00:00Z', leadSource: 'Webinar' }),
    lead(3, { email: 'ann@acme.com', title: 'Director of Marketing', phone: null, city: 'Boston', notes: 'asked for demo', createdAt: '2026-03-01T09:00:00Z', leadSource: 'Trade Show', company: 'Acme Inc.' }),
    lead(4, { email: 'ann@acme.com', title: 'Dir. Marketing', phone: '+15550000002', city: 'Cambridge', notes: null, createdAt: '2026-02-01T09:00:00Z', leadSource: 'CRM', company: 'Acme', street: '1 Main St', state: 'MA' }),
  ];
  const s = (fields: Rec, more: Rec = {}) => SurvivorshipSchema.parse({ fields, ...more });
  const pick = (rule: string, field: string, more: Rec = {}) => mergeCluster([0, 1, 2], recs, s({ [field]: rule }, more), precedence);
  test('master: most complete first (record 3 has 10 fields filled)', () => {
    expect(pick('keep_master', 'title').master).toBe(2);
  });
  test('master: most recent when asked first', () => {
    expect(mergeCluster([0, 1, 2], recs, s({}, { master: ['most_recent'] }), precedence).master).toBe(1);
  });
  test('master: has_id wins over completeness', () => {
    const withId = [...recs.slice(0, 2), { ...recs[2], id: undefined }, lead(9, { id: '003XYZ', email: 'ann@acme.com' })];
    expect(mergeCluster([0, 1, 2, 3], withId, s({}), precedence).master).toBe(3);
  });
  test('keep_master', () => expect(pick('keep_master', 'title').survivor.title).toBe('Dir. Marketing'));
  test('most_recent', () => {
    const m = pick('most_recent', 'title');
    expect(m.survivor.title).toBe('Director of Marketing');
    expect(m.fields.title).toEqual({ value: 'Director of Marketing', from: 1, rule: 'most_recent' });
  });
  test('most_recent skips members without a value', () => expect(pick('most_recent', 'phone').survivor.phone).toBe('+15550000002'));
  test('most_complete', () => expect(pick('most_complete', 'city', { master: ['most_recent'] }).survivor.city).toBe('Cambridge'));
  test('source_priority', () => {
    const m = pick('source_priority', 'title', { sourcePriority: { field: 'leadSource', order: ['Trade Show', 'Webinar'] } });
    expect(m.survivor.title).toBe('Director of Marketing');
  });
  test('longest', () => expect(pick('longest', 'title').survivor.title).toBe('Director of Marketing'));
  test('most_frequent', () => expect(pick('most_frequent', 'city').survivor.city).toBe('Boston'));
  // Values are taken in master order: the master (record 4), then record 3 (9 fields), then record 2 (8 fields).
  test('append_all', () => expect(pick('append_all', 'notes').survivor.notes).toBe('asked for demo; met at booth'));
  test('status_precedence', () => {
    const r = [lead(2, { memberStatus: 'Registered' }), lead(3, { memberStatus: 'attended' }), lead(4, { memberStatus: 'Invited' })];
    expect(mergeCluster([0, 1, 2], r, s({ memberStatus: 'status_precedence' }), precedence).survivor.memberStatus).toBe('attended');
  });
  test('keep_master falls back to another member when the master has no value', () => {
    expect(pick('keep_master', 'notes').survivor.notes).toBe('asked for demo');
  });
  test('extra columns: the master wins, others fill gaps', () => {
    const r = [lead(2, { email: 'a@x.com', extra: { Badge: 'B-1', Booth: '12' } }), lead(3, { email: 'a@x.com', phone: '+1555', extra: { Badge: 'B-9' } })];
    expect(mergeCluster([0, 1], r, s({}), precedence).survivor.extra).toEqual({ Badge: 'B-9', Booth: '12' });
  });
});

describe('campaign memberships', () => {
  test('always unioned; one per campaign with the best status by precedence', () => {
    const u = unionCampaigns(
      [
        [{ campaign: 'Webinar Q1', status: 'Registered', sourceRow: 2 }, { campaign: 'Trade Show', status: 'Visited Booth', sourceRow: 2 }],
        [{ campaign: 'webinar q1', status: 'Attended', sourceRow: 7 }],
        [{ campaign: 'Webinar Q1', status: 'Invited', sourceRow: 9 }, { campaign: 'eBook', status: 'Downloaded', sourceRow: 9 }],
      ],
      precedence,
    );
    expect(u).toEqual([
      { campaign: 'webinar q1', status: 'Attended', sourceRow: 7 },
      { campaign: 'Trade Show', status: 'Visited Booth', sourceRow: 2 },
      { campaign: 'eBook', status: 'Downloaded', sourceRow: 9 },
    ]);
  });
  test('dedupe merges memberships of duplicates, with the pack precedence or the one passed in', () => {
    const recs = [
      lead(2, { firstName: 'Ann', lastName: 'Lee', email: 'ann.lee@acme.com', campaigns: [{ campaign: 'W1', status: 'Registered', sourceRow: 2 }] }),
      lead(3, { firstName: 'Ann', lastName: 'Lee', email: 'ann.lee@acme.com', campaigns: [{ campaign: 'W1', status: 'Attended', sourceRow: 3 }, { campaign: 'W2', status: 'Invited', sourceRow: 3 }] }),
    ];
    const r = dedupe(recs);
    expect(r.records).toHaveLength(1);
    expect(r.records[0]!.campaigns).toEqual([{ campaign: 'W1', status: 'Attended', sourceRow: 3 }, { campaign: 'W2', status: 'Invited', sourceRow: 3 }]);
    const r2 = dedupe(recs, { statusPrecedence: ['Registered', 'Attended'] });
    expect((r2.records[0]!.campaigns as { status: string }[])[0]!.status).toBe('Registered');
    expect(r.mergePlan[0]!.campaigns).toEqual(r.records[0]!.campaigns);
  });
});

function cleanLeads(rows: number, seed: number): Rec[] {
  const g = generateLeads({ rows, seed, duplicateRate: 0.15, junkRate: 0, statuses: ['Registered', 'Attended'], campaign: 'Webinar' });
  return g.rows.map((row, i) => {
    const r: Rec = { sourceRow: i + 2, extra: {}, campaigns: [{ campaign: 'Webinar', status: row.memberStatus, sourceRow: i + 2 }] };
    for (const [k, v] of Object.entries(row)) r[k] = v.trim() === '' ? null : v.trim();
    return r;
  });
}

describe('default B2B pack on generated leads', () => {
  const recs = cleanLeads(800, 41);
  const result = dedupe(recs);
  test('finds duplicates and merges them', () => {
    expect(result.clusters.length).toBeGreaterThan(60);
    expect(result.records.length).toBe(recs.length - result.clusters.reduce((n, c) => n + c.members.length - 1, 0));
    for (const c of result.clusters) expect(c.score).toBeGreaterThanOrEqual(0.5);
  });
  test('undo of the merge plan gives back the input records', () => {
    expect(undoMerge(result)).toEqual(recs);
  });
  test('merge plan: survivor position, chosen fields with their origin, inverse', () => {
    const p = result.mergePlan[0]!;
    expect(result.records[p.position]!.sourceRow).toBe(recs[p.master]!.sourceRow);
    for (const [f, c] of Object.entries(p.fields)) expect(result.records[p.position]![f]).toEqual(c.value);
    expect(p.inverse.absorbed.map((a) => a.index).sort()).toEqual(p.members.filter((m) => m !== p.master).sort());
  });
  test('determinism: shuffled input gives the same clusters (ids and members) and survivors', () => {
    const order = recs.map((_, i) => i);
    let seed = 7;
    for (let i = order.length - 1; i > 0; i--) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      const j = seed % (i + 1);
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    const shuffled = order.map((i) => recs[i]!);
    const r2 = dedupe(shuffled);
    const view = (r: typeof result, input: Rec[]) =>
      r.clusters.map((c) => `${c.id}:${c.members.map((m) => input[m]!.sourceRow).join(',')}`).sort();
    expect(view(r2, shuffled)).toEqual(view(result, recs));
    expect(r2.records.map(stableStringify).sort()).toEqual(result.records.map(stableStringify).sort());
  });
  test('cluster ids are stable content hashes', () => {
    for (const c of result.clusters) expect(c.id).toMatch(/^c-[0-9a-f]{16}$/);
    expect(new Set(result.clusters.map((c) => c.id)).size).toBe(result.clusters.length);
  });
});

describe('legitimate non-duplicates (default pack)', () => {
  test('two people sharing a role inbox are not merged', () => {
    const r = dedupe([
      lead(2, { firstName: 'Ann', lastName: 'Lee', email: 'info@acme.com', company: 'Acme' }),
      lead(3, { firstName: 'Tom', lastName: 'Berg', email: 'info@acme.com', company: 'Acme' }),
    ]);
    expect(r.clusters).toEqual([]);
  });
  test('the same name at two companies goes to review, not merge', () => {
    const r = dedupe([
      lead(2, { firstName: 'Ann', lastName: 'Lee', email: 'ann.lee@acme.com', company: 'Acme', phone: '+15550001111' }),
      lead(3, { firstName: 'Ann', lastName: 'Lee', email: 'ann.lee@acme.com', company: 'Globex', phone: '+15550001111' }),
    ]);
    expect(r.clusters).toEqual([]);
    expect(r.review[0]).toMatchObject({ reason: 'same_person_other_company' });
  });
  test('free-mail users share no domain evidence; they match on name + company', () => {
    const e = explainPair({ email: 'ann@gmail.com', firstName: 'Ann' }, { email: 'tom@gmail.com', firstName: 'Tom' });
    expect(e.fields.find((f) => f.comparison === 'emailDomain')!.level).toBe('null');
    const r = dedupe([
      lead(2, { firstName: 'Ann', lastName: 'Lee', email: 'ann.lee@gmail.com', company: 'Acme Corp' }),
      lead(3, { firstName: 'Ann', lastName: 'Lee', email: 'annlee77@yahoo.com', company: 'ACME Corporation' }),
    ]);
    expect(r.clusters).toHaveLength(1);
  });
  test('nickname + same company + same phone with a changed email still merges', () => {
    const r = dedupe([
      lead(2, { firstName: 'Robert', lastName: 'Smith', email: 'robert.smith@acme.com', company: 'Acme Inc.', phone: '+16175550100' }),
      lead(3, { firstName: 'Bob', lastName: 'Smith', email: 'bobsmith@gmail.com', company: 'ACME', phone: '(617) 555-0100' }),
    ]);
    expect(r.clusters).toHaveLength(1);
  });
});

describe('existing records', () => {
  const crm = [
    { id: '003A', firstName: 'Robert', lastName: 'Smith', email: 'robert.smith@acme.com', company: 'Acme Inc.', phone: '+16175550100' },
    { id: '003B', firstName: 'Maria', lastName: 'Garcia', email: 'mgarcia@globex.com', company: 'Globex' },
    { id: '003C', firstName: 'Ann', lastName: 'Lee', email: 'ann.lee@initech.com', company: 'Initech' },
  ];
  const incoming = [
    lead(2, { firstName: 'Bob', lastName: 'Smith', email: 'Robert.Smith@ACME.com', company: 'ACME' }),
    lead(3, { firstName: 'Jane', lastName: 'Doe', email: 'jane@umbrella.com', company: 'Umbrella' }),
    lead(4, { firstName: 'Ann', lastName: 'Lee', email: 'ann.lee@initech.com', company: 'Hooli' }),
  ];
  test('labels new / update <id> / review <id>', () => {
    const labels = createExistingIndex(crm).match(incoming);
    expect(labels.map((l) => l.action)).toEqual(['update 003A', 'new', 'review 003C']);
  });
  test('the index survives toJSON → JSON text → load', () => {
    const json = JSON.stringify(createExistingIndex(crm).toJSON());
    const loaded = loadExistingIndex(json);
    expect(loaded.size).toBe(3);
    expect(loaded.match(incoming, { explain: true })[0]).toMatchObject({ label: 'update', existingId: '003A', explanation: { fields: expect.any(Array) } });
  });
  test('dedupe with existing labels each survivor', () => {
    const r = dedupe(incoming, { existing: crm });
    expect(r.existingMatches!.map((m) => m.label)).toEqual(['update', 'new', 'review']);
    expect(r.issues.filter((i) => i.code.startsWith('dedupe.existing')).map((i) => [i.code, i.row])).toEqual([
      ['dedupe.existing_update', 2],
      ['dedupe.existing_review', 4],
    ]);
  });
  test('loading something else throws LeadtidyError', () => {
    expect(() => loadExistingIndex({ format: 'nope' })).toThrow(LeadtidyError);
  });
});

describe('weight estimation (EM)', () => {
  test('u from random pairs, m by EM: agreement weighs positive, disagreement negative, section round-trips', () => {
    const recs = cleanLeads(1500, 5);
    const est = estimateWeights(recs);
    const p = est.parameters;
    expect(p.email!.find((l) => l.level === 'exact')!.weight).toBeGreaterThan(8);
    expect(p.lastName!.find((l) => l.level === 'exact')!.weight).toBeGreaterThan(2);
    expect(p.lastName!.find((l) => l.level === 'else')!.weight).toBeLessThan(0);
    expect(p.firstName!.find((l) => l.level === 'else')!.weight).toBeLessThan(0);
    expect(est.iterations).toBeGreaterThan(0);
    expect(DedupeSectionSchema.safeParse(est.section).success).toBe(true);
    // The estimated section is usable as a pack section.
    expect(dedupe(recs.slice(0, 200), { pack: est.section }).clusters.length).toBeGreaterThan(0);
  });
  test('keep: the listed comparisons keep the section weights; the others are estimated', () => {
    const recs = cleanLeads(1500, 5);
    const est = estimateWeights(recs, { keep: ['company', 'emailDomain'] });
    const company = (est.section.comparisons.find((c) => c.field === 'company')!.levels as { weight?: number }[]).map((l) => l.weight);
    expect(company).toEqual([undefined, 7, 4, 3, -3]);
    expect(est.parameters.email!.find((l) => l.level === 'exact')!.weight).toBeGreaterThan(8);
  });
});

describe('pack section validation', () => {
  test('the default section is valid and is the default pack\'s', () => {
    expect(DedupeSectionSchema.safeParse(DEFAULT_DEDUPE_SECTION).success).toBe(true);
    expect(DEFAULT_DEDUPE_SECTION).toBe(defaults.dedupe);
  });
  test('problems are listed with their path', () => {
    const bad = { blocking: [['x']], comparisons: [{ field: 'x', levels: [{ kind: 'exact', weight: 1 }, { kind: 'exact', weight: 2 }] }], threshold: { merge: 0.9, review: 0.5 } };
    try {
      dedupe([], { pack: bad });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(LeadtidyError);
      expect((e as LeadtidyError).problems[0]!.path).toBe('dedupe.comparisons.0.levels');
    }
    expect(() =>
      dedupe([], {
        pack: { blocking: [['x']], comparisons: [{ field: 'x', levels: [{ kind: 'crossExact', field: 'nope', weight: 1 }, { kind: 'else', weight: 0 }] }], threshold: { merge: 0.9, review: 0.5 } },
      }),
    ).toThrow(/unknown field "nope"/);
    expect(() => dedupe([], { pack: { ...oneLevel('text', [{ kind: 'exact' }]), threshold: { merge: 0.5, review: 0.9 } } })).toThrow(LeadtidyError);
  });
});

describe('robustness', () => {
  test('never throws on arbitrary string records', () => {
    const field = fc.option(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.constantFrom('Bob', 'Robert', 'bob@acme.com', '+1 617 555 0100', 'Acme Inc')), { nil: null });
    const rec = fc.record({ firstName: field, lastName: field, email: field, phone: field, company: field, title: field, __proto__: field as fc.Arbitrary<string | null> });
    fc.assert(
      fc.property(fc.array(rec, { maxLength: 30 }), (rows) => {
        const recs = rows.map((r, i) => ({ ...r, sourceRow: i + 2, extra: {}, campaigns: [] }));
        const r = dedupe(recs as unknown as DedupeRecord[]);
        expect(undoMerge(r)).toEqual(recs);
      }),
      { numRuns: 150 },
    );
  });
  test('idempotence: deduplicating the survivors again finds nothing more to merge', () => {
    const recs = cleanLeads(400, 9);
    const once = dedupe(recs);
    const twice = dedupe(once.records);
    expect(twice.clusters).toEqual([]);
    expect(twice.records).toEqual(once.records);
  });
});
