/**
 * Tiny benchmark kit shared by every bench/*.bench.ts file.
 * Medians over repeated timed runs; peak memory from the process's max RSS.
 * Run a file alone with `npx tsx bench/<name>.bench.ts`, or all with `npm run bench`.
 */
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { mulberry32 } from '../src/core/prng.js';

export interface Measurement {
  readonly name: string;
  /** Work items per timed run (rows, calls, bytes…). */
  readonly items: number;
  readonly unit: string;
  /** Median seconds per run. */
  readonly seconds: number;
  /** Median items per second. */
  readonly perSecond: number;
  readonly runs: readonly number[];
  readonly note?: string;
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/**
 * Times `fn` `runs` times after `warmup` untimed runs; `fn` processes `items` items.
 * Returning a value from fn keeps the optimizer honest.
 */
export function measure(
  name: string,
  items: number,
  fn: () => unknown,
  opts: { runs?: number; warmup?: number; unit?: string; note?: string } = {},
): Measurement {
  const runs = opts.runs ?? 5;
  const warmup = opts.warmup ?? 1;
  let sink: unknown;
  for (let i = 0; i < warmup; i++) sink = fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    sink = fn();
    times.push((performance.now() - t0) / 1000);
  }
  (globalThis as { __benchSink?: unknown }).__benchSink = sink;
  const seconds = median(times);
  const m: Measurement = { name, items, unit: opts.unit ?? 'items', seconds, perSecond: items / seconds, runs: times };
  return opts.note ? { ...m, note: opts.note } : m;
}

/** Async variant of {@link measure}. */
export async function measureAsync(
  name: string,
  items: number,
  fn: () => Promise<unknown>,
  opts: { runs?: number; warmup?: number; unit?: string; note?: string } = {},
): Promise<Measurement> {
  const runs = opts.runs ?? 5;
  const warmup = opts.warmup ?? 1;
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push((performance.now() - t0) / 1000);
  }
  const seconds = median(times);
  const m: Measurement = { name, items, unit: opts.unit ?? 'items', seconds, perSecond: items / seconds, runs: times };
  return opts.note ? { ...m, note: opts.note } : m;
}

function fmt(n: number): string {
  if (n >= 100) return Math.round(n).toLocaleString('en-US');
  return n.toPrecision(3);
}

/** Peak resident memory of this process so far, in MB. */
export function peakMemoryMB(): number {
  return process.resourceUsage().maxRSS / 1024;
}

/** Prints a titled table of measurements, with ratios against `baseline` if named. */
export function report(title: string, ms: readonly Measurement[], baseline?: string): void {
  const base = baseline ? ms.find((m) => m.name === baseline) : undefined;
  console.log(`\n## ${title}`);
  console.log('| benchmark | items/run | median s | median per s | vs baseline | note |');
  console.log('|---|---|---|---|---|---|');
  for (const m of ms) {
    const ratio = base ? `${((m.perSecond / base.perSecond) * 100).toFixed(0)}%` : '';
    console.log(
      `| ${m.name} | ${m.items.toLocaleString('en-US')} ${m.unit} | ${m.seconds.toFixed(3)} | ${fmt(m.perSecond)} ${m.unit}/s | ${ratio} | ${m.note ?? ''} |`,
    );
  }
  console.log(`peak RSS: ${peakMemoryMB().toFixed(0)} MB`);
}

/** Deterministic PRNG (mulberry32) so generated data is the same on every run. */
export function rng(seed: number): () => number {
  return mulberry32(seed);
}

/** Picks one element with the given PRNG. */
export function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)]!;
}
