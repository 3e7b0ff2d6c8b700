import fc from 'fast-check';
import { expect, test } from 'vitest';
import { normalizeCompanyName } from '../company/index.js';
import { normalizeEmail } from '../email/index.js';
import { parsePersonName } from '../person-name/index.js';
import { normalizeWebsite } from '../website/index.js';
const W = ['ACME', 'acme', 'GmbH', 'S.A.', '&', 'Ltd.', 'Pty', 'AB', 'OOO', 'n/a', ',', 'und', '(UK)', '(', ')', '"', "'", 'Dr.', 'van', 'de', 'JOHN', 'Jr', 'PhD', 'MA', 'A&B', '-', '@', '.com', 'www.', 'Co.', 'Inc', 'and', 'Müller', 'ß', 'İ', 'ǅ', 'ŉ'];
const any = fc.array(fc.constantFrom(...W), { maxLength: 9 }).chain((a) => fc.constantFrom(a.join(' '), a.join(''), a.join(', ')));
test('all four units: idempotent on shuffled name, form and punctuation pieces', () => {
  fc.assert(fc.property(any, (s) => {
    const e = normalizeEmail(s).value; if (e) expect(normalizeEmail(e.email).value?.email).toBe(e.email);
    const w = normalizeWebsite(s).value; if (w) expect(normalizeWebsite(w.url).value?.url).toBe(w.url);
    const c = normalizeCompanyName(s).value; if (c) { const c2 = normalizeCompanyName(c.name).value; expect(c2?.name).toBe(c.name); expect(c2?.key).toBe(c.key); }
    const nr = parsePersonName(s); const n = nr.value;
    if (n && n.first !== undefined && n.last !== undefined && !s.includes(',')) {
      const swapped = nr.issues.some((i) => i.code === 'name.swapped');
      const text = swapped ? `${n.last}, ${[n.salutation, n.first, n.middle].filter(Boolean).join(' ')}${n.suffix ? `, ${n.suffix}` : ''}` : [n.salutation, n.first, n.middle, n.last, n.suffix].filter(Boolean).join(' ');
      const n2 = parsePersonName(text).value; expect(n2?.first).toBe(n.first); expect(n2?.last).toBe(n.last);
    }
  }), { numRuns: 8000 });
}, 120000);
