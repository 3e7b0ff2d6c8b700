import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { LeadtidyError } from '../../core/errors.js';
import { expectCase } from '../_testkit/cases.js';
import { normalizeWebsite, registrableDomain } from './index.js';
import { WEBSITE_CASES } from './website.cases.js';

describe('normalizeWebsite table', () => {
  test.each(WEBSITE_CASES.map((c) => [JSON.stringify(c.input).slice(0, 80), c] as const))('%s', (_, c) => {
    expectCase(normalizeWebsite(c.input, c.options), c.expected);
  });
});

describe('normalizeWebsite edge cases', () => {
  test('bad options throw, bad data does not', () => {
    expect(() => normalizeWebsite('acme.com', { defaultScheme: 'ftp' as never })).toThrow(LeadtidyError);
    expect(normalizeWebsite(null).value).toBeNull();
  });
  test('registrableDomain joins URLs, hosts and emails on one key', () => {
    expect(registrableDomain('https://www.acme.com/about')).toBe('acme.com');
    expect(registrableDomain('jane@mail.acme.co.uk')).toBe('acme.co.uk');
    expect(registrableDomain('shop.acme.co.uk')).toBe('acme.co.uk');
    expect(registrableDomain('not a site')).toBeNull();
  });
  test('long hostile input is fast', () => {
    const t0 = Date.now();
    for (const s of ['a.'.repeat(100_000), 'http://' + '/'.repeat(100_000), 'x'.repeat(200_000) + '.com', ':'.repeat(100_000), '!'.repeat(100_000) + 'x', 'a.com/' + '!'.repeat(100_000) + 'x', ' '.repeat(100_000) + 'x']) {
      normalizeWebsite(s);
      registrableDomain(s);
    }
    expect(Date.now() - t0).toBeLessThan(1000);
  });
});

describe('normalizeWebsite properties', () => {
  test('never throws', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.webUrl(), fc.domain()), (s) => {
        const r = normalizeWebsite(s);
        if (r.value) expect(r.value.url.startsWith('http')).toBe(true);
      }),
      { numRuns: 1500 },
    );
  });
  test('idempotent on its own output', () => {
    fc.assert(
      fc.property(fc.oneof(fc.webUrl({ withQueryParameters: true, withFragments: true }), fc.domain(), fc.string({ unit: 'binary' })), (s) => {
        const a = normalizeWebsite(s).value;
        if (a === null) return;
        const b = normalizeWebsite(a.url).value;
        expect(b?.url).toBe(a.url);
        expect(b?.domain).toBe(a.domain);
      }),
      { numRuns: 1500 },
    );
  });
});
