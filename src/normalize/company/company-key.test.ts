import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { COMPANY_CASES } from './company.cases.js';
import { createCompanyKeyNormalizer } from './company-key.js';
import { COMPANY_DICTIONARIES, normalizeCompanyName } from './index.js';

const companyKey = createCompanyKeyNormalizer(COMPANY_DICTIONARIES, (name) => normalizeCompanyName(name));

/** What the key-only normalizer replaces: the full normalizer without recasing, recased when only legal forms are left. */
function viaFull(name: string): { key: string; compactKey: string } | null {
  let v = normalizeCompanyName(name, { recase: false }).value;
  if (v && (v.base === '' || v.base.startsWith(' '))) v = normalizeCompanyName(name).value;
  return v ? { key: v.key, compactKey: v.compactKey } : null;
}

const NAMES = [
  'Acme',
  'The Procter & Gamble Company',
  'PROCTER AND GAMBLE CO.',
  'Akzo Nobel N.V.',
  'N.V. Philips Gloeilampenfabrieken',
  'Müller & Söhne GmbH & Co. KG',
  'Acme Ltd (UK)',
  'UG (haftungsbeschränkt)',
  'Acme (Pty) Ltd',
  'Ltd',
  'GmbH (Deutschland)',
  '"Acme, Inc."',
  '«Romashka» OOO',
  'OOO Romashka',
  'PT Astra',
  'SAP',
  'SAP SE',
  'A & B',
  'Akzo Nobel NV Arnhem',
  'Łódź Ørsted A/S',
  'İSTANBUL HOLDİNG A.Ş.',
  'n/a',
  '---',
  '',
  '   ',
  'Unilever NV, NL',
  'Hello Oy World Ab',
];

describe('createCompanyKeyNormalizer table', () => {
  test.each([...NAMES, ...COMPANY_CASES.map((c) => c.input)].map((s) => [JSON.stringify(s).slice(0, 80), s] as const))('%s', (_, s) => {
    expect(companyKey(s)).toEqual(viaFull(s));
    expect(companyKey(s)?.key ?? null).toBe(normalizeCompanyName(s).value?.key ?? null);
  });
  test('examples', () => {
    expect(companyKey('The Procter & Gamble Company')).toEqual({ key: 'procter gamble', compactKey: 'proctergamble' });
    expect(companyKey('n/a')).toBeNull();
    expect(companyKey(5 as never)).toBeNull();
  });
});

describe('createCompanyKeyNormalizer properties', () => {
  const words = ['ACME', 'Müller', 'the', 'Co', 'GmbH', 'S.A.', '&', 'Ltd.', 'Pty', 'AB', 'OOO', 'Holding', 'und', 'Widgets', 'N.V.', 'Oy', 'PT', '(UK)', '(Pty)', '"', '«', '»', ',', 'Inc', 'SAP', 'of', 'Sp.', 'z', 'o.o.', 'İ', 'ß'];
  const names = fc.oneof(
    fc.string(),
    fc.string({ unit: 'binary' }),
    fc.array(fc.constantFrom(...words), { maxLength: 7 }).map((a) => a.join(' ')),
    fc.array(fc.constantFrom(...words, ''), { maxLength: 7 }).map((a) => a.join('')),
  );
  test('same key as the full normalizer', () => {
    fc.assert(
      fc.property(names, (s) => {
        expect(companyKey(s)).toEqual(viaFull(s));
        expect(companyKey(s)?.key ?? null).toBe(normalizeCompanyName(s).value?.key ?? null);
      }),
      { numRuns: 3000 },
    );
  });
});
