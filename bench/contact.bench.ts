/**
 * Calls per second of the contact/company units on distinct generated values (memo caches
 * defeated: every value is new), with the raw libraries they wrap as baselines.
 * Run: npx tsx bench/contact.bench.ts
 */
import { parse } from 'tldts';
import { normalizeCompanyName } from '../src/normalize/company/index.js';
import { normalizeEmail } from '../src/normalize/email/index.js';
import { parsePersonName } from '../src/normalize/person-name/index.js';
import { normalizeWebsite } from '../src/normalize/website/index.js';
import { measure, pick, report, rng } from './lib.js';

const N = 100_000;
const r = rng(42);
const FIRST = ['john', 'Jane', 'MARIA', 'Hans', 'Anne-Marie', 'patrick', 'Li', 'José', 'Robert', 'Ahmed', 'Søren', 'Chloé'];
const LAST = ['Smith', 'MÜLLER', "o'neill", 'McDonald', 'van der Berg', 'de la Cruz', 'Nguyen', 'García', 'Kowalski', 'bin Salman'];
const WORDS = ['Acme', 'Global', 'Widgets', 'Systems', 'Nordic', 'Data', 'Solutions', 'Müller', 'Tech', 'Green', 'Blue', 'Labs', 'Partners'];
const FORMS = ['GmbH', 'Inc.', 'LLC', 'Ltd', 'S.A.', 'B.V.', 'Pty Ltd', 'AG', 'S.p.A.', 'Sp. z o.o.', 'plc', '', '', 'Corporation', 'Oy', 'AB'];
const DOMAINS = ['gmail.com', 'acme.com', 'gmial.com', 'example.co.uk', 'web.de', 'mailinator.com', 'corp.io', 'yahoo.fr'];
const TLDS = ['com', 'co.uk', 'de', 'io', 'com.au', 'fr', 'nl', 'net'];

const emails: string[] = [];
const names: string[] = [];
const companies: string[] = [];
const sites: string[] = [];
for (let i = 0; i < N; i++) {
  const f = pick(r, FIRST);
  const l = pick(r, LAST);
  const sep = pick(r, ['.', '_', '', '-']);
  emails.push(`${i % 7 === 0 ? ' ' : ''}${f.toLowerCase()}${sep}${l.replace(/\W/g, '').toLowerCase()}${i}@${i % 3 === 0 ? pick(r, DOMAINS) : `co${i}.${pick(r, TLDS)}`}`);
  names.push(pick(r, [`${f} ${l}${i % 50}`, `${l}${i % 50}, ${f}`, `Dr. ${f} Q. ${l}${i % 50} Jr`, `${f.toUpperCase()} ${l.toUpperCase()}${i % 50}`, `${f} ${l}${i % 50}, PhD`]) + (i >= 5000 ? ` ${i}`.replace(/\d/g, (d) => 'abcdefghij'[+d]!) : ''));
  companies.push(`${pick(r, WORDS)} ${pick(r, WORDS)}${i} ${pick(r, FORMS)}`.trim());
  sites.push(pick(r, [`www.site${i}.${pick(r, TLDS)}/`, `https://shop.site${i}.${pick(r, TLDS)}/en?x=1`, `SITE${i}.${pick(r, TLDS).toUpperCase()}`, `http://site${i}.${pick(r, TLDS)}`]));
}

const ms = [
  measure('tldts.parse (raw library, website hosts)', N, () => sites.map((s) => parse(s).domain), { unit: 'calls' }),
  measure('normalizeEmail', N, () => emails.map((s) => normalizeEmail(s).value), { unit: 'calls', runs: 3, warmup: 0, note: 'distinct addresses; domains repeat (memoized per domain)' }),
  measure('normalizeWebsite', N, () => sites.map((s) => normalizeWebsite(s).value), { unit: 'calls', runs: 3, warmup: 0, note: 'distinct hosts' }),
  measure('parsePersonName', N, () => names.map((s) => parsePersonName(s).value), { unit: 'calls', runs: 3, warmup: 0, note: 'distinct names' }),
  measure('normalizeCompanyName', N, () => companies.map((s) => normalizeCompanyName(s).value), { unit: 'calls', runs: 3, warmup: 0, note: 'distinct names' }),
];
report(`Contact and company units, ${N.toLocaleString('en-US')} distinct values each`, ms, 'tldts.parse (raw library, website hosts)');
