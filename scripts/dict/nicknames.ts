/**
 * Builds dictionaries/nicknames.json: nickname → canonical given names, for matching only.
 * Sources: carltonnorthern/nicknames names.csv (Apache-2.0) and onyxrev/common_nickname_csv
 * (public domain), both in ../shared/data/names/, plus a small hand-authored list of European
 * short forms (German, French, Spanish, Italian, Dutch, Slavic) below.
 * Run: npx tsx scripts/dict/nicknames.ts
 */
import path from 'node:path';
import { SHARED, readText, writeDict } from './_contact-lib.js';

const map = new Map<string, Set<string>>();
const given = new Set<string>();
const norm = (s: string) => s.trim().toLowerCase();
function add(canonical: string, nick: string): void {
  const c = norm(canonical);
  const n = norm(nick);
  if (!c || !n || c === n || !/^[a-z][a-z' -]*$/.test(c) || !/^[a-z][a-z' -]*$/.test(n)) return;
  given.add(c);
  given.add(n);
  if (!map.has(n)) map.set(n, new Set());
  map.get(n)!.add(c);
}

for (const line of readText(path.join(SHARED, 'names/nicknames_carltonnorthern.csv')).split(/\r?\n/).slice(1)) {
  const [a, rel, b] = line.split(',');
  if (a && b && rel === 'has_nickname') add(a, b);
}
for (const line of readText(path.join(SHARED, 'names/nicknames_onyxrev.csv')).split(/\r?\n/).slice(1)) {
  const [, a, b] = line.split(',');
  if (a && b) add(a, b);
}
// Hand-authored European short forms (canonical: short forms).
const EUROPE: Record<string, string[]> = {
  johannes: ['hans', 'hannes', 'jo'], johann: ['hans', 'hannes'], josef: ['sepp', 'seppi', 'pepi', 'joschi'], joseph: ['sepp', 'pepe', 'beppe', 'peppe'],
  jose: ['pepe', 'chepe'], francisco: ['paco', 'pancho', 'curro', 'fran', 'quico'], francesco: ['franco', 'checco', 'cesco'], giuseppe: ['beppe', 'peppe', 'pino'],
  alexander: ['sasha', 'sascha', 'alex', 'xander', 'sandro'], alessandro: ['sandro', 'ale'], aleksandr: ['sasha', 'sanya'], wolfgang: ['wolf', 'wolfi'],
  friedrich: ['fritz', 'friedel'], heinrich: ['heinz', 'heini'], wilhelm: ['willi', 'willy', 'wim'], margarete: ['grete', 'gretel'], elisabeth: ['lisa', 'elise', 'sissi', 'liesel', 'betty'],
  katharina: ['kathi', 'katja', 'kata'], christoph: ['chris', 'christo'], christian: ['chris', 'christl'], matthias: ['matze', 'hias', 'thias'], michael: ['michi', 'micha', 'mischa'],
  nikolaus: ['klaus', 'niko'], jacques: ['jacquot'], guillaume: ['guy'], francois: ['francky'], dominique: ['dom'], antonio: ['toni', 'tono', 'totò'], manuel: ['manolo', 'manu'],
  jesus: ['chucho', 'chuy'], enrique: ['quique'], ignacio: ['nacho'], guillermo: ['memo', 'guille'], roberto: ['beto', 'tito'], alberto: ['beto'], eduardo: ['lalo'],
  dolores: ['lola'], concepcion: ['concha', 'conchita'], maria: ['mari', 'mariela'], luigi: ['gigi'], giovanni: ['gianni', 'nanni', 'vanni'], salvatore: ['toto', 'turi'],
  vladimir: ['vova', 'volodya'], dmitri: ['dima', 'mitya'], mikhail: ['misha'], ivan: ['vanya'], nikolai: ['kolya'], ekaterina: ['katya'], tatiana: ['tanya'], natalia: ['natasha'],
  anastasia: ['nastya', 'stasya'], yekaterina: ['katya'], jan: ['janneke'], hendrik: ['henk', 'rik'], cornelis: ['kees', 'cor'], johanna: ['hanna', 'jo', 'hanne'], pieter: ['piet'],
  willem: ['wim', 'pim'], gerhard: ['gerd'], bernhard: ['bernd'], reinhard: ['reini'], jurgen: ['jurg'], stefan: ['steff'],
};
for (const [c, nicks] of Object.entries(EUROPE)) for (const n of nicks) add(c, n.normalize('NFD').replace(/[\u0300-\u036f]/g, ''));

const nicknames: Record<string, string[]> = {};
for (const k of [...map.keys()].sort()) nicknames[k] = [...map.get(k)!].sort();
writeDict('nicknames', {
  source:
    'carltonnorthern/nicknames@21d7505 names.csv (Apache-2.0) + onyxrev/common_nickname_csv@b28d65b nicknames.csv (public domain), via ../shared/data/names/; plus hand-authored European short forms in scripts/dict/nicknames.ts. Lowercase ASCII; nickname → canonical names.',
  license: 'Apache-2.0 (carltonnorthern/nicknames) and public domain (onyxrev); hand-authored part MIT',
  nicknames,
  givenNames: [...given].sort(),
});
console.log(map.size, 'nicknames', given.size, 'given names');
