/**
 * Accuracy of the contact/company units on public labelled data in ../shared/data:
 *  - cleanco_test_cases.csv: agreement of `base` (name without legal form) with cleanco's expected base name;
 *  - patstat_reference.csv: share of entities whose name variants collapse to one match key, and share of
 *    entities whose keys are not shared with any other entity;
 *  - names/person_labeled.xml: person-name parse accuracy (per name and per part) against probablepeople labels.
 * Run: npx tsx bench/contact-accuracy.ts [--verbose]
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { normalizeCompanyName } from '../src/normalize/company/index.js';
import { parsePersonName } from '../src/normalize/person-name/index.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DATA = path.resolve(ROOT, '../shared/data');
const verbose = process.argv.includes('--verbose');
const pct = (a: number, b: number) => `${((100 * a) / b).toFixed(1)}% (${a}/${b})`;

function csv(file: string): Record<string, string>[] {
  return Papa.parse<Record<string, string>>(readFileSync(path.join(DATA, file), 'utf8'), { header: true, skipEmptyLines: true }).data;
}

// --- cleanco ------------------------------------------------------------------------------
const cc = csv('companies/cleanco_test_cases.csv');
let agree = 0;
const misses: string[] = [];
for (const r of cc) {
  // Cases run by cleanco with middle=True get the same option here.
  const middle = (r.cleanco_kwargs ?? '').includes('middle=True');
  const got = normalizeCompanyName(r.input ?? '', { stripMiddle: middle }).value?.base ?? '';
  const want = (r.expected_basename ?? '').normalize('NFC');
  if (got.normalize('NFC') === want) agree++;
  else misses.push(`${JSON.stringify(r.input)} → ${JSON.stringify(got)} (cleanco ${JSON.stringify(want)})`);
}

// --- patstat ------------------------------------------------------------------------------
const ps = csv('companies/patstat_reference.csv');
const keysOf = new Map<string, Set<string>>();
const entitiesOfKey = new Map<string, Set<string>>();
for (const r of ps) {
  const id = r.leuven_id ?? '';
  const key = normalizeCompanyName(r.person_name ?? '').value?.key ?? '';
  if (!keysOf.has(id)) keysOf.set(id, new Set());
  keysOf.get(id)!.add(key);
  if (!entitiesOfKey.has(key)) entitiesOfKey.set(key, new Set());
  entitiesOfKey.get(key)!.add(id);
}
let collapsedCompact = 0;
{
  const ck = new Map<string, Set<string>>();
  for (const r of ps) {
    const id = r.leuven_id ?? '';
    if (!ck.has(id)) ck.set(id, new Set());
    ck.get(id)!.add(normalizeCompanyName(r.person_name ?? '').value?.compactKey ?? '');
  }
  for (const ks of ck.values()) if (ks.size === 1) collapsedCompact++;
}
let collapsed = 0;
let distinct = 0;
const split: string[] = [];
const merged: string[] = [];
for (const [id, keys] of keysOf) {
  if (keys.size === 1) collapsed++;
  else split.push(`${id}: ${[...keys].map((k) => JSON.stringify(k)).join(' | ')}`);
  if ([...keys].every((k) => entitiesOfKey.get(k)!.size === 1)) distinct++;
  else merged.push(`${id}: ${[...keys].filter((k) => entitiesOfKey.get(k)!.size > 1).join(' | ')}`);
}
// Pairwise view: of all same-entity name pairs, how many share a key.
const rowsById = new Map<string, string[]>();
for (const r of ps) {
  const id = r.leuven_id ?? '';
  if (!rowsById.has(id)) rowsById.set(id, []);
  rowsById.get(id)!.push(normalizeCompanyName(r.person_name ?? '').value?.key ?? '');
}
let pairs = 0;
let pairsSame = 0;
for (const ks of rowsById.values()) {
  for (let i = 0; i < ks.length; i++) for (let j = i + 1; j < ks.length; j++) {
    pairs++;
    if (ks[i] === ks[j]) pairsSame++;
  }
}

// --- person names -------------------------------------------------------------------------
type Part = 'first' | 'middle' | 'last' | 'salutation' | 'suffix';
const TAG: Record<string, Part | null> = {
  GivenName: 'first', FirstInitial: 'first', Surname: 'last', LastInitial: 'last', MiddleName: 'middle', MiddleInitial: 'middle',
  PrefixMarital: 'salutation', PrefixOther: 'salutation', SuffixGenerational: 'suffix', SuffixOther: 'suffix', Nickname: null, And: null,
};
const xml = readFileSync(path.join(DATA, 'names/person_labeled.xml'), 'utf8');
const decode = (s: string) => s.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'");
const norm = (s: string | undefined) => (s ?? '').toLowerCase().replace(/\./g, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
let names = 0;
let multiNames = 0;
let multiExact = 0;
let exact = 0;
let skippedMulti = 0;
const partTotal: Record<Part, number> = { first: 0, middle: 0, last: 0, salutation: 0, suffix: 0 };
const partOk: Record<Part, number> = { first: 0, middle: 0, last: 0, salutation: 0, suffix: 0 };
const nameMisses: string[] = [];
for (const m of xml.matchAll(/<Name>([\s\S]*?)<\/Name>/g)) {
  const body = m[1]!;
  if (body.includes('<And>')) {
    skippedMulti++;
    continue;
  }
  const want: Record<Part, string[]> = { first: [], middle: [], last: [], salutation: [], suffix: [] };
  const raw: string[] = [];
  for (const t of body.matchAll(/<(\w+)>([\s\S]*?)<\/\1>/g)) {
    const text = decode(t[2]!);
    raw.push(text);
    const part = TAG[t[1]!];
    if (part) want[part].push(text);
  }
  const input = raw.join(' ');
  const v = parsePersonName(input).value ?? {};
  const got: Record<Part, string> = {
    first: norm(v.first),
    middle: norm(v.middle),
    last: norm(v.last),
    salutation: norm(v.salutation),
    suffix: norm([v.suffix, v.credentials].filter(Boolean).join(' ')),
  };
  names++;
  let all = true;
  for (const p of Object.keys(partTotal) as Part[]) {
    const w = norm(want[p].join(' '));
    if (w === '' && got[p] === '') continue;
    partTotal[p]++;
    // Salutation spellings differ (Mr vs Mr.): compare normalized text.
    if (w === got[p]) partOk[p]++;
    else all = false;
  }
  if (want.first.length + want.middle.length + want.last.length > 1) {
    multiNames++;
    if (all) multiExact++;
  }
  if (all) exact++;
  else if (nameMisses.length < 400 && input.includes(' ')) nameMisses.push(`${JSON.stringify(input)} → ${JSON.stringify(v)}`);
}

console.log('## Contact and company accuracy (shared data)\n');
console.log('| measure | result |');
console.log('|---|---|');
console.log(`| cleanco base-name agreement (cleanco_test_cases.csv) | ${pct(agree, cc.length)} |`);
console.log(`| patstat entities whose variants collapse to one key | ${pct(collapsed, keysOf.size)} |`);
console.log(`| patstat entities whose variants collapse to one compactKey | ${pct(collapsedCompact, keysOf.size)} |`);
console.log(`| patstat entities whose keys are not shared with another entity | ${pct(distinct, keysOf.size)} |`);
console.log(`| patstat same-entity name pairs with equal keys | ${pct(pairsSame, pairs)} |`);
console.log(`| person_labeled.xml names parsed exactly (all parts) | ${pct(exact, names)} (${skippedMulti} multi-person names skipped) |`);
console.log(`| … of which names with two or more name words | ${pct(multiExact, multiNames)} |`);
for (const p of Object.keys(partTotal) as Part[]) console.log(`| person_labeled.xml ${p} correct | ${pct(partOk[p], partTotal[p])} |`);
if (verbose) {
  console.log('\ncleanco disagreements:\n' + misses.join('\n'));
  console.log('\npatstat split entities:\n' + split.join('\n'));
  console.log('\npatstat keys shared across entities:\n' + merged.join('\n'));
  console.log('\nname misses (first 400):\n' + nameMisses.join('\n'));
}
