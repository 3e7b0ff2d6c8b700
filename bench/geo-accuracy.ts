/**
 * Country resolution accuracy on Wikidata's country labels and aliases in many languages
 * (econandrew/sparql_queries, CC0; ../shared/data/geo/wikidata_country_aliases_econandrew.csv).
 * None of leadtidy's dictionaries were derived from this file: it is a held-out test set.
 *
 * Measures the default `normalizeCountry` (compact table) and `normalizeCountryFull` (every
 * CLDR language) side by side.
 *
 * Run: npx tsx bench/geo-accuracy.ts
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import countries from 'i18n-iso-countries';
import Papa from 'papaparse';
import { normalizeCountry, normalizeCountryFull, type CountryNormalizer } from '../src/normalize/country/index.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const FILE = path.resolve(ROOT, '../shared/data/geo/wikidata_country_aliases_econandrew.csv');

interface Row {
  iso2c: string;
  language: string;
  label: string;
  label_type: string;
}
const rows = Papa.parse<Row>(fs.readFileSync(FILE, 'utf8'), { header: true, skipEmptyLines: true }).data.filter((r) => r.label && r.iso2c);

// Labels Wikidata itself gives to several countries ("Congo", "Guinea") have no single right answer.
const codesByLabel = new Map<string, Set<string>>();
for (const r of rows) {
  let s = codesByLabel.get(r.label);
  if (!s) codesByLabel.set(r.label, (s = new Set()));
  s.add(r.iso2c);
}

interface Tally {
  n: number;
  resolved: number;
  correct: number;
  wrong: number;
  ambiguous: number;
}

function report(title: string, normalizeCountry: CountryNormalizer): void {
  const blank = (): Tally => ({ n: 0, resolved: 0, correct: 0, wrong: 0, ambiguous: 0 });
  const groups = new Map<string, Tally>();
  const baseline = new Map<string, Tally>();
  const wrongExamples = new Map<string, number>();
  const add = (m: Map<string, Tally>, key: string, f: (t: Tally) => void): void => {
    let t = m.get(key);
    if (!t) m.set(key, (t = blank()));
    f(t);
  };

  const distinct = new Set<string>();
  for (const r of rows) {
    const labelAmbiguous = (codesByLabel.get(r.label)?.size ?? 0) > 1;
    const dedupe = `${r.label}\u0000${r.iso2c}`;
    const first = !distinct.has(dedupe);
    distinct.add(dedupe);
    const res = normalizeCountry(r.label);
    const got = res.value?.code ?? null;
    const amb = res.issues.some((i) => i.code === 'country.ambiguous');
    const correct = got !== null && (got === r.iso2c || (labelAmbiguous && codesByLabel.get(r.label)!.has(got)));
    const i18n = countries.getAlpha2Code(r.label, 'en') ?? null;
    const keys = ['all rows', `label type: ${r.label_type}`, ...(first ? ['distinct (label, country)'] : [])];
    if (['en', 'de', 'fr', 'es', 'it', 'pt', 'nl'].includes(r.language)) keys.push('languages en/de/fr/es/it/pt/nl');
    for (const k of keys) {
      add(groups, k, (t) => {
        t.n++;
        if (got) t.resolved++;
        if (correct) t.correct++;
        if (got && !correct) t.wrong++;
        if (amb) t.ambiguous++;
      });
      add(baseline, k, (t) => {
        t.n++;
        if (i18n) t.resolved++;
        if (i18n === r.iso2c) t.correct++;
        if (i18n && i18n !== r.iso2c) t.wrong++;
      });
    }
    if (got && !correct && first) wrongExamples.set(`${r.label} (${r.language}) → ${got}, Wikidata ${r.iso2c}`, 1);
  }

  const pct = (a: number, b: number): string => `${((a / b) * 100).toFixed(1)}%`;
  console.log(`\n## ${title}: country accuracy on Wikidata labels (${rows.length.toLocaleString('en-US')} rows, ${distinct.size.toLocaleString('en-US')} distinct label/country pairs)`);
  console.log('| subset | rows | leadtidy resolved | leadtidy correct | leadtidy wrong | leadtidy ambiguous | i18n-iso-countries getAlpha2Code(en) resolved | its correct |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const [k, t] of groups) {
    const b = baseline.get(k)!;
    console.log(`| ${k} | ${t.n.toLocaleString('en-US')} | ${pct(t.resolved, t.n)} | ${pct(t.correct, t.n)} | ${pct(t.wrong, t.n)} | ${pct(t.ambiguous, t.n)} | ${pct(b.resolved, b.n)} | ${pct(b.correct, b.n)} |`);
  }
  const all = groups.get('all rows')!;
  console.log(`\nPrecision (correct / resolved): ${pct(all.correct, all.resolved)} (rows). "Correct" also accepts any country Wikidata gives the same label.`);
  console.log(`\nSample of wrong answers (${wrongExamples.size} distinct):`);
  for (const w of [...wrongExamples.keys()].slice(0, 25)) console.log(`- ${w}`);
}

report('normalizeCountry (default, compact table)', normalizeCountry);
report('normalizeCountryFull (full table)', normalizeCountryFull);
