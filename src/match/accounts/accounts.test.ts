import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { LeadtidyError } from '../../core/errors.js';
import { emailRegistrableDomain } from '../../normalize/email/index.js';
import { ACCOUNTS, CASES } from './accounts.cases.js';
import {
  ACCOUNT_MATCH_DEPS,
  accountMatchFields,
  AccountsSectionSchema,
  summarizeAccountMatches,
  accountsFromRows,
  createAccountIndex,
  DEFAULT_ACCOUNTS_SECTION,
  loadAccountIndex,
  matchAccounts,
  resolveAccountsSection,
  searchAccounts,
} from './index.js';

const index = createAccountIndex(ACCOUNTS);

describe('matchAccounts: case table', () => {
  test.each(CASES)('$name', ({ lead, expected, method }) => {
    const m = index.match(lead);
    expect(m.accountId, m.explanation).toBe(expected);
    if (expected === null) {
      expect(m.method).toBe('none');
      expect(m.confidence).toBeLessThan(DEFAULT_ACCOUNTS_SECTION.floor);
    } else {
      expect(m.confidence).toBeGreaterThanOrEqual(DEFAULT_ACCOUNTS_SECTION.floor);
      expect(m.confidence).toBeLessThanOrEqual(1);
      if (method) expect(m.method).toBe(method);
    }
  });
});

describe('output shape', () => {
  test('lead index, candidates best first, explanation lists the evidence', () => {
    const out = matchAccounts(
      [{ company: 'Nobody Inc' }, { company: 'Siemens', email: 'x@gmail.com', country: 'US' }],
      ACCOUNTS,
    );
    expect(out.map((m) => m.lead)).toEqual([0, 1]);
    const m = out[1]!;
    expect(m.accountId).toBe('SIE-US');
    expect(m.parentId).toBe('SIE');
    expect(m.candidates[0]!.accountId).toBe('SIE-US');
    expect(m.candidates.map((c) => c.score)).toEqual([...m.candidates.map((c) => c.score)].sort((a, b) => b - a));
    expect(m.candidates.length).toBeGreaterThanOrEqual(2);
    expect(m.explanation).toContain('gmail.com is free mail');
    expect(m.explanation).toContain('name exact "siemens"');
    expect(m.explanation).toContain('country US');
    expect(m.evidence.map((e) => e.kind)).toEqual(['name_exact', 'country']);
  });

  test('a near miss below the floor still reports the candidate with its score', () => {
    const m = index.match({ company: 'Siemens Healthineers', email: 'x@gmail.com', country: 'DE' });
    expect(m.accountId).toBeNull();
    expect(m.candidates[0]?.accountId).toBe('SIE');
    expect(m.confidence).toBe(m.candidates[0]!.score);
    expect(m.explanation).toMatch(/below floor 0.75: SIE/);
  });
  test('a sector word the account lacks is a conflict; one only the account has is a qualifier', () => {
    const idx = createAccountIndex([{ id: 'P', name: 'Koninklijke Philips Electronics N.V.' }, { id: 'D', name: 'Delta Air Lines' }]);
    expect(idx.match({ company: 'N.V. Philips' }).accountId).toBe('P');
    expect(idx.match({ company: 'Philips Gloeilampenfabrieken' }).accountId).toBe('P');
    expect(idx.match({ company: 'Delta Dental' }).accountId).toBeNull();
    expect(idx.match({ company: 'Delta Dental Insurance' }).accountId).toBeNull();
  });

  test('an unbreakable tie lowers the confidence and says so', () => {
    const twins = createAccountIndex([
      { id: 'T1', name: 'Vantora Analytics' },
      { id: 'T2', name: 'Vantora Analytics Ltd' },
    ]);
    const m = twins.match({ company: 'Vantora Analytics' });
    expect(m.accountId).toBeNull();
    expect(m.evidence.some((e) => e.kind === 'ambiguous')).toBe(true);
    const loose = createAccountIndex(
      [
        { id: 'T1', name: 'Vantora Analytics' },
        { id: 'T2', name: 'Vantora Analytics Ltd' },
      ],
      { section: { ambiguityFactor: 1 } },
    );
    expect(loose.match({ company: 'Vantora Analytics' }).accountId).toBe('T1'); // deterministic: lowest id
  });

  test('the child tie-breaker prefers the subsidiary', () => {
    const child = createAccountIndex(ACCOUNTS, { section: { tieBreakers: ['child', 'largest'] } });
    expect(['SIE-US', 'SIE-BR']).toContain(child.match({ company: 'Siemens' }).accountId);
    const largest = createAccountIndex(ACCOUNTS, { section: { tieBreakers: ['largest'] } });
    expect(largest.match({ company: 'Siemens' }).accountId).toBe('SIE');
  });
});

describe('misspelt names', () => {
  const idx = createAccountIndex([
    { id: 'Q', name: 'Quillonera Robotics GmbH', country: 'DE' },
    { id: 'H', name: 'Halcyon Bay Analytics', country: 'US' },
    { id: 'W', name: 'Wrenfield Partners', country: 'GB' },
  ]);
  test.each([
    ['Quilloenra Robotics', 'Q', 'swap across a third'],
    ['Qiullonera Robotics', 'Q', 'swap near the start'],
    ['Quillonerra Robotics', 'Q', 'doubled letter'],
    ['Quilonera Robotics', 'Q', 'dropped letter'],
    ['Quillonexa Robotics', 'Q', 'one substitution'],
    ['Wrenfeild Partners', 'W', 'swap'],
  ] as const)('%s → %s (%s)', (company, id, _kind) => {
    expect(idx.match({ company, country: idx.get(id)!.country }).accountId).toBe(id);
  });
  test("a lead domain spelling the lead's own name contradicts a misspelling match, not an acronym", () => {
    expect(idx.match({ company: 'Wrenfeld Partners', email: 'jo@wrenfeld.co.uk', country: 'GB' }).accountId).toBeNull();
    expect(idx.match({ company: 'Wrenfeld Partners', email: 'jo@gmail.com', country: 'GB' }).accountId).toBe('W');
    const ibm = createAccountIndex([{ id: 'IBM', name: 'International Business Machines', country: 'US' }]);
    expect(ibm.match({ company: 'IBM', email: 'jo@ibm.com', country: 'US' }).accountId).toBe('IBM');
  });
  test('two substitutions in a short word are another company', () => {
    expect(idx.match({ company: 'Wrinfold Partners', country: 'GB' }).accountId).toBeNull();
  });
});

describe('evidence types', () => {
  const base = createAccountIndex([
    { id: 'K1', name: 'Kestrel Systems', country: 'US', state: 'TX', city: 'Austin', phone: '+1 512 555 0100', postalCode: '78701' },
    { id: 'K2', name: 'Kestrel Systems', country: 'US', state: 'WA', city: 'Seattle', phone: '+1 206 555 0100', postalCode: '98101' },
  ]);
  test.each([
    ['state', { company: 'Kestrel Systems', country: 'US', state: 'TX' }, 'K1'],
    ['city', { company: 'Kestrel Systems', city: 'seattle' }, 'K2'],
    ['phone prefix', { company: 'Kestrel Systems', phone: '+15125559999' }, 'K1'],
    ['postal code', { company: 'Kestrel Systems', postalCode: '98109' }, 'K2'],
  ] as const)('%s separates two accounts with the same name', (kind, lead, id) => {
    const m = base.match(lead);
    expect(m.accountId).toBe(id);
    expect(m.evidence.some((e) => e.kind.startsWith(kind.split(' ')[0]!))).toBe(true);
  });
  test('a country conflict costs points', () => {
    const m = base.match({ company: 'Kestrel Systems', country: 'DE' });
    expect(m.evidence.some((e) => e.kind === 'country_mismatch')).toBe(true);
    expect(m.candidates[0]!.score).toBeLessThan(0.93);
  });
  test('social-profile websites are no domain evidence', () => {
    const idx = createAccountIndex([{ id: 'L', name: 'Lumenor Analytics', website: 'https://www.linkedin.com/company/lumenor' }]);
    expect(idx.get('L')!.domains).toEqual([]);
    expect(idx.match({ company: 'Other Co', website: 'linkedin.com/company/other' }).accountId).toBeNull();
  });
  test('geography alone never matches', () => {
    expect(base.match({ company: 'Unrelated Co', country: 'US', state: 'TX', city: 'Austin' }).accountId).toBeNull();
  });
  test('account countries and states are normalised', () => {
    const a = index.get('BOW')!;
    expect([a.country, a.state, a.city]).toEqual(['US', 'CA', 'san francisco']);
  });
});

describe('index: add, serialize, reload', () => {
  test('add without rebuild; duplicate ids skipped; the token weights follow', () => {
    const idx = createAccountIndex([{ id: 'A', name: 'Northfield Logistics' }]);
    expect(idx.match({ company: 'Pinecrest Foods' }).accountId).toBeNull();
    expect(idx.add([{ id: 'B', name: 'Pinecrest Foods Inc.' }, { id: 'A', name: 'Dup' }])).toBe(1);
    expect(idx.size).toBe(2);
    expect(idx.match({ company: 'Pinecrest Foods' }).accountId).toBe('B');
    expect(idx.match({ company: 'Pinecrst Foods' }).accountId).toBe('B'); // fuzzy index extended after add
  });
  test('toJSON → JSON text → loadAccountIndex gives the same answers', () => {
    const copy = loadAccountIndex(JSON.parse(JSON.stringify(index)));
    for (const c of CASES) expect(copy.match(c.lead).accountId).toBe(index.match(c.lead).accountId);
    expect(copy.size).toBe(index.size);
  });
  test('loading something else throws LeadtidyError', () => {
    expect(() => loadAccountIndex({ format: 'nope' })).toThrow(LeadtidyError);
    expect(() => loadAccountIndex(null)).toThrow(LeadtidyError);
  });
  test('accounts without id are skipped, never throw', () => {
    const idx = createAccountIndex([{ id: '', name: 'X' }, null as never, { id: 7, name: 'Seven Seas Shipping' }]);
    expect(idx.size).toBe(1);
    expect(idx.match({ company: 'Seven Seas Shipping' }).accountId).toBe('7');
  });
});

describe('pack section', () => {
  test('schema accepts the default section and rejects unknown keys with a path', () => {
    expect(AccountsSectionSchema.safeParse(DEFAULT_ACCOUNTS_SECTION).success).toBe(true);
    expect(() => resolveAccountsSection({ weights: { domian: 1 } })).toThrow(/accounts\.weights/);
    expect(() => resolveAccountsSection({ tieBreakers: ['random'] })).toThrow(LeadtidyError);
  });
  test('pack synonyms, generic words and the floor are honoured', () => {
    const accts = [{ id: 'M', name: 'Meridian Arc Holdings' }];
    expect(matchAccounts([{ company: 'Zenith Partners' }], accts)[0]!.accountId).toBeNull();
    const pack = { accounts: { synonyms: [['Zenith Partners', 'Meridian Arc']] } };
    expect(matchAccounts([{ company: 'Zenith Partners' }], accts, { pack })[0]!.method).toBe('synonym');
    expect(matchAccounts([{ company: 'Meridian Arc' }], accts, { section: { floor: 1 } })[0]!.accountId).toBeNull();
    // "arc" as a generic word: "Arc Meridian" still matches on meridian
    expect(matchAccounts([{ company: 'Meridian Arc' }], accts, { section: { genericWords: ['arc'] } })[0]!.accountId).toBe('M');
  });
  test('compiled packs are read through resolved.accounts', () => {
    const m = matchAccounts([{ company: 'Acme' }], ACCOUNTS, { pack: { resolved: { accounts: { floor: 0.99 } } } });
    expect(m[0]!.accountId).toBeNull();
  });
  test('bad options throw', () => {
    expect(() => createAccountIndex(ACCOUNTS, 'x' as never)).toThrow(LeadtidyError);
    expect(() => createAccountIndex('x' as never)).toThrow(LeadtidyError);
  });
});

describe('accountsFromRows', () => {
  test('header variants, list columns, skipped and duplicate rows', () => {
    const { accounts, issues, mapping } = accountsFromRows([
      { 'Account ID': '001', 'Account Name': 'Acme', Website: 'acme.com', 'Other Domains': 'acme.de; acme.fr', 'Billing Country': 'DE', 'Parent Account ID': '', Notes: 'x' },
      { 'Account ID': '', 'Account Name': 'No Id' },
      { 'Account ID': '001', 'Account Name': 'Acme again' },
    ]);
    expect(accounts).toEqual([{ id: '001', name: 'Acme', website: 'acme.com', domains: ['acme.de', 'acme.fr'], country: 'DE' }]);
    expect(issues.map((i) => i.code)).toEqual(['account.skipped', 'account.duplicate_id']);
    expect(mapping['Billing Country']).toBe('country');
    expect(createAccountIndex(accounts).match({ email: 'x@acme.fr' }).accountId).toBe('001');
  });
  test('the documented plain columns', () => {
    const { accounts } = accountsFromRows([{ id: '9', name: 'Helixa', website: '', domains: 'helixa.io', country: 'US', state: 'CA', city: 'SF', phone: '+14155550100', parentId: '1' }]);
    expect(accounts[0]).toMatchObject({ id: '9', name: 'Helixa', domains: ['helixa.io'], parentId: '1' });
  });
  test('reserved header names cannot pollute', () => {
    const { accounts } = accountsFromRows([JSON.parse('{"id":"1","name":"A","__proto__":"x"}') as Record<string, unknown>]);
    expect(Object.getPrototypeOf(accounts[0])).toBe(Object.prototype);
  });
});

describe('searchAccounts (interactive)', () => {
  test('Fuse.js re-ranks index candidates', () => {
    expect(searchAccounts(index, 'siemns')[0]?.id).toMatch(/^SIE/);
    expect(searchAccounts(index, 'bank of the west')[0]?.id).toBe('BOW');
    expect(searchAccounts(index, '')).toEqual([]);
  });
});

describe('properties', () => {
  const leadArb = fc.record(
    {
      company: fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.constantFrom('Siemens', 'Bank of the West', '__proto__', 'constructor')),
      email: fc.oneof(fc.string(), fc.emailAddress()),
      website: fc.string(),
      country: fc.string({ maxLength: 4 }),
      state: fc.string({ maxLength: 4 }),
      city: fc.string(),
      phone: fc.string(),
      postalCode: fc.string(),
    },
    { requiredKeys: [] },
  );
  test('never throws; confidence in 0..1; accountId null or a known id', () => {
    fc.assert(
      fc.property(leadArb, (lead) => {
        const m = index.match(lead);
        expect(m.confidence).toBeGreaterThanOrEqual(0);
        expect(m.confidence).toBeLessThanOrEqual(1);
        if (m.accountId !== null) expect(index.get(m.accountId)).toBeDefined();
      }),
      { numRuns: 300 },
    );
  });
  test('long hostile strings', () => {
    const long = 'a'.repeat(50_000) + ' b'.repeat(10_000);
    expect(index.match({ company: long, email: long + '@' + long, website: long, city: long }).accountId).toBeNull();
  });
  test('arbitrary accounts never throw; each account finds itself by its own name and domain', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ id: fc.string({ minLength: 1 }), name: fc.string(), website: fc.string() }), { maxLength: 20 }), (accts) => {
        const idx = createAccountIndex(accts);
        for (const a of accts) idx.match({ company: a.name, website: a.website });
      }),
      { numRuns: 100 },
    );
  });
  test('deterministic: same input, same output', () => {
    const leads = CASES.map((c) => c.lead);
    expect(JSON.stringify(matchAccounts(leads, ACCOUNTS))).toBe(JSON.stringify(matchAccounts(leads, [...ACCOUNTS].reverse())));
  });
});

describe('caches only speed up', () => {
  const leads = [...CASES.map((c) => c.lead), ...CASES.map((c) => ({ ...c.lead, company: c.lead.company ? String(c.lead.company).toUpperCase() : c.lead.company }))];
  const fresh = (): ReturnType<typeof createAccountIndex> => createAccountIndex(ACCOUNTS);
  test.each([
    ['in order', (ls: typeof leads) => ls.map((_, i) => i)],
    ['in reverse order', (ls: typeof leads) => ls.map((_, i) => ls.length - 1 - i)],
    ['each twice, odd ones first', (ls: typeof leads) => [...ls.map((_, i) => i).filter((i) => i % 2 === 1), ...ls.map((_, i) => i)]],
  ])('answers matched %s equal a fresh index per lead', (_, order) => {
    const idx = fresh();
    const got: unknown[] = [];
    for (const i of order(leads)) got[i] = idx.match(leads[i]!, i);
    leads.forEach((l, i) => expect(JSON.stringify(got[i])).toBe(JSON.stringify(fresh().match(l, i))));
  });
  test('answers citing the same account share equal evidence values; each answer owns its evidence list', () => {
    const idx = fresh();
    const a = idx.match({ company: 'Siemens', email: 'jo@gmail.com', country: 'US' });
    const b = idx.match({ company: 'SIEMENS', country: 'US' });
    expect(a.accountId).not.toBeNull();
    expect(a.accountId).toBe(b.accountId);
    expect(a.evidence.some((e) => e.kind === 'country')).toBe(true);
    expect(a.evidence.filter((e) => e.kind === 'country')).toEqual(b.evidence.filter((e) => e.kind === 'country'));
    expect(a.evidence).not.toBe(b.evidence);
    expect(a.explanation.startsWith('email domain gmail.com is free mail: not used; ')).toBe(true);
  });
});

describe('built-in dependencies', () => {
  test('email domains, remembered per host, equal the email unit', () => {
    const hosts = fc.constantFrom('acme.com', 'gmail.com', 'ACME.co.uk ', ' x.de', 'bad host', '', 'sub.acme.com.', 'münchen.de', 'acme.com>');
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string({ maxLength: 8 }), fc.constantFrom('@', '@@', ' @', ''), hosts), { maxLength: 6 }), (mails) => {
        for (const [local, at, host] of mails) {
          const e = local + at + host;
          expect(ACCOUNT_MATCH_DEPS.emailDomain(e)).toBe(emailRegistrableDomain(e));
        }
      }),
      { numRuns: 500 },
    );
    const long = 'a'.repeat(600) + '@acme.com';
    expect(ACCOUNT_MATCH_DEPS.emailDomain(long)).toBe(emailRegistrableDomain(long));
    expect(ACCOUNT_MATCH_DEPS.emailDomain('jo@acme.com')).toBe('acme.com');
  });
});

describe('cleanse helpers', () => {
  test('record columns and report summary', () => {
    const leads = [{ email: 'jo@stripe.com' }, { company: 'Bank of the East' }, { company: 'Siemens Healthineers', country: 'DE' }, { company: 'Acme', country: 'US' }];
    const ms = matchAccounts(leads, ACCOUNTS);
    expect(accountMatchFields(ms[0]!)).toEqual({ accountId: 'STRIPE', accountMatchConfidence: '0.90', accountMatchMethod: 'domain', accountMatchExplanation: 'domain stripe.com +0.90' });
    expect(accountMatchFields(ms[1]!).accountId).toBeNull();
    expect(summarizeAccountMatches(ms)).toEqual({ leads: 4, matched: 2, rate: 0.5, byMethod: { domain: 1, name_exact: 1 }, nearMisses: 1, ambiguous: 0 });
  });
});
