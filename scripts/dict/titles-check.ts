/**
 * Checks the hand-authored title dictionaries: compiles them (every rule string, level, function and
 * sub-function id is validated), counts entries per file, and lists phrases that two language files
 * define differently after folding (the later file wins at runtime, so each conflict must be deliberate).
 * Run: npx tsx scripts/dict/titles-check.ts
 */
import { foldKey } from '../../src/core/text.js';
import { compile } from '../../src/normalize/title/compile.js';
import { BUILTIN_TITLE_DICTIONARIES as D } from '../../src/normalize/title/builtin.js';

const t0 = performance.now();
const c = compile(D, undefined);
console.log(`compiled in ${(performance.now() - t0).toFixed(1)} ms; vocabulary ${c.vocab.size} words; ${c.compoundHeads.length} compound heads; ${c.abbreviations.size} abbreviations`);
const seen = new Map<string, { file: string; rule: string }>();
let conflicts = 0;
for (const f of D.terms) {
  const file = f.language ?? '?';
  console.log(`${file.padEnd(6)} ${Object.keys(f.terms).length} terms`);
  for (const [k, rule] of Object.entries(f.terms)) {
    const key = foldKey(k);
    const prev = seen.get(key);
    if (prev && prev.file !== file && prev.rule !== rule) {
      conflicts++;
      console.log(`  conflict "${key}": ${prev.file} "${prev.rule}" vs ${file} "${rule}" (${file} wins)`);
    }
    seen.set(key, { file, rule });
  }
}
console.log(`acronyms ${Object.keys(D.acronyms.acronyms).length}, chief words ${Object.keys(D.acronyms.chiefWords).length}, junk ${D.rules.junk.length}; ${conflicts} cross-file conflicts`);
