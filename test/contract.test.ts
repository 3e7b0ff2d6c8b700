/** The public API contract of shared/DESIGN.md: names and fields other tests call. */
import { describe, expect, test } from 'vitest';
import * as lt from '../src/index.js';

describe('public API contract', () => {
  test('every unit returns { value, confidence, issues } with the contract fields', () => {
    const units: [string, unknown, string[]][] = [
      ['normalizeCountry', lt.normalizeCountry('Deutschland'), ['code', 'alpha3', 'name']],
      ['normalizeState', lt.normalizeState('Calif.', { country: 'US' }), ['code', 'country', 'name']],
      ['normalizePostalCode', lt.normalizePostalCode('94105-1234', { country: 'US' }), ['postalCode']],
      ['normalizePhone', lt.normalizePhone('(415) 555-2671 x204', { country: 'US' }), ['e164', 'extension']],
      ['normalizeEmail', lt.normalizeEmail('Jane <jane@acme.com>'), ['email', 'local', 'domain', 'isFree', 'isDisposable', 'isRole']],
      ['parsePersonName', lt.parsePersonName('Dr. John Q. Smith Jr.'), ['salutation', 'first', 'middle', 'last', 'suffix']],
      ['normalizeCompanyName', lt.normalizeCompanyName('ACME GMBH'), ['name', 'legalForm', 'key']],
      ['normalizeWebsite', lt.normalizeWebsite('shop.acme.co.uk/en'), ['url', 'domain']],
      ['classifyTitle', lt.classifyTitle('VP Marketing'), ['level', 'function', 'levels', 'functions', 'flags', 'matchedRules']],
    ];
    for (const [name, r, fields] of units) {
      const res = r as { value: Record<string, unknown> | null; confidence: number; issues: unknown[] };
      expect(res.value, name).not.toBeNull();
      expect(typeof res.confidence, name).toBe('number');
      expect(Array.isArray(res.issues), name).toBe(true);
      for (const f of fields) expect(res.value, `${name}.${f}`).toHaveProperty(f);
    }
    expect(lt.normalizeState('Calif.', { country: 'US' }).value).toMatchObject({ code: 'US-CA', country: 'US' });
    expect(lt.normalizeWebsite('shop.acme.co.uk/en').value!.domain).toBe('acme.co.uk');
  });

  test('cleanse, dedupe, matchAccounts, createAccountIndex, parseLeadFile', () => {
    const parsed = lt.parseLeadFile('Email,Company\na@acme.com,Acme\n', { filename: 'x.csv' });
    expect(Object.keys(parsed)).toEqual(expect.arrayContaining(['rows', 'headers', 'issues', 'meta']));
    const c = lt.cleanse(parsed, { accounts: [{ id: 'A1', name: 'Acme', website: 'acme.com' }], existing: [] });
    expect(Object.keys(c)).toEqual(expect.arrayContaining(['records', 'rejected', 'changes', 'clusters', 'accountMatches', 'issues', 'report']));
    const d = lt.dedupe(c.records);
    expect(Object.keys(d)).toEqual(expect.arrayContaining(['clusters', 'records', 'mergePlan']));
    const m = lt.matchAccounts(c.records, [{ id: 'A1', name: 'Acme', website: 'acme.com' }]);
    expect(m[0]).toMatchObject({ lead: 0, accountId: 'A1', method: expect.any(String), explanation: expect.any(String) });
    expect(typeof m[0]!.confidence).toBe('number');
    const index = lt.createAccountIndex([{ id: 'A1', name: 'Acme', website: 'acme.com' }]);
    expect(index.match(c.records[0]!).accountId).toBe('A1');
    expect(JSON.parse(JSON.stringify(index.toJSON()))).toBeTruthy();
  });
});
