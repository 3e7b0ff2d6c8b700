/**
 * The pure core stays pure: no Node built-ins, process, clocks, randomness, timers or code
 * evaluation anywhere under src/ except the Node I/O and CLI modules (src/node.ts, src/cli.ts,
 * src/node/). The vm sandbox tests prove it at run time; this one keeps it true for code
 * the sandbox tests do not reach.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, test } from 'vitest';

const NODE_ONLY = [/^src\/node\.ts$/, /^src\/cli\.ts$/, /^src\/node\//];
const BANNED: [string, RegExp][] = [
  ['Node built-in import', /from\s+['"](?:node:)?(?:fs|path|os|child_process|worker_threads|process|util|events|stream|zlib|crypto|readline)(?:\/[a-z]+)?['"]/],
  ['require()', /\brequire\(/],
  ['process', /\bprocess\.(?:env|argv|exit|cwd|stdout|stderr|hrtime|memoryUsage)/],
  ['clock', /\bDate\.now\(|new Date\(\s*\)|performance\.now\(/],
  ['randomness', /\bMath\.random\(|crypto\.getRandomValues/],
  ['timers', /\bset(?:Timeout|Interval|Immediate)\(/],
  ['code evaluation', /\beval\(|new Function\(/],
];

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? files(join(dir, d.name)) : d.name.endsWith('.ts') && !d.name.endsWith('.test.ts') ? [join(dir, d.name)] : []));
}

test('no Node built-ins, process, clock, randomness, timers or eval in the pure core', () => {
  const found: string[] = [];
  const core = files('src').map((f) => relative('.', f).replaceAll('\\', '/')).filter((f) => !NODE_ONLY.some((r) => r.test(f)));
  expect(core.length).toBeGreaterThan(50);
  for (const f of core) {
    const text = readFileSync(f, 'utf8');
    for (const [what, re] of BANNED) if (re.test(text)) found.push(`${f}: ${what}`);
  }
  expect(found).toEqual([]);
});

test('the check catches what it is for', () => {
  const hit = (s: string) => BANNED.filter(([, re]) => re.test(s)).map(([w]) => w);
  expect(hit("import { readFile } from 'node:fs/promises';")).toEqual(['Node built-in import']);
  expect(hit('const t = Date.now();')).toEqual(['clock']);
  expect(hit('if (Math.random() < 0.5) {}')).toEqual(['randomness']);
  expect(hit("new Function('return 1')")).toEqual(['code evaluation']);
  expect(hit('const d = new Date(value);')).toEqual([]);
});
