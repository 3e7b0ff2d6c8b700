import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { LeadtidyError, loadPack, packHash, packJsonSchema, builtInPacks } from '../src/index.js';

function problemsOf(fn: () => unknown): { path: string; message: string }[] {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(LeadtidyError);
    expect((e as LeadtidyError).kind).toBe('pack');
    return [...(e as LeadtidyError).problems];
  }
  throw new Error('expected a LeadtidyError');
}

describe('rule packs', () => {
  test('the default pack compiles and has a stable hash', () => {
    const a = loadPack(builtInPacks.default);
    const b = loadPack(JSON.parse(JSON.stringify(builtInPacks.default)));
    expect(a.id).toBe('default');
    expect(a.hash).toMatch(/^sha256:[0-9a-f]{16}$/);
    expect(b.hash).toBe(a.hash);
    expect(a.plan.length).toBeGreaterThan(20);
  });

  test('the hash ignores key order and changes with content', () => {
    expect(packHash({ a: 1, b: [1, { c: 2, d: 3 }] })).toBe(packHash({ b: [1, { d: 3, c: 2 }], a: 1 }));
    expect(packHash({ a: 1 })).not.toBe(packHash({ a: 2 }));
  });

  test('extends: child replaces a field plan and merges header maps; the rest is inherited', () => {
    const p = loadPack({
      id: 'acme',
      version: '1.0.0',
      extends: 'default',
      headers: { map: { 'Q7: Role': 'title' } },
      normalize: { optIn: ['clean'] },
    });
    expect(p.headers.map).toEqual({ 'Q7: Role': 'title' });
    expect(p.headers.detect).toEqual(['email', 'website', 'phone']);
    expect(p.plan.find((f) => f.field === 'optIn')!.steps.map((s) => s.name)).toEqual(['clean']);
    expect(p.plan.find((f) => f.field === 'email')!.steps.map((s) => s.name)).toEqual(
      loadPack(builtInPacks.default).plan.find((f) => f.field === 'email')!.steps.map((s) => s.name),
    );
    expect(p.hash).not.toBe(loadPack(builtInPacks.default).hash);
  });

  test('extends chains through a user library, and cycles are refused', () => {
    const library = {
      base: { id: 'base', version: '1.0.0', extends: 'default', headers: { aliases: { company: ['Org'] } } },
      loop: { id: 'loop', version: '1.0.0', extends: 'loop2' },
      loop2: { id: 'loop2', version: '1.0.0', extends: 'loop' },
    };
    const p = loadPack({ id: 'child', version: '1.0.0', extends: 'base', headers: { aliases: { company: ['Org2'] } } }, { library });
    expect(p.headers.aliases).toEqual({ company: ['Org', 'Org2'] });
    expect(problemsOf(() => loadPack({ id: 'x', version: '1.0.0', extends: 'loop' }, { library }))[0]!.message).toContain('→');
    expect(problemsOf(() => loadPack({ id: 'x', version: '1.0.0', extends: 'nope' }))[0]!.message).toContain('no pack "nope"');
  });

  test('errors list every problem with its JSON path', () => {
    const problems = problemsOf(() =>
      loadPack({ id: '1bad', version: 'v1', headers: { detect: ['fax'], mapp: {} }, normalize: { email: [{ unit: 'clean', opts: {} }] }, surprise: true }, { source: 'acme.json' }),
    );
    const paths = problems.map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['acme.json: id', 'acme.json: version', 'acme.json: headers.detect[0]', 'acme.json: normalize.email[0]']));
    expect(problems.some((p) => p.path.includes('headers') && /mapp/.test(p.message))).toBe(true);
    expect(problems.some((p) => /surprise/.test(p.message))).toBe(true);
  });

  test('unknown steps and bad step options are reported with their path', () => {
    const problems = problemsOf(() =>
      loadPack({ id: 'x', version: '1.0.0', normalize: { email: ['clean', 'sparkle'], notes: [{ unit: 'maxLength', options: { max: -1 } }] } }),
    );
    expect(problems.map((p) => p.path)).toEqual(['normalize.email[1]', 'normalize.notes[0].options.max']);
    expect(problems[0]!.message).toContain('unknown step "sparkle"');
  });

  test('reserved keys are refused anywhere in a pack', () => {
    const pack = JSON.parse('{"id":"x","version":"1.0.0","headers":{"map":{"__proto__":"email"}}}');
    expect(problemsOf(() => loadPack(pack))[0]!.path).toBe('headers.map.__proto__');
  });

  test('rules/pack.schema.json is up to date (npm run schema)', () => {
    expect(JSON.parse(readFileSync('rules/pack.schema.json', 'utf8'))).toEqual(JSON.parse(JSON.stringify(packJsonSchema())));
  });

  test('every pack in rules/ is valid', () => {
    for (const f of readdirSync('rules').filter((x) => x.endsWith('.json') && x !== 'pack.schema.json')) {
      expect(() => loadPack(JSON.parse(readFileSync(`rules/${f}`, 'utf8')), { source: f })).not.toThrow();
    }
  });

  test('JSON Schema export for editors', () => {
    const schema = packJsonSchema() as { type: string; properties: Record<string, unknown> };
    expect(schema.type).toBe('object');
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['id', 'version', 'extends', 'headers', 'normalize']));
  });
});
