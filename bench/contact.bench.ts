/**
 * Calls per second of the contact/company units on distinct generated values, with the raw
 * library they wrap (tldts) as the baseline. Every timed run gets its own slice of never-seen
 * values, so the units' memo caches never answer; one unit's data is alive at a time.
 * Run: npx tsx bench/contact.bench.ts
 */
import { parse } from 'tldts';
import { normalizeCompanyName } from '../src/normalize/company/index.js';
import { normalizeEmail } from '../src/normalize/email/index.js';
import { parsePersonName } from '../src/normalize/person-name/index.js';
import { normalizeWebsite } from '../src/normalize/website/index.js';
import { type Measurement, measure, pick, report, rng } from './lib.js';

const N = 50_000;
const RUNS = 5;
const WARMUP = 1;
const TOTAL = N * (RUNS + WARMUP);
const FIRST = ['john', 'Jane', 'MARIA', 'Hans', 'Anne-Marie', 'patrick', 'Li', 'José', 'Robert', 'Ahmed', 'Søren', 'Chloé'];
const LAST = ['Smith', 'MÜLLER', "o'neill", 'McDonald', 'van der Berg', 'de la Cruz', 'Nguyen', 'García', 'Kowalski', 'bin Salman'];
const WORDS = ['Acme', 'Global', 'Widgets', 'Systems', 'Nordic', 'Data', 'Solutions', 'Müller', 'Tech', 'Green', 'Blue', 'Labs', 'Partners'];
const FORMS = ['GmbH', 'Inc.', 'LLC', 'Ltd', 'S.A.', 'B.V.', 'Pty Ltd', 'AG', 'S.p.A.', 'Sp. z o.o.', 'plc', '', '', 'Corporation', 'Oy', 'AB'];
const DOMAINS = ['gmail.com', 'acme.com', 'gmial.com', 'example.co.uk', 'web.de', 'mailinator.com', 'corp.io', 'yahoo.fr'];
const TLDS = ['com', 'co.uk', 'de', 'io', 'com.au', 'fr', 'nl', 'net'];
/** A letters-only tag that makes every generated value distinct. */
const tag = (i: number) => i.toString(26).replace(/[0-9a-p]/g, (c) => 'abcdefghijklmnopqrstuvwxyz'[parseInt(c, 26)]!);

function gen(make: (r: () => number, i: number) => string): string[] {
  const r = rng(42);
  const out: string[] = new Array(TOTAL);
  for (let i = 0; i < TOTAL; i++) out[i] = make(r, i);
  return out;
}

function bench(name: string, data: readonly string[], f: (s: string) => unknown, note?: string): Measurement {
  let run = 0;
  return measure(
    name,
    N,
    () => {
      const start = (run++ % (RUNS + WARMUP)) * N;
      let last: unknown;
      for (let i = start; i < start + N; i++) last = f(data[i]!);
      return last;
    },
    { unit: 'calls', runs: RUNS, warmup: WARMUP, ...(note ? { note } : {}) },
  );
}

const ms: Measurement[] = [];
{
  const sites = gen((r, i) => pick(r, [`www.site${tag(i)}.${pick(r, TLDS)}/`, `https://shop.site${tag(i)}.${pick(r, TLDS)}/en?x=1`, `SITE${tag(i).toUpperCase()}.${pick(r, TLDS).toUpperCase()}`, `http://site${tag(i)}.${pick(r, TLDS)}`]));
  ms.push(bench('tldts.parse (raw library)', sites, (s) => parse(s).domain));
  ms.push(bench('normalizeWebsite', sites, (s) => normalizeWebsite(s).value, 'distinct hosts'));
}
{
  const emails = gen((r, i) => {
    const f = pick(r, FIRST).toLowerCase().replace(/[^a-z-]/g, '');
    const l = pick(r, LAST).toLowerCase().replace(/[^a-z]/g, '');
    return `${i % 7 === 0 ? ' ' : ''}${f}${pick(r, ['.', '_', '', '-'])}${l}${tag(i)}@${i % 3 === 0 ? pick(r, DOMAINS) : `co${tag(i)}.${pick(r, TLDS)}`}`;
  });
  ms.push(bench('normalizeEmail', emails, (s) => normalizeEmail(s).value, 'distinct addresses; 2/3 on never-seen domains (worst case for the per-domain memo)'));
  const sameDomains = gen((r, i) => `${pick(r, FIRST).toLowerCase().replace(/[^a-z]/g, '')}.${tag(i)}@co${i % 2000}.${pick(r, TLDS)}`);
  ms.push(bench('normalizeEmail (2,000 company domains)', sameDomains, (s) => normalizeEmail(s).value, 'distinct addresses, domains repeat as in a real file'));
}
{
  const names = gen((r, i) => {
    const f = pick(r, FIRST);
    const l = pick(r, LAST) + tag(i);
    return pick(r, [`${f} ${l}`, `${l}, ${f}`, `Dr. ${f} Q. ${l} Jr`, `${f.toUpperCase()} ${l.toUpperCase()}`, `${f} ${l}, PhD`]);
  });
  ms.push(bench('parsePersonName', names, (s) => parsePersonName(s).value, 'distinct names'));
}
{
  const companies = gen((r, i) => `${pick(r, WORDS)} ${pick(r, WORDS)}${tag(i)} ${pick(r, FORMS)}`.trim());
  ms.push(bench('normalizeCompanyName', companies, (s) => normalizeCompanyName(s).value, 'distinct names'));
}
report(`Contact and company units, ${N.toLocaleString('en-US')} distinct values per run, median of ${RUNS}`, ms, 'tldts.parse (raw library)');
