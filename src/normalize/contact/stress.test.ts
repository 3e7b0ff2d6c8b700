import fc from 'fast-check';
import { expect, test } from 'vitest';
import { normalizeCompanyName } from '../company/index.js';
import { normalizeEmail } from '../email/index.js';
import { parsePersonName } from '../person-name/index.js';
import { normalizeWebsite } from '../website/index.js';
const any = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), fc.emailAddress(), fc.webUrl(), fc.array(fc.constantFrom('JOHN', 'smith', 'Dr.', 'van', 'GmbH', '&', 'Ltd', ',', '"x"', '(A)', 'Jr', 'PhD', '@', '.com', 'www.'), { maxLength: 8 }).map((a) => a.join(' ')));
test('all four units: no throw and idempotent on mixed hostile input', () => {
  fc.assert(fc.property(any, (s) => {
    const e = normalizeEmail(s).value; if (e) expect(normalizeEmail(e.email).value?.email).toBe(e.email);
    const w = normalizeWebsite(s).value; if (w) expect(normalizeWebsite(w.url).value?.url).toBe(w.url);
    const c = normalizeCompanyName(s).value; if (c) { const c2 = normalizeCompanyName(c.name).value; expect(c2?.name).toBe(c.name); expect(c2?.key).toBe(c.key); }
    const nr = parsePersonName(s);
    const n = nr.value;
    if (n && n.first !== undefined && n.last !== undefined && !s.includes(',')) {
      const swapped = nr.issues.some((i) => i.code === 'name.swapped');
      const text = swapped
        ? `${n.last}, ${[n.salutation, n.first, n.middle].filter(Boolean).join(' ')}${n.suffix ? `, ${n.suffix}` : ''}`
        : [n.salutation, n.first, n.middle, n.last, n.suffix].filter(Boolean).join(' ');
      const n2 = parsePersonName(text).value;
      expect(n2?.first).toBe(n.first); expect(n2?.last).toBe(n.last);
    }
  }), { numRuns: 5000 });
}, 120000);

test('regressions found by the stress property', () => {
  for (const s of ['0":\'', '& .com JOHN', '(A) .com JOHN', '"Bob" "Bob" "Bob" JOHN "Bob"', '!(A)$', 'ῒ', '一ıؠ', '𤋮ẙ', '& & JOHN &', 'JOHN JOHN PhD', 'JOHN and JOHN', 's a']) {
    const c = normalizeCompanyName(s).value;
    if (c) expect(normalizeCompanyName(c.name).value?.name).toBe(c.name);
    const n = parsePersonName(s).value;
    if (n?.first !== undefined && n.last !== undefined) {
      expect(parsePersonName([n.first, n.middle, n.last].filter(Boolean).join(' ')).value?.first).toBe(n.first);
    }
  }
});
