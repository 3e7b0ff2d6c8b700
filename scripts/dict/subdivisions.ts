/**
 * Generates dictionaries/subdivisions.json: ISO 3166-2 first-level subdivisions of every
 * country (plus provinces/departments/counties for IT, ES, FR, IE), each with its lookup keys.
 *
 * Sources: iso-3166 (wooorm, MIT) 2.js for codes, parents and local names;
 * cldr-subdivisions-full (Unicode-3.0) English names; dictionaries/subdivision-overrides.json
 * (hand-authored abbreviations, legacy codes, exonyms). Run: npx tsx scripts/dict/subdivisions.ts
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { iso31661 } from 'iso-3166/1.js';
import { iso31662 } from 'iso-3166/2.js';
import { placeKey } from '../../src/normalize/country/key.js';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const version = (pkg: string): string => (require(`${pkg}/package.json`) as { version: string }).version;

const cldr = (
  JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules/cldr-subdivisions-full/subdivisions/en/en.json'), 'utf8')) as {
    subdivisions: { localeDisplayNames: { subdivisions: Record<string, string> } };
  }
).subdivisions.localeDisplayNames.subdivisions;

interface Overrides {
  aliases: Record<string, Record<string, string[]>>;
  preferredForCodes: string[];
  b2bCountries: string[];
  genericWords: string[];
  names: Record<string, string>;
  noGlobal: string[];
}
const ov = JSON.parse(fs.readFileSync(path.join(ROOT, 'dictionaries/subdivision-overrides.json'), 'utf8')) as Overrides;

const FOOTNOTE = /[¹²³⁴⁵⁶⁷⁸⁹⁰]+/g;
const LEVEL2 = new Set(['IT', 'ES', 'FR', 'IE']);
interface Entry {
  code: string; // without the country
  name: string; // display name (English where CLDR has one)
  local: string; // ISO name
  level: 1 | 2;
  parent?: string;
  codeKeys: Set<string>;
  nameKeys: Set<string>;
}
const byCountry = new Map<string, Map<string, Entry>>();

function nameVariants(name: string): string[] {
  const out = [name];
  const noParen = name.replace(/\s*\([^)]*\)\s*/g, ' ').trim();
  if (noParen !== name) out.push(noParen);
  const inner = /\(([^)]+)\)/.exec(name);
  if (inner?.[1]) out.push(inner[1]);
  const comma = noParen.indexOf(',');
  if (comma > 0) {
    out.push(noParen.slice(0, comma)); // "Asturias, Principado de" → "Asturias"; "Valle d'Aosta, Vallée d'Aoste" → both
    const rest = noParen.slice(comma + 1).trim();
    out.push(`${rest} ${noParen.slice(0, comma)}`);
    if (rest.split(' ').length > 1 && !/ (de|del|la|of)$/i.test(rest)) out.push(rest);
  }
  return out;
}

for (const s of iso31662) {
  const country = s.code.slice(0, 2);
  const level = s.parent.length === 2 ? 1 : LEVEL2.has(country) && s.parent.length > 2 ? 2 : 0;
  if (level === 0) continue;
  let m = byCountry.get(country);
  if (!m) byCountry.set(country, (m = new Map()));
  const suffix = s.code.slice(3);
  const rawEn = cldr[s.code.toLowerCase().replace('-', '')];
  const en = rawEn?.replace(FOOTNOTE, '');
  const e: Entry = { code: suffix, name: en ?? s.name, local: s.name, level: level as 1 | 2, codeKeys: new Set([suffix.toLowerCase()]), nameKeys: new Set() };
  if (level === 2) e.parent = s.parent;
  for (const n of [s.name, ...(en ? [en] : [])]) for (const v of nameVariants(n)) {
    const k = placeKey(v);
    if (k.length >= 2) e.nameKeys.add(k);
  }
  m.set(suffix, e);
}

for (const [full, name] of Object.entries(ov.names)) {
  const e = byCountry.get(full.slice(0, 2))?.get(full.slice(3));
  if (!e) throw new Error(`name override for unknown subdivision ${full}`);
  e.name = name;
  e.nameKeys.add(placeKey(name));
}

let aliasCount = 0;
for (const [country, subs] of Object.entries(ov.aliases)) {
  const m = byCountry.get(country);
  if (!m) throw new Error(`override for unknown country ${country}`);
  for (const [code, names] of Object.entries(subs)) {
    const e = m.get(code);
    if (!e) throw new Error(`override for unknown subdivision ${country}-${code}`);
    for (const n of names) {
      const k = placeKey(n);
      if (!k) continue;
      // Short dotted or upper-case forms ("Calif.", "NSW", "PQ") act as codes too.
      if (k.length <= 4 && /^[A-Z.\s&-]+$|\.$/.test(n)) e.codeKeys.add(k);
      else e.nameKeys.add(k);
      aliasCount++;
    }
  }
}

// Output: per country, per code: [name, local, level, parent, codeKeys, nameKeys] packed as strings.
const out: Record<string, Record<string, string>> = {};
let total = 0;
for (const country of [...byCountry.keys()].sort()) {
  const rec: Record<string, string> = {};
  for (const e of [...byCountry.get(country)!.values()].sort((a, b) => a.code.localeCompare(b.code))) {
    for (const k of e.codeKeys) e.nameKeys.delete(k);
    rec[e.code] = [e.name, e.local === e.name ? '' : e.local, String(e.level), e.parent ?? '', [...e.codeKeys].join('|'), [...e.nameKeys].sort().join('|')].join('\t');
    total++;
  }
  out[country] = rec;
}

// Subdivision codes that are also ISO 3166-1 alpha-2 codes ("CA", "IN", "DE", "NL", "SA", "BA"):
// in a country column they may be a state typed in the wrong field (GEO.md §6.5).
const alpha2 = new Set(iso31661.map((c) => c.alpha2));
const collisions: Record<string, string[]> = {};
for (const cc of ['US', 'CA', 'AU', 'BR', 'IN', 'MX', 'DE']) {
  collisions[cc] = [...byCountry.get(cc)!.values()].map((e) => e.code).filter((c) => c.length === 2 && alpha2.has(c)).sort();
}
const cf = path.join(ROOT, 'dictionaries/state-country-collisions.json');
fs.writeFileSync(
  cf,
  `${JSON.stringify({ source: `iso-3166@${version('iso-3166')} 1.js and 2.js: subdivision codes of ${Object.keys(collisions).join('/')} that equal an ISO 3166-1 alpha-2 code; generated by scripts/dict/subdivisions.ts`, license: 'MIT', collisions }, null, 1)}\n`,
);
console.log(`wrote ${cf}: ${Object.values(collisions).flat().length} colliding codes`);

const f = path.join(ROOT, 'dictionaries/subdivisions.json');
fs.writeFileSync(
  f,
  `${JSON.stringify({
    source: `iso-3166@${version('iso-3166')} 2.js (ISO 3166-2 codes, parents, local names; first level for all countries, second level for ${[...LEVEL2].join('/')}) · cldr-subdivisions-full@${version('cldr-subdivisions-full')} subdivisions/en (English names) · dictionaries/subdivision-overrides.json (hand-authored aliases); keys built with placeKey() by scripts/dict/subdivisions.ts. Each entry: name, local name, level, parent, code keys, name keys (tab-separated; keys joined by "|")`,
    license: 'MIT (iso-3166, overrides) and Unicode-3.0 (CLDR)',
    preferredForCodes: ov.preferredForCodes,
    b2bCountries: ov.b2bCountries,
    noGlobal: ov.noGlobal,
    genericWords: ov.genericWords.map((w) => placeKey(w)),
    subdivisions: out,
  })}\n`,
);
console.log(`wrote ${f} (${(fs.statSync(f).size / 1024).toFixed(0)} KB): ${total} subdivisions in ${byCountry.size} countries, ${aliasCount} hand aliases`);
