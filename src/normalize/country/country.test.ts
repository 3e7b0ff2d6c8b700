import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import countries from '../../../dictionaries/countries.json' with { type: 'json' };
import aliases from '../../../dictionaries/country-aliases.json' with { type: 'json' };
import compact from '../../../dictionaries/country-aliases-compact.json' with { type: 'json' };
import { LeadtidyError } from '../../core/errors.js';
import { countryCases } from './country.cases.js';
import { BUILTIN_COUNTRY_DICTIONARIES, createCountryNormalizer, FULL_COUNTRY_DICTIONARIES, normalizeCountry, normalizeCountryFull, placeKey } from './index.js';

describe('normalizeCountry: table', () => {
  test('the table has at least 400 inputs', () => {
    expect(countryCases.length).toBeGreaterThanOrEqual(400);
  });
  test.each(countryCases)('%j → %s', (input, code, issueCode) => {
    const r = normalizeCountry(input);
    expect(r.value?.code ?? null).toBe(code);
    if (issueCode) expect(r.issues.map((i) => i.code)).toContain(issueCode);
    else if (code !== null) expect(r.issues.map((i) => i.code)).not.toContain('country.typo_corrected');
    if (code === null) expect(r.confidence).toBe(0);
  });
});

describe('normalizeCountry: every ISO country', () => {
  test.each(countries.countries.map((c) => [c.code, c.alpha3, c.name, c.isoName] as const))('%s / %s / %s / %s', (code, alpha3, name, isoName) => {
    // "NA" is read as N/A (a placeholder) far more often than as Namibia; "NAM" and "Namibia" resolve.
    if (code !== 'NA') {
      expect(normalizeCountry(code).value?.code).toBe(code);
      expect(normalizeCountry(code.toLowerCase()).value?.code).toBe(code);
    }
    expect(normalizeCountry(alpha3).value?.code).toBe(code);
    const byName = normalizeCountry(name);
    // A few English names are deliberately ambiguous in lead data (Georgia, Jersey, Guinea, Sudan, Samoa).
    if (byName.value) expect(byName.value.code).toBe(code);
    else expect(byName.issues[0]?.code).toBe('country.ambiguous');
    const byIso = normalizeCountry(isoName);
    if (byIso.value) expect(byIso.value.code).toBe(code);
    else expect(byIso.issues[0]?.code).toBe('country.ambiguous');
  });
});

describe('normalizeCountry: value shape and issues', () => {
  test('contract fields', () => {
    expect(normalizeCountry('U.S.A.').value).toMatchObject({ code: 'US', alpha3: 'USA', name: 'United States', isoName: 'United States of America', numeric: '840' });
    expect(normalizeCountry('Scotland').value).toMatchObject({ code: 'GB', subdivision: 'GB-SCT' });
  });
  test('ambiguous inputs list their candidates', () => {
    const r = normalizeCountry('Congo');
    expect(r.value).toBeNull();
    expect(r.issues[0]).toMatchObject({ code: 'country.ambiguous', severity: 'warning', data: { candidates: ['CG', 'CD'] } });
    expect(normalizeCountry('US/Canada').issues[0]?.data?.['candidates']).toEqual(['US', 'CA']);
  });
  test('typo correction lowers confidence and says so', () => {
    const r = normalizeCountry('Untied States');
    expect(r.value?.code).toBe('US');
    expect(r.confidence).toBeLessThan(1);
    expect(r.issues[0]?.message).toBe('Country "Untied States" read as United States (spelling corrected).');
  });
  test('typos can be switched off', () => {
    expect(normalizeCountry('Germnay', { typos: false }).value).toBeNull();
    expect(normalizeCountry('Germnay').value?.code).toBe('DE');
  });
  test('empty and non-string inputs give null without issues', () => {
    for (const v of ['', '   ', null, undefined, 42, {}, []]) {
      const r = normalizeCountry(v);
      expect(r.value).toBeNull();
      expect(r.issues).toEqual([]);
    }
  });
  test('bad options throw LeadtidyError', () => {
    expect(() => normalizeCountry('US', 'x' as never)).toThrow(LeadtidyError);
  });
  test('reserved keys from input do not reach prototypes', () => {
    for (const k of ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty']) {
      expect(normalizeCountry(k).value).toBeNull();
    }
  });
  test('custom dictionaries: the core factory takes them as data', () => {
    const mini = createCountryNormalizer({
      countries: { countries: [{ code: 'FR', alpha3: 'FRA', numeric: '250', name: 'France', isoName: 'France' }] },
      aliases: { aliases: { FR: { primary: 'france|hexagone', other: '' } }, ambiguous: {}, constituents: {}, historical: {}, notCountries: {}, confusables: '' },
    });
    expect(mini('Hexagone', { typos: false }).value?.code).toBe('FR');
    expect(mini('Hexagone').value?.code).toBe('FR');
    expect(mini('Germany').value).toBeNull();
  });
  test('dictionary keys are fixed points of placeKey', () => {
    const sample = Object.values(aliases.aliases).flatMap((a) => `${a.primary}|${a.other}`.split('|')).filter((k) => /^[a-z]+$/.test(k)).slice(0, 3000);
    for (const k of sample) expect(placeKey(k)).toBe(k);
  });
});

describe('normalizeCountry: properties', () => {
  test('never throws on arbitrary strings, and is idempotent on its output', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme', maxLength: 30 })), (s) => {
        const r = normalizeCountry(s);
        expect(r.confidence).toBeGreaterThanOrEqual(0);
        expect(r.confidence).toBeLessThanOrEqual(1);
        if (r.value) {
          expect(normalizeCountry(r.value.alpha3).value?.code).toBe(r.value.code);
          expect(normalizeCountry(r.value.name).value?.code ?? r.value.code).toBe(r.value.code);
        }
      }),
      { numRuns: 400 },
    );
  });
  test('long hostile input returns quickly', () => {
    const t0 = performance.now();
    for (const s of ['a'.repeat(100_000), ' '.repeat(50_000) + 'x', '(('.repeat(20_000), 'U.S.'.repeat(10_000), '/'.repeat(30_000)]) {
      expect(normalizeCountry(s).value).toBeNull();
    }
    expect(performance.now() - t0).toBeLessThan(500);
  });
  test('every resolved case is idempotent on code, alpha-3 and name', () => {
    for (const [input] of countryCases) {
      const v = normalizeCountry(input).value;
      if (!v) continue;
      if (v.code !== 'NA') expect(normalizeCountry(v.code).value?.code).toBe(v.code);
      expect(normalizeCountry(v.alpha3).value?.code).toBe(v.code);
    }
  });
});

describe('compact default table and full table', () => {
  test('the default normalizer binds the compact table, normalizeCountryFull the full one', () => {
    expect(BUILTIN_COUNTRY_DICTIONARIES.aliases).toBe(compact);
    expect(FULL_COUNTRY_DICTIONARIES.aliases).toBe(aliases);
    expect(JSON.stringify(compact).length).toBeLessThan(JSON.stringify(aliases).length / 4);
  });

  test.each(countryCases)('full table: %j → %s', (input, code, issueCode) => {
    const r = normalizeCountryFull(input);
    expect(r.value?.code ?? null).toBe(code);
    if (issueCode) expect(r.issues.map((i) => i.code)).toContain(issueCode);
  });

  test('every compact key is a full key naming the same country', () => {
    const full = new Map<string, string>();
    for (const [code, { primary, other }] of Object.entries(aliases.aliases)) for (const k of `${primary}|${other}`.split('|')) if (k) full.set(k, code);
    let n = 0;
    for (const [code, { primary, other }] of Object.entries(compact.aliases)) {
      for (const k of `${primary}|${other}`.split('|')) {
        if (!k) continue;
        n++;
        expect(full.get(k), k).toBe(code);
      }
      const fullPrimary = new Set(aliases.aliases[code as keyof typeof aliases.aliases].primary.split('|'));
      for (const k of primary.split('|')) if (k) expect(fullPrimary.has(k), k).toBe(true);
    }
    expect(n).toBeGreaterThan(5000);
    for (const k of Object.keys(compact.ambiguous)) expect(aliases.ambiguous).toHaveProperty([k]);
    expect(compact.notCountries).toEqual(aliases.notCountries);
    expect(compact.constituents).toEqual(aliases.constituents);
    expect(compact.historical).toEqual(aliases.historical);
    expect(compact.confusables).toBe(aliases.confusables);
  });

  test.each([
    // [input, compact, full]: endonyms and the major languages are in both; rarer languages only in the full table.
    ['Deutschland', 'DE', 'DE'],
    ['Германия', 'DE', 'DE'],
    ['Niemcy', 'DE', 'DE'],
    ['Saksa', 'DE', 'DE'],
    ['日本', 'JP', 'JP'],
    ['대한민국', 'KR', 'KR'],
    ['Crna Gora', 'ME', 'ME'],
    ['ประเทศไทย', 'TH', 'TH'],
    ['Ujerumani', 'DE', 'DE'],
    ['Yr Almaen', 'DE', 'DE'],
    ["A' Ghearmailt", null, 'DE'],
    ['Jamani', null, 'DE'],
    ['ドイツ', null, 'DE'],
    ['ألمانيا', null, 'DE'],
  ] as const)('%s: compact %s, full %s', (input, c, f) => {
    expect(normalizeCountry(input).value?.code ?? null).toBe(c);
    expect(normalizeCountryFull(input).value?.code ?? null).toBe(f);
  });

  test('a name both tables know gives the same result (random full keys)', () => {
    const keys = Object.values(compact.aliases).flatMap((a) => `${a.primary}|${a.other}`.split('|')).filter(Boolean);
    fc.assert(
      fc.property(fc.constantFrom(...keys), fc.constantFrom('', ' ', '.'), (k, pad) => {
        expect(normalizeCountry(k + pad)).toEqual(normalizeCountryFull(k + pad));
      }),
      { numRuns: 300 },
    );
  });
});
