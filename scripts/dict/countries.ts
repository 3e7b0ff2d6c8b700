/**
 * Generates dictionaries/countries.json, dictionaries/country-aliases.json (every language) and
 * dictionaries/country-aliases-compact.json (the default `normalizeCountry`'s table: a subset of
 * the full keys, each resolving as in the full table; see COMPACT_LANGUAGES).
 *
 * Sources (all permissive): iso-3166 (wooorm, MIT) for codes and ISO short names;
 * cldr-localenames-full (Unicode-3.0) territory names incl. alt variants; i18n-iso-countries
 * (MIT) names in 78 languages; country-to-iso (MIT) alias keys; dictionaries/country-overrides.json
 * (hand-authored); cldr-core (Unicode-3.0, installed with cldr-localenames-full) territoryInfo for
 * each country's official languages. Run: npx tsx scripts/dict/countries.ts
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
const NM = path.join(ROOT, 'node_modules');
const version = (pkg: string): string => (require(`${pkg}/package.json`) as { version: string }).version;

type Tier = 1 | 2 | 3;
const index = new Map<string, Map<Tier, Set<string>>>();
const primary = new Map<string, Set<string>>(); // typo-eligible keys per code
const origins = new Map<string, Set<string>>(); // key → sources it came from ('iso', 'cldr:de', 'i18n:fr', 'cti', 'override')
let origin = 'iso';
// Official languages per country (CLDR territoryInfo): a country's names in its own
// languages (endonyms: 日本, Россия, Crna Gora) go into the compact table too.
const territoryInfo = (require('cldr-core/supplemental/territoryInfo.json') as {
  supplemental: { territoryInfo: Record<string, { languagePopulation?: Record<string, { _officialStatus?: string; _populationPercent?: string }> }> };
}).supplemental.territoryInfo;
const officialLanguages = (code: string): Set<string> =>
  new Set(
    Object.entries(territoryInfo[code]?.languagePopulation ?? {})
      .filter(([, p]) => /^(official|de_facto_official)$/.test(p._officialStatus ?? '') || Number(p._populationPercent ?? 0) >= 50)
      .map(([lang]) => lang.replace('_', '-')),
  );
const endonymKeys = new Set<string>();

function add(code: string, name: string, tier: Tier, isPrimary = false): void {
  const variants = [name];
  const comma = name.indexOf(',');
  if (comma > 0 && name.indexOf(',', comma + 1) < 0) variants.push(`${name.slice(comma + 1)} ${name.slice(0, comma)}`);
  for (const v of variants) {
    const k = placeKey(v);
    if (k.length < 2) continue;
    let o = origins.get(k);
    if (!o) origins.set(k, (o = new Set()));
    o.add(origin);
    const lang = origin.slice(origin.indexOf(':') + 1);
    if (origin.includes(':') && (officialLanguages(code).has(lang) || officialLanguages(code).has(lang.split('-')[0]!))) endonymKeys.add(k);
    let tiers = index.get(k);
    if (!tiers) index.set(k, (tiers = new Map()));
    let set = tiers.get(tier);
    if (!set) tiers.set(tier, (set = new Set()));
    set.add(code);
    if (isPrimary && /^[a-z]+$/.test(k) && k.length >= 5) {
      let p = primary.get(code);
      if (!p) primary.set(code, (p = new Set()));
      p.add(k);
    }
  }
}

// --- codes and ISO names --------------------------------------------------------
const countries = new Map<string, { code: string; alpha3: string; numeric: string; name: string; isoName: string }>();
for (const c of iso31661) {
  countries.set(c.alpha2, { code: c.alpha2, alpha3: c.alpha3, numeric: c.numeric, name: c.name, isoName: c.name });
}
countries.set('XK', { code: 'XK', alpha3: 'XKX', numeric: '', name: 'Kosovo', isoName: 'Kosovo' });
origin = 'iso';
for (const c of countries.values()) add(c.code, c.isoName, 1, true);

// --- CLDR territory names --------------------------------------------------------
const cldrDir = path.join(NM, 'cldr-localenames-full/main');
const MAJOR = new Set(('en de fr es it pt nl sv da nb nn no fi is pl cs sk hu ro bg el ru uk be tr ar he fa ur hi bn ' +
  'ja ko zh zh-Hant th vi id ms fil sw et lv lt sl hr sr sr-Latn bs mk sq ca eu gl ga cy mt af zu ' +
  'ta te mr gu kn ml pa ka hy az kk uz mn km lo my si ne am').split(' '));
const enTerr = readTerritories('en')!;
origin = 'cldr:en';
for (const [k, v] of Object.entries(enTerr)) {
  const code = k.slice(0, 2);
  if (!countries.has(code)) continue;
  if (!k.includes('-')) countries.get(code)!.name = v; // English common name for output
  add(code, v, 1, true);
}
let locales = 0;
for (const loc of fs.readdirSync(cldrDir)) {
  // Base languages and script variants only; regional variants repeat the base names.
  if (/-[A-Z0-9]{2,3}$/.test(loc) && !/^(zh-Hant|sr-Latn|bs-Cyrl|az-Cyrl|uz-Cyrl)$/.test(loc)) continue;
  if (loc === 'en' || loc === 'en-001') continue;
  const terr = readTerritories(loc);
  if (!terr) continue;
  locales++;
  const tier: Tier = MAJOR.has(loc) ? 2 : 3;
  origin = `cldr:${loc}`;
  const isPrimary = /^(de|fr|es|it|pt|nl)$/.test(loc);
  for (const [k, v] of Object.entries(terr)) {
    const code = k.slice(0, 2);
    if (!countries.has(code) || !/^[A-Z]{2}(-alt-\w+)?$/.test(k)) continue;
    add(code, v, tier, isPrimary);
  }
}
function readTerritories(loc: string): Record<string, string> | undefined {
  const f = path.join(cldrDir, loc, 'territories.json');
  if (!fs.existsSync(f)) return undefined;
  const j = JSON.parse(fs.readFileSync(f, 'utf8')) as { main: Record<string, { localeDisplayNames: { territories: Record<string, string> } }> };
  return Object.values(j.main)[0]?.localeDisplayNames.territories;
}

// --- i18n-iso-countries ----------------------------------------------------------
const langDir = path.join(NM, 'i18n-iso-countries/langs');
// Thaana (dv) names collide after normalization (GEO.md §6.1): left out.
const langs = fs.readdirSync(langDir).filter((f) => f.endsWith('.json') && f !== 'dv.json');
for (const f of langs) {
  const lang = f.replace('.json', '');
  origin = `i18n:${lang}`;
  const j = JSON.parse(fs.readFileSync(path.join(langDir, f), 'utf8')) as { countries: Record<string, string | string[]> };
  for (const [code, v] of Object.entries(j.countries)) {
    if (!countries.has(code)) continue;
    for (const name of Array.isArray(v) ? v : [v]) add(code, name, lang === 'en' ? 1 : 2, /^(en|de|fr|es|it|pt|nl)$/.test(lang));
  }
}

// --- country-to-iso alias keys ---------------------------------------------------
const cti = JSON.parse(fs.readFileSync(path.join(NM, 'country-to-iso/data/names.json'), 'utf8')) as Record<string, string>;
origin = 'cti';
for (const [name, code] of Object.entries(cti)) {
  if (!countries.has(code) || name.length <= 3) continue; // codes are handled separately
  add(code, name, 2, /^[A-Z]+$/.test(name));
}

// --- hand-authored overrides ------------------------------------------------------
interface Overrides {
  aliases: Record<string, string[]>;
  constituents: Record<string, string>;
  historical: Record<string, string>;
  ambiguous: Record<string, string[]>;
  notCountries: Record<string, string[]>;
  names: Record<string, string>;
  stateForms: string[];
  stateAffixes: { prefixes: string[]; suffixes: string[] };
}
const ov = JSON.parse(fs.readFileSync(path.join(ROOT, 'dictionaries/country-overrides.json'), 'utf8')) as Overrides;
for (const [code, name] of Object.entries(ov.names)) countries.get(code)!.name = name;
origin = 'override';
const forced = new Map<string, string>(); // key → code, beats every tier
for (const [code, names] of Object.entries(ov.aliases)) {
  for (const n of names) {
    add(code, n, 1, true);
    forced.set(placeKey(n), code);
  }
}
const constituents: Record<string, string> = {};
for (const [n, sub] of Object.entries(ov.constituents)) {
  constituents[placeKey(n)] = sub;
  forced.set(placeKey(n), sub.slice(0, 2));
  add(sub.slice(0, 2), n, 1, true);
}
const historical: Record<string, string> = {};
for (const [n, code] of Object.entries(ov.historical)) {
  historical[placeKey(n)] = code;
  forced.set(placeKey(n), code);
  add(code, n, 1, true);
}
const ambiguous: Record<string, string[]> = {};
for (const [n, codes] of Object.entries(ov.ambiguous)) ambiguous[placeKey(n)] = codes;
const notCountries: Record<string, string> = {};
for (const [kind, names] of Object.entries(ov.notCountries)) for (const n of names) notCountries[placeKey(n) || n.toLowerCase()] = kind;

// --- resolve ---------------------------------------------------------------------
const byCode = new Map<string, string[]>();
const collisions: string[] = [];
for (const [k, tiers] of index) {
  if (Object.prototype.hasOwnProperty.call(ambiguous, k) || Object.prototype.hasOwnProperty.call(notCountries, k)) continue;
  let code = forced.get(k);
  if (!code) {
    const best = tiers.get(1) ?? tiers.get(2) ?? tiers.get(3)!;
    if (best.size > 1) {
      const codes = [...best].sort();
      ambiguous[k] = codes;
      collisions.push(`${k} → ${codes.join('/')}`);
      continue;
    }
    code = [...best][0]!;
  }
  let list = byCode.get(code);
  if (!list) byCode.set(code, (list = []));
  list.push(k);
}

// Keys are joined with "|" per code: one long JSON string parses far faster than 30k array items.
const aliases: Record<string, { primary: string; other: string }> = {};
for (const code of [...countries.keys()].sort()) {
  const keys = (byCode.get(code) ?? []).sort();
  const p = primary.get(code) ?? new Set<string>();
  aliases[code] = { primary: keys.filter((k) => p.has(k)).join('|'), other: keys.filter((k) => !p.has(k)).join('|') };
}

const license = 'Unicode-3.0 (CLDR names) and MIT (iso-3166, i18n-iso-countries, country-to-iso, overrides)';
const src = `iso-3166@${version('iso-3166')} 1.js (codes, ISO short names) · cldr-localenames-full@${version('cldr-localenames-full')} territories.json, ${locales + 1} locales incl. alt variants · i18n-iso-countries@${version('i18n-iso-countries')} langs/*.json (${langs.length} languages) · country-to-iso@${version('country-to-iso')} data/names.json · dictionaries/country-overrides.json (hand-authored); keys built with placeKey() by scripts/dict/countries.ts, conflicts resolved by tier (overrides > ISO/English > major languages > other CLDR locales), unresolved conflicts kept as ambiguous`;

// Subdivision names a misspelled country must not be "corrected" into (Nevada ≠ Canada).
const confusables = new Set<string>();
for (const sd of iso31662) {
  if (!/^(US|CA|AU|IN|DE|BR|MX)$/.test(sd.parent)) continue;
  const k = placeKey(sd.name);
  if (k.length >= 4 && !index.has(k)) confusables.add(k);
}

// --- compact alias table -----------------------------------------------------------
// The default `normalizeCountry` binds a compact table (small enough for serverless bundles):
// codes, ISO/English names, country-to-iso aliases, the hand-written overrides and the
// names in COMPACT_LANGUAGES (the languages lead files arrive in, and each market's own
// language so that endonyms resolve). Every compact key resolves exactly as in the full table.
function compactAliases(langs: ReadonlySet<string>): Record<string, unknown> {
  const keep = (k: string): boolean => {
    const o = origins.get(k);
    if (!o || endonymKeys.has(k)) return true;
    for (const src of o) {
      if (src === 'iso' || src === 'cti' || src === 'override' || src === 'cldr:en' || src === 'i18n:en') return true;
      const lang = src.slice(src.indexOf(':') + 1);
      if (langs.has(lang) || langs.has(lang.split('-')[0]!)) return true;
    }
    return false;
  };
  const compact: Record<string, { primary: string; other: string }> = {};
  for (const [code, { primary: p, other }] of Object.entries(aliases)) {
    compact[code] = { primary: p.split('|').filter((k) => k && keep(k)).join('|'), other: other.split('|').filter((k) => k && keep(k)).join('|') };
  }
  return {
    source: `${src}; compact: keys from ISO/English, country-to-iso, overrides and the languages ${[...langs].join(' ')} (the full table is dictionaries/country-aliases.json)`,
    license,
    aliases: compact,
    ambiguous: Object.fromEntries(Object.entries(sortObj(ambiguous)).filter(([k]) => keep(k))),
    constituents,
    historical,
    notCountries: sortObj(notCountries),
    confusables: [...confusables].sort().join('|'),
    stateForms: ov.stateForms.map((w) => placeKey(w)).filter(Boolean),
    stateAffixes: { prefixes: ov.stateAffixes.prefixes.map((w) => placeKey(w)), suffixes: ov.stateAffixes.suffixes.map((w) => placeKey(w)) },
  };
}
// Latin-script European and other major business languages, and Russian. Other scripts
// cost 2-4 KB gzipped per language in a bundle (CJK, Arabic, Hebrew, Hindi, Thai: see
// bench/serverless.md); their countries' own names are in through the endonyms.
const COMPACT_LANGUAGES = new Set(
  (process.env.COMPACT_LANGUAGES ?? 'de fr es it pt nl sv da nb no fi pl cs hu ro tr ca et lv lt sl hr sr-Latn bs sk is ga cy id ms vi fil sw af ru').split(' '),
);

write('countries.json', {
  source: `iso-3166@${version('iso-3166')} 1.js (alpha-2/alpha-3/numeric, ISO short name) and cldr-localenames-full@${version('cldr-localenames-full')} en territories (English common name); XK added by hand; generated by scripts/dict/countries.ts`,
  license: 'MIT (iso-3166) and Unicode-3.0 (CLDR)',
  countries: [...countries.values()].sort((a, b) => a.code.localeCompare(b.code)),
});
write('country-aliases.json', { source: src, license, aliases, ambiguous: sortObj(ambiguous), constituents, historical, notCountries: sortObj(notCountries), confusables: [...confusables].sort().join('|'), stateForms: ov.stateForms.map((w) => placeKey(w)).filter(Boolean), stateAffixes: { prefixes: ov.stateAffixes.prefixes.map((w) => placeKey(w)), suffixes: ov.stateAffixes.suffixes.map((w) => placeKey(w)) } });
write('country-aliases-compact.json', compactAliases(COMPACT_LANGUAGES));
console.log(`countries ${countries.size}, keys ${index.size}, auto-ambiguous ${collisions.length}:\n  ${collisions.slice(0, 80).join('\n  ')}`);

function sortObj<T>(o: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
function write(name: string, data: unknown): void {
  const f = path.join(ROOT, 'dictionaries', name);
  fs.writeFileSync(f, `${JSON.stringify(data)}\n`);
  console.log(`wrote ${f} (${(fs.statSync(f).size / 1024).toFixed(0)} KB)`);
}
