/**
 * Record-step throughput: `cleanse(parsed, { dedupe: false })` with the default pack on generated leads
 * (bench/gen.ts, seed 11), one thread. Prints
 *  - whole record phase rows/s (and parse alone, for scale),
 *  - the engine alone (every step replaced by a no-op returning {}): the floor the steps sit on,
 *  - per step (name and field): share of the record phase and calls/s, from a timed run where every
 *    step's `run` is wrapped in a timer (timer overhead measured on a no-op and subtracted),
 *  - hit rates of the bounded memo caches (`memoStats()` from src/core/text.ts): first pass on cold caches
 *    (what one pass over a file gets) and warm.
 * Run: npx tsx bench/record-steps.bench.ts [--rows 50000]   (about 40 s on a quiet machine)
 */
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { measure, report } from './lib.js';
import { generateLeadCsv } from './gen.js';
import { builtInEnvironment, cleanse, parseLeadFile } from '../src/index.js';
import { cleanseWith, type CleanseEnvironment } from '../src/engine/cleanse.js';
import type { StepDefinition, StepRegistry } from '../src/engine/step.js';
import { memoStats, resetMemoStats } from '../src/core/text.js';

const arg = process.argv.indexOf('--rows');
const ROWS = arg > 0 ? Number(process.argv[arg + 1]) : 50_000;
const text = generateLeadCsv({ rows: ROWS, seed: 11 });
const parsed = parseLeadFile(text);

// ---- whole record phase ----------------------------------------------------------------
// First pass on cold caches: the hit rates a single pass over a file of this size gets.
resetMemoStats();
const t00 = performance.now();
cleanse(parsed, { dedupe: false });
const firstPassMs = performance.now() - t00;
const coldMemo = memoStats();
const parse = measure('parseLeadFile (for scale)', ROWS, () => parseLeadFile(text), { runs: 3, warmup: 0, unit: 'rows' });
resetMemoStats();
const whole = measure('cleanse, dedupe off (record steps)', ROWS, () => cleanse(parsed, { dedupe: false }), { runs: 3, warmup: 0, unit: 'rows' });
const memo = memoStats();

const noopSteps: Record<string, StepDefinition> = {};
for (const [k, s] of Object.entries(builtInEnvironment.steps)) noopSteps[k] = { ...s, run: () => ({}) };
const noopEnv: CleanseEnvironment = { ...builtInEnvironment, steps: noopSteps };
const engine = measure('engine alone (every step a no-op)', ROWS, () => cleanseWith(noopEnv, parsed, { dedupe: false }), {
  runs: 2,
  unit: 'rows',
  note: 'no changes or step issues to log, so a floor',
});
report(`Record steps, ${ROWS.toLocaleString('en-US')} generated rows, one thread`, [parse, whole, engine], 'cleanse, dedupe off (record steps)');
console.log(`first pass (cold caches, includes JIT warm-up): ${Math.round(ROWS / (firstPassMs / 1000)).toLocaleString('en-US')} rows/s`);

// ---- per step ----------------------------------------------------------------------------
const acc = new Map<string, { ms: number; calls: number }>();
let overheadProbe = 0;
function timed(steps: StepRegistry): StepRegistry {
  const out: Record<string, StepDefinition> = {};
  for (const [k, s] of Object.entries(steps)) {
    out[k] = {
      ...s,
      run(value, options, ctx) {
        const t0 = performance.now();
        const r = s.run(value, options, ctx);
        const dt = performance.now() - t0;
        const key = `${k} (${ctx.field})`;
        const a = acc.get(key);
        if (a) {
          a.ms += dt;
          a.calls++;
        } else acc.set(key, { ms: dt, calls: 1 });
        return r;
      },
    };
  }
  return out;
}
const timedEnv: CleanseEnvironment = { ...builtInEnvironment, steps: timed(builtInEnvironment.steps) };
cleanseWith(timedEnv, parsed, { dedupe: false });
acc.clear();
const RUNS = 1;
const t0 = performance.now();
for (let i = 0; i < RUNS; i++) cleanseWith(timedEnv, parsed, { dedupe: false });
const totalMs = performance.now() - t0;
// Timer overhead per call: two performance.now() calls and a map update around a no-op.
{
  const n = 200_000;
  const probe = new Map<string, { ms: number; calls: number }>([['x', { ms: 0, calls: 0 }]]);
  const t = performance.now();
  for (let i = 0; i < n; i++) {
    const a = performance.now();
    const b = performance.now() - a;
    const e = probe.get('x')!;
    e.ms += b;
    e.calls++;
  }
  overheadProbe = (performance.now() - t) / n;
}
const rows = [...acc.entries()]
  .map(([k, v]) => ({ k, ms: Math.max(0, v.ms / RUNS), calls: v.calls / RUNS }))
  .sort((a, b) => b.ms - a.ms);
const stepMs = rows.reduce((s, r) => s + r.ms, 0);
const runMs = totalMs / RUNS - rows.reduce((s, r) => s + r.calls, 0) * overheadProbe;
console.log(`\n## Per step (one timed run after a warm-up; timer overhead ${(overheadProbe * 1e6).toFixed(0)} ns/call subtracted from the total)`);
console.log(`record phase ≈ ${runMs.toFixed(0)} ms per run; steps ${stepMs.toFixed(0)} ms (${((100 * stepMs) / runMs).toFixed(0)}%), engine and decisions the rest`);
console.log('| step (field) | ms/run | share | calls/run | µs/call | rows/s if alone |');
console.log('|---|---|---|---|---|---|');
for (const r of rows) {
  if (r.ms < 0.5) continue;
  console.log(`| ${r.k} | ${r.ms.toFixed(1)} | ${((100 * r.ms) / runMs).toFixed(1)}% | ${r.calls.toFixed(0)} | ${((1000 * r.ms) / r.calls).toFixed(2)} | ${Math.round(ROWS / (r.ms / 1000)).toLocaleString('en-US')} |`);
}

// ---- memo caches -------------------------------------------------------------------------
console.log('\n## Memo caches: hit rate on the first pass over the file (cold) and over the timed runs (warm)');
console.log('| cache | lookups per pass | hit rate, first pass | hit rate, warm | entries |');
console.log('|---|---|---|---|---|');
for (const m of memo) {
  const c = coldMemo.find((x) => x.name === m.name);
  const cn = c ? c.hits + c.misses : 0;
  const n = m.hits + m.misses;
  const pct = (h: number, k: number): string => (k ? `${((100 * h) / k).toFixed(1)}%` : '–');
  console.log(`| ${m.name} | ${cn.toLocaleString('en-US')} | ${pct(c?.hits ?? 0, cn)} | ${pct(m.hits, n)} | ${m.size.toLocaleString('en-US')} |`);
}
