import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { compileCondition, ConditionSchema, firstNumber, readField, type Condition } from '../src/decide/conditions.js';
import { regexProblems } from '../src/decide/safe-regex.js';
import { junkReason } from '../src/decide/junk.js';
import { cleanse, issue, loadPack, LeadtidyError, type LeadRecord } from '../src/index.js';

function rec(fields: Record<string, unknown>): LeadRecord {
  return { sourceRow: 2, extra: { 'Badge Type': 'VIP' }, campaigns: [], ...fields } as LeadRecord;
}
function check(cond: Condition, fields: Record<string, unknown>, issues = [] as ReturnType<typeof issue>[], lists = {}) {
  const parsed = ConditionSchema.parse(cond);
  return compileCondition(parsed, lists)({ record: rec(fields), issues });
}

describe('conditions', () => {
  test.each<[string, Condition, Record<string, unknown>, boolean]>([
    ['equals ignores case and spaces', { field: 'country', equals: 'us' }, { country: ' US ' }, true],
    ['equals caseSensitive', { field: 'country', equals: 'us', caseSensitive: true }, { country: 'US' }, false],
    ['equals null is "empty"', { field: 'email', equals: null }, { email: '' }, true],
    ['in', { field: 'country', in: ['US', 'CA'] }, { country: 'CA' }, true],
    ['in misses', { field: 'country', in: ['US', 'CA'] }, { country: 'DE' }, false],
    ['exists true', { field: 'email', exists: true }, { email: 'a@b.de' }, true],
    ['exists false on whitespace', { field: 'email', exists: false }, { email: '  ' }, true],
    ['exists false on a missing field', { field: 'phone', exists: false }, {}, true],
    ['contains', { field: 'title', contains: 'market' }, { title: 'VP Marketing' }, true],
    ['startsWith', { field: 'postalCode', startsWith: '94' }, { postalCode: '94105' }, true],
    ['endsWith', { field: 'email', endsWith: '.edu' }, { email: 'x@mit.EDU' }, true],
    ['matches', { field: 'postalCode', matches: '^9[0-6]\\d{3}$' }, { postalCode: '94105' }, true],
    ['matches flags i', { field: 'title', matches: '^vp\\b', flags: 'i' }, { title: 'VP Sales' }, true],
    ['gte on a band', { field: 'employees', gte: 1000 }, { employees: '1,001-5,000' }, true],
    ['lt on a band', { field: 'employees', lt: 200 }, { employees: '51-200' }, true],
    ['range gte+lt', { field: 'employees', gte: 200, lt: 1000 }, { employees: '500' }, true],
    ['number with k', { field: 'employees', gt: 4000 }, { employees: '5k' }, true],
    ['no number → false', { field: 'employees', gt: 0 }, { employees: 'large' }, false],
    ['all', { all: [{ field: 'country', equals: 'US' }, { field: 'state', equals: 'CA' }] }, { country: 'US', state: 'CA' }, true],
    ['any', { any: [{ field: 'country', equals: 'DE' }, { field: 'state', equals: 'CA' }] }, { country: 'US', state: 'CA' }, true],
    ['not', { not: { field: 'country', equals: 'US' } }, { country: 'US' }, false],
    ['always', { always: true }, {}, true],
    ['extra column', { field: 'extra.Badge Type', equals: 'vip' }, {}, true],
    ['emailDomain', { field: 'emailDomain', equals: 'acme.com' }, { email: 'Ann@ACME.com' }, true],
    ['emailLocal', { field: 'emailLocal', in: ['info', 'sales'] }, { email: 'info@acme.com' }, true],
    ['websiteDomain', { field: 'websiteDomain', equals: 'acme.co.uk' }, { website: 'https://www.acme.co.uk/en' }, true],
  ])('%s', (_name, cond, fields, expected) => {
    expect(check(cond, fields)).toBe(expected);
  });

  test('issue: exact code, prefix and field', () => {
    const issues = [issue('name.junk', { value: 'x', reason: 'fake_name' }, { field: 'lastName' })];
    expect(check({ issue: 'name.junk' }, {}, issues)).toBe(true);
    expect(check({ issue: 'name.*' }, {}, issues)).toBe(true);
    expect(check({ issue: 'name.junk', field: 'firstName' }, {}, issues)).toBe(false);
    expect(check({ issue: 'company.junk' }, {}, issues)).toBe(false);
  });

  test('inList reads the pack lists', () => {
    expect(check({ field: 'emailDomain', inList: 'competitors' }, { email: 'x@rival.io' }, [], { competitors: ['rival.io'] })).toBe(true);
    expect(() => check({ field: 'emailDomain', inList: 'nope' }, {}, [], {})).toThrow(/no list "nope"/);
  });

  test.each<[string, unknown, RegExp]>([
    ['no operator', { field: 'x' }, /needs one operator/],
    ['two operators', { field: 'x', equals: 'a', in: ['a'] }, /one operator/],
    ['unsafe regex', { field: 'x', matches: '(a+)+$' }, /unsafe pattern/],
    ['unknown key', { field: 'x', equal: 'a' }, /./],
  ])('schema refuses %s', (_n, cond, message) => {
    const r = ConditionSchema.safeParse(cond);
    expect(r.success).toBe(false);
    expect(JSON.stringify(r.error!.issues)).toMatch(message);
  });

  test('firstNumber', () => {
    expect([firstNumber('1,001-5,000'), firstNumber('$10M'), firstNumber('87,5'), firstNumber('1.234.567'), firstNumber('10 000+'), firstNumber('n/a')]).toEqual([1001, 10_000_000, 87.5, 1_234_567, 10_000, null]);
  });

  test('readField never reads the prototype chain', () => {
    expect(readField(rec({}), 'constructor')).toBeNull();
    expect(readField(rec({}), 'extra.constructor')).toBeNull();
  });
});

describe('safe regexes', () => {
  test.each([
    ['(a+)+$', /already repeats/],
    ['([a-z]*)*', /already repeats/],
    ['(\\d+\\s?)+$', /already repeats/],
    ['(x|xx)*y', /quantified alternation/],
    ['^(\\w+)\\1$', /backreferences/],
    ['(?<=a)b', /lookbehind/],
    ['[', /not a valid/],
  ])('%s is refused', (p, why) => {
    expect(regexProblems(p).join(' ')).toMatch(why);
  });
  test.each(['^[a-z0-9._%+-]+@acme\\.com$', '(?:gmail|yahoo)\\.com$', '^9[0-6]\\d{3}$', '(ab){2,}', '^a{2,5}b$'])('%s is allowed', (p) => {
    expect(regexProblems(p)).toEqual([]);
  });
});

describe('junk names', () => {
  test.each([
    ['Mickey Mouse', 'fake_name'], ['Max Mustermann', 'fake_name'], ['test test', 'fake_name'], ['John Doe', 'fake_name'],
    ['asdf', 'test_word'], ['Test', 'test_word'], ['qwerty', 'test_word'], ['sdfgh', 'keyboard_run'], ['hjkl', 'keyboard_run'],
    ['aaaa', 'repeated_characters'], ['Zzzz', 'repeated_characters'], ['qweqwe dfgdfg', 'repeated_characters'], ['jkljkl', 'repeated_characters'], ['x x', 'initials_only'], ['asdfgh xcvxcv', 'repeated_characters'], ['sdfgh hjkl', 'keyboard_run'], ['John3', 'digits'], ['!!!', 'no_letters'],
  ])('%s → %s', (name, reason) => expect(junkReason(name)).toBe(reason));
  test.each(['Anne-Marie de la Cruz', "O'Neill", 'Ng', 'Li', 'Xu', 'Henry VIII', 'Aaron', 'Ooi', 'Bjørn', 'Contest', 'Testa', 'Müller-Lüdenscheidt', 'José María', 'Nguyễn Văn An', '李', 'Lulu', 'Coco Chanel', 'Mimi', 'J. R. Smith', 'Ana Ana'])('%s is a real name', (name) => {
    expect(junkReason(name)).toBeNull();
  });
});

describe('decisions in cleanse', () => {
  const rows = [
    { 'First Name': 'Ann', 'Last Name': 'Lee', Email: 'ann@acme.com', Country: 'US', Employees: '5000', 'Job Level': 'vp', Attended: 'Yes' },
    { 'First Name': 'Mickey', 'Last Name': 'Mouse', Email: 'mm@acme.com', Country: 'US' },
    { 'First Name': 'Bob', 'Last Name': 'Roe', Email: '', Phone: '' },
    { 'First Name': 'Cid', 'Last Name': 'Ray', Email: 'cid@rival.io', Country: 'CU' },
    { 'First Name': 'Dee', 'Last Name': 'Fox', Email: 'dee@x.de', Country: 'DE', 'Job Function': 'marketing', Attended: 'no' },
  ];
  const pack = loadPack({ id: 't', version: '1.0.0', extends: 'default', lists: { competitorDomains: ['rival.io'] } });
  const r = cleanse(rows, { pack, campaign: { name: 'Q4 Webinar' } });

  test('every matching reject rule is a reason, with the offending value', () => {
    const byRow = Object.fromEntries(r.rejected.map((x) => [x.sourceRow, x.reasons.map((y) => y.code)]));
    expect(byRow).toEqual({ 3: ['junk_name'], 4: ['missing_contact'], 5: ['blocked_country', 'competitor_domain'] });
    const cid = r.rejected.find((x) => x.sourceRow === 5)!;
    expect(cid.reasons[0]).toMatchObject({ field: 'country', value: 'CU' });
    expect(cid.original).toMatchObject(rows[3]!);
    expect(r.report.rejectReasons).toEqual({ junk_name: 1, missing_contact: 1, blocked_country: 1, competitor_domain: 1 });
  });

  test('score: points per rule, the list of rules, clamped', () => {
    const ann = r.records.find((x) => x.firstName === 'Ann')!;
    expect(ann.scoreRules).toEqual(['fit.level.vp+25', 'fit.size.enterprise+15', 'engagement.attended+15', 'quality.email+5']);
    expect(ann.score).toBe(60);
  });

  test('nurture: first match wins, else the default', () => {
    expect(r.records.map((x) => [x.firstName, x.nurtureProgram, x.nurtureRule])).toEqual([
      ['Ann', 'Executive Nurture', 'nurture.executive'],
      ['Dee', 'Marketing Practitioner Nurture', 'nurture.marketing'],
    ]);
  });

  test('campaign membership with the declared status', () => {
    expect(r.records[0]!.campaigns).toEqual([{ campaign: 'Q4 Webinar', status: 'Attended', sourceRow: 2 }]);
    expect(r.records[1]!.memberStatus).toBe('No-show');
    expect(r.changes).toContainEqual({ row: 2, field: 'memberStatus', before: 'Yes', after: 'Attended', rule: 't:campaign.statuses' });
  });

  test('an unknown status is kept and flagged', () => {
    const out = cleanse([{ Email: 'a@b.de', Attended: 'maybe' }], { campaign: { name: 'X' } });
    expect(out.records[0]!.memberStatus).toBe('maybe');
    expect(out.issues.map((i) => i.code)).toContain('campaign.unknown_status');
  });

  test('territory routing from a pack, first match wins, default otherwise', () => {
    const routing = loadPack({
      id: 'routing', version: '1.0.0', extends: 'default',
      route: {
        assign: [
          { id: 'na-enterprise', when: { all: [{ field: 'country', in: ['US', 'CA'] }, { field: 'employees', gte: 1000 }] }, owner: 'jane@us', queue: 'NA Enterprise' },
          { id: 'na', when: { field: 'country', in: ['US', 'CA'] }, queue: 'NA Inside Sales' },
          { id: 'dach', when: { field: 'country', in: ['DE', 'AT', 'CH'] }, queue: 'DACH' },
        ],
        default: { queue: 'Rest of World' },
      },
    });
    const out = cleanse(
      [
        { Email: 'a@b.com', Country: 'US', Employees: '10,000+' },
        { Email: 'b@b.com', Country: 'CA', Employees: '50' },
        { Email: 'c@b.com', Country: 'AT' },
        { Email: 'd@b.com', Country: 'BR' },
      ],
      { pack: routing },
    );
    expect(out.records.map((x) => [x.owner, x.queue, x.routeRule])).toEqual([
      ['jane@us', 'NA Enterprise', 'na-enterprise'],
      [null, 'NA Inside Sales', 'na'],
      [null, 'DACH', 'dach'],
      [null, 'Rest of World', 'default'],
    ]);
  });

  test('pack errors in conditions are reported with their path', () => {
    try {
      loadPack({ id: 'x', version: '1.0.0', reject: [{ code: 'bad', when: { field: 'emailDomain', inList: 'nope' } }, { code: 'Bad Code', when: { always: true } }, { code: 'typo', when: { issue: 'emial.invalid' } }] });
      throw new Error('should throw');
    } catch (e) {
      expect(e).toBeInstanceOf(LeadtidyError);
      const paths = (e as LeadtidyError).problems.map((p) => p.path);
      expect(paths).toContain('reject[1].code');
    }
    try {
      loadPack({ id: 'x', version: '1.0.0', reject: [{ code: 'bad', when: { field: 'emailDomain', inList: 'nope' } }, { code: 'typo', when: { issue: 'emial.invalid' } }] });
      throw new Error('should throw');
    } catch (e) {
      const problems = (e as LeadtidyError).problems;
      expect(problems.map((p) => p.path)).toEqual(['reject[0].when.inList', 'reject[1].when.issue']);
    }
  });
});

describe('every reason code of the default and example packs', () => {
  const example = loadPack(JSON.parse(readFileSync('rules/example-events.json', 'utf8')), { source: 'example-events.json' });
  const base = { 'First Name': 'Ann', 'Last Name': 'Lee', Company: 'Acme Corp', Email: 'ann@acmecorp.com', Country: 'US', 'Opt-In': 'yes' };
  test.each<[string, Record<string, string>, string, 'default' | 'example']>([
    ['missing_contact', { Email: '', Phone: '' }, 'missing_contact', 'default'],
    ['invalid_email', { Email: 'ann@@acme' }, 'invalid_email', 'default'],
    ['junk_email', { Email: 'test@test.com' }, 'junk_email', 'default'],
    ['disposable_email', { Email: 'ann@mailinator.com' }, 'disposable_email', 'default'],
    ['junk_name', { 'First Name': 'Mickey', 'Last Name': 'Mouse' }, 'junk_name', 'default'],
    ['junk_company', { Company: 'asdf' }, 'junk_company', 'default'],
    ['blocked_country', { Country: 'Cuba' }, 'blocked_country', 'default'],
    ['competitor_domain', { Email: 'ann@rival.io' }, 'competitor_domain', 'example'],
    ['own_domain', { Email: 'ann@example.com' }, 'own_domain', 'example'],
    ['missing_consent', { Country: 'Deutschland', 'Opt-In': 'nein' }, 'missing_consent', 'example'],
  ])('%s', (_name, change, code, which) => {
    const pack = which === 'example' ? example : loadPack({ id: 'd', version: '1.0.0', extends: 'default' });
    const ok = cleanse([base], { pack });
    expect(ok.rejected).toEqual([]);
    const bad = cleanse([{ ...base, ...change }], { pack });
    expect(bad.rejected[0]?.reasons.map((r) => r.code)).toContain(code);
    expect(bad.rejected[0]!.original).toMatchObject({ ...base, ...change });
  });

  test('routing can take the owner from a record field (the matched account owner)', () => {
    const pack = loadPack({ id: 'o', version: '1.0.0', extends: 'default', route: { assign: [{ id: 'account-owner', when: { field: 'extra.Account Owner', exists: true }, ownerFrom: 'extra.Account Owner' }], default: { queue: 'Inbound' } } });
    const out = cleanse([{ ...base, 'Account Owner': '005XYZ' }, { ...base, 'First Name': 'Bo', 'Last Name': 'Berg', Email: 'bo@berg.se', Company: 'Berg AB' }], { pack });
    expect(out.records.map((r) => [r.owner, r.queue, r.routeRule])).toEqual([['005XYZ', null, 'account-owner'], [null, 'Inbound', 'default']]);
  });
});
