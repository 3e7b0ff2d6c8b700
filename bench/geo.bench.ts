/**
 * Geography and phone normalizer throughput on generated lead-file values, next to the raw
 * libraries on the same inputs in the same run.
 *
 * - "repeated": 200,000 calls drawn (Zipf-like) from a pool of a few hundred values, as a
 *   country or state column repeats in a real file.
 * - "distinct": 200,000 different strings (names, codes and aliases with random casing,
 *   spacing and punctuation), more than the memo holds, so every call does the full work.
 *
 * Run: npx tsx bench/geo.bench.ts
 */
import countriesLib from 'i18n-iso-countries';
import { parsePhoneNumberFromString } from 'libphonenumber-js/min';
import countries from '../dictionaries/countries.json' with { type: 'json' };
import { countryCases } from '../src/normalize/country/country.cases.js';
import { createCountryNormalizer, BUILTIN_COUNTRY_DICTIONARIES } from '../src/normalize/country/index.js';
import { createPhoneNormalizer, BUILTIN_PHONE_DICTIONARIES } from '../src/normalize/phone/index.js';
import { createPostalNormalizer, BUILTIN_POSTAL_DICTIONARIES } from '../src/normalize/postal/index.js';
import { stateCases } from '../src/normalize/state/state.cases.js';
import { createStateNormalizer, BUILTIN_STATE_DICTIONARIES } from '../src/normalize/state/index.js';
import { measure, pick, report, rng, type Measurement } from './lib.js';

const N = 200_000;
const r = rng(20260301);

// --- inputs --------------------------------------------------------------------------------
type Labeled = { s: string; code: string | null };
const countryPool: Labeled[] = [
  ...countryCases.map(([s, code]) => ({ s, code })),
  ...countries.countries.flatMap((c) => [
    { s: c.name, code: c.code },
    { s: c.alpha3, code: c.code },
    { s: c.code, code: c.code },
  ]),
];
// Lead files are dominated by a few countries: weight US/GB/DE/CA/… variants heavily.
const heavy: Labeled[] = ['US', 'USA', 'United States', 'U.S.A.', 'United States of America', 'usa', 'UK', 'United Kingdom', 'Germany', 'Deutschland', 'Canada', 'France', 'India', 'Australia', 'Netherlands']
  .map((s) => ({ s, code: countryCases.find(([x]) => x === s)?.[1] ?? null }));
function zipf(pool: readonly Labeled[], n: number, heavy: readonly Labeled[]): Labeled[] {
  const out: Labeled[] = [];
  for (let i = 0; i < n; i++) {
    const u = r();
    out.push(u < 0.6 ? pick(r, heavy) : pool[Math.floor(Math.pow(r(), 2) * pool.length)]!);
  }
  return out;
}
function mangle(s: string): string {
  let t = '';
  for (const ch of s) t += r() < 0.3 ? (r() < 0.5 ? ch.toUpperCase() : ch.toLowerCase()) : ch;
  const pad = (k: number): string => ' '.repeat(k);
  if (r() < 0.5) t = pad(1 + Math.floor(r() * 3)) + t;
  if (r() < 0.5) t += pad(1 + Math.floor(r() * 3));
  if (r() < 0.2) t += '.';
  return t;
}
function distinct(pool: readonly Labeled[], n: number): Labeled[] {
  const seen = new Set<string>();
  const out: Labeled[] = [];
  // Short values ("US") have few spellings; longer ones supply most of the distinct strings.
  while (out.length < n) {
    const x = pick(r, pool);
    for (let tries = 0; tries < 4; tries++) {
      const s = mangle(x.s);
      if (seen.has(s)) continue;
      seen.add(s);
      out.push({ s, code: x.code });
      break;
    }
  }
  return out;
}

const statePool: Labeled[] = stateCases.map(([s, c, code]) => ({ s: c ? `${s}` : s, code }));
const heavyStates: Labeled[] = ['CA', 'NY', 'TX', 'California', 'New York', 'Texas', 'FL', 'IL', 'MA', 'Ontario', 'ON', 'NSW', 'Bayern', 'Maharashtra', 'Calif.']
  .map((s) => ({ s, code: stateCases.find(([x, c]) => x === s && c === null)?.[2] ?? null }));
const states = { repeated: zipf(statePool, N, heavyStates), distinct: distinct(statePool, N) };
const cs = { repeated: zipf(countryPool, N, heavy), distinct: distinct(countryPool, N) };

const postalPool: string[] = [];
for (let i = 0; i < N; i++) {
  const k = r();
  if (k < 0.5) postalPool.push(String(Math.floor(r() * 99_999)).padStart(5, '0'));
  else if (k < 0.6) postalPool.push(`${String(10_000 + Math.floor(r() * 89_999))}-${String(Math.floor(r() * 9999)).padStart(4, '0')}`);
  else if (k < 0.75) postalPool.push(`${pick(r, ['K', 'M', 'H', 'V', 'T'])}${Math.floor(r() * 9)}${pick(r, ['A', 'B', 'C', 'E'])} ${Math.floor(r() * 9)}${pick(r, ['A', 'B', 'C'])}${Math.floor(r() * 9)}`);
  else if (k < 0.9) postalPool.push(`${pick(r, ['SW1A', 'EC1A', 'M1', 'EH1', 'B33'])} ${Math.floor(r() * 9)}${pick(r, ['AA', 'BB', 'XY'])}`);
  else postalPool.push(`${1000 + Math.floor(r() * 8999)} ${pick(r, ['AB', 'XY', 'KL'])}`);
}
const postalCountry = postalPool.map((_, i) => (i % 3 === 0 ? 'US' : undefined));

// Phones: US numbers in several formats, international numbers, a few extensions — all different.
const phoneInputs: { s: string; country: 'US' | 'GB' | 'DE' }[] = [];
for (let i = 0; i < N; i++) {
  const k = r();
  const d = (n: number): string => Array.from({ length: n }, () => Math.floor(r() * 10)).join('');
  const area = pick(r, ['415', '212', '650', '312', '617', '416', '604', '303', '512', '206']);
  if (k < 0.25) phoneInputs.push({ s: `(${area}) 555-${d(4)}`, country: 'US' });
  else if (k < 0.45) phoneInputs.push({ s: `${area}.${2 + Math.floor(r() * 7)}${d(2)}.${d(4)}`, country: 'US' });
  else if (k < 0.55) phoneInputs.push({ s: `+1 ${area} ${2 + Math.floor(r() * 7)}${d(2)} ${d(4)}`, country: 'US' });
  else if (k < 0.62) phoneInputs.push({ s: `${area}-${2 + Math.floor(r() * 7)}${d(2)}-${d(4)} x${d(3)}`, country: 'US' });
  else if (k < 0.75) phoneInputs.push({ s: `+44 20 7${d(3)} ${d(4)}`, country: 'GB' });
  else if (k < 0.85) phoneInputs.push({ s: `020 7${d(3)} ${d(4)}`, country: 'GB' });
  else if (k < 0.93) phoneInputs.push({ s: `+49 89 ${d(7)}`, country: 'DE' });
  else phoneInputs.push({ s: `089 ${d(7)}`, country: 'DE' });
}

// --- runs ------------------------------------------------------------------------------------
const fresh = () => ({
  country: createCountryNormalizer(BUILTIN_COUNTRY_DICTIONARIES),
  state: createStateNormalizer(BUILTIN_STATE_DICTIONARIES),
  postal: createPostalNormalizer(BUILTIN_POSTAL_DICTIONARIES),
  phone: createPhoneNormalizer(BUILTIN_PHONE_DICTIONARIES),
});
const u = fresh();
const rate = (hits: number, n: number): string => `${((hits / n) * 100).toFixed(1)}%`;

const ms: Measurement[] = [];
for (const kind of ['repeated', 'distinct'] as const) {
  const xs = cs[kind];
  let hit = 0;
  let correct = 0;
  let wrong = 0;
  for (const x of xs) {
    const v = u.country(x.s).value?.code ?? null;
    if (v) hit++;
    if (v && v === x.code) correct++;
    if (v && x.code && v !== x.code) wrong++;
  }
  ms.push(measure(`normalizeCountry, ${kind}`, N, () => {
    let n = 0;
    for (let i = 0; i < xs.length; i++) if (u.country(xs[i]!.s).value) n++;
    return n;
  }, { unit: 'calls', note: `hit ${rate(hit, N)}, correct ${rate(correct, N)}, wrong ${rate(wrong, N)}` }));
  let bh = 0;
  let bc = 0;
  let bw = 0;
  for (const x of xs) {
    const v = countriesLib.getAlpha2Code(x.s, 'en') ?? null;
    if (v) bh++;
    if (v && v === x.code) bc++;
    if (v && x.code && v !== x.code) bw++;
  }
  ms.push(measure(`i18n-iso-countries getAlpha2Code(en), ${kind}`, N, () => {
    let n = 0;
    for (let i = 0; i < xs.length; i++) if (countriesLib.getAlpha2Code(xs[i]!.s, 'en')) n++;
    return n;
  }, { unit: 'calls', note: `hit ${rate(bh, N)}, correct ${rate(bc, N)}, wrong ${rate(bw, N)}` }));
}
const cold = measure('normalizeCountry, first call (builds tables)', 1, () => fresh().country('Deutschland'), { unit: 'calls', runs: 5 });
ms.push({ ...cold, note: `${(cold.seconds * 1000).toFixed(1)} ms` });
report(`Country: ${N.toLocaleString('en-US')} calls per run`, ms, 'i18n-iso-countries getAlpha2Code(en), distinct');

const sm: Measurement[] = [];
for (const kind of ['repeated', 'distinct'] as const) {
  const xs = states[kind];
  let hit = 0;
  for (const x of xs) if (u.state(x.s).value) hit++;
  sm.push(measure(`normalizeState (no country), ${kind}`, N, () => {
    let n = 0;
    for (let i = 0; i < xs.length; i++) if (u.state(xs[i]!.s).value) n++;
    return n;
  }, { unit: 'calls', note: `hit ${rate(hit, N)}` }));
  sm.push(measure(`normalizeState ({ country: 'US' }), ${kind}`, N, () => {
    let n = 0;
    for (let i = 0; i < xs.length; i++) if (u.state(xs[i]!.s, { country: 'US' }).value) n++;
    return n;
  }, { unit: 'calls' }));
}
report('State', sm);

let ph = 0;
for (let i = 0; i < N; i++) if (u.postal(postalPool[i], { country: postalCountry[i] }).value) ph++;
report('Postal code (distinct, a third with country US)', [
  measure('normalizePostalCode', N, () => {
    let n = 0;
    for (let i = 0; i < N; i++) if (u.postal(postalPool[i], { country: postalCountry[i] }).value) n++;
    return n;
  }, { unit: 'calls', note: `hit ${rate(ph, N)}` }),
]);

const pm: Measurement[] = [];
let rawHit = 0;
let ourHit = 0;
let agree = 0;
for (const p of phoneInputs) {
  const raw = parsePhoneNumberFromString(p.s, p.country);
  const rv = raw && raw.isValid() ? raw.number : null;
  const ov = u.phone(p.s, { country: p.country }).value?.e164 ?? null;
  if (rv) rawHit++;
  if (ov) ourHit++;
  if (rv === ov) agree++;
}
// The machine is shared: interleave the variants round by round so drift hits them all alike.
const variants: [string, () => number, string?][] = [
  ['libphonenumber-js/min parsePhoneNumberFromString + isValid (raw)', () => {
    let n = 0;
    for (let i = 0; i < N; i++) {
      const p = parsePhoneNumberFromString(phoneInputs[i]!.s, phoneInputs[i]!.country);
      if (p && p.isValid()) n++;
    }
    return n;
  }, `valid ${rate(rawHit, N)}`],
  ['normalizePhone (type: false)', (() => {
    const fn = fresh().phone;
    return () => {
      let n = 0;
      for (let i = 0; i < N; i++) if (fn(phoneInputs[i]!.s, { country: phoneInputs[i]!.country, type: false }).value) n++;
      return n;
    };
  })(), `valid ${rate(ourHit, N)}, same E.164 as raw ${rate(agree, N)}`],
  ['libphonenumber-js/min parse + isValid + getType (raw)', () => {
    let n = 0;
    for (let i = 0; i < N; i++) {
      const p = parsePhoneNumberFromString(phoneInputs[i]!.s, phoneInputs[i]!.country);
      if (p && p.isValid() && p.getType()) n++;
    }
    return n;
  }],
  ['normalizePhone (type: true, the default)', (() => {
    const fn = fresh().phone;
    return () => {
      let n = 0;
      for (let i = 0; i < N; i++) if (fn(phoneInputs[i]!.s, { country: phoneInputs[i]!.country }).value) n++;
      return n;
    };
  })()],
];
const times = variants.map(() => [] as number[]);
for (let round = 0; round < 7; round++) {
  variants.forEach(([name, fn], k) => times[k]!.push(measure(name, N, fn, { runs: 1, warmup: round === 0 ? 1 : 0 }).seconds));
}
variants.forEach(([name, , note], k) => {
  const sorted = [...times[k]!].sort((a, b) => a - b);
  const seconds = sorted[3]!;
  pm.push({ name, items: N, unit: 'calls', seconds, perSecond: N / seconds, runs: times[k]!, ...(note ? { note } : {}) });
});
const pair = (a: number, b: number): string => `${((pm[a]!.perSecond / pm[b]!.perSecond) * 100).toFixed(0)}%`;
console.log(`\nPhone ratios (same run, medians of 7 interleaved rounds): normalizePhone(type:false) / raw parse+isValid = ${pair(1, 0)}; normalizePhone(type:true) / raw parse+isValid+getType = ${pair(3, 2)}`);
report(`Phone: ${N.toLocaleString('en-US')} distinct numbers (US/GB/DE formats, 7% with extensions)`, pm, 'libphonenumber-js/min parsePhoneNumberFromString + isValid (raw)');
