import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { defineConfig } from 'tsdown';

/** A JS single-quoted string literal of `text` (fewer escapes than JSON.stringify for JSON text). */
function quote(text: string): string {
  return `'${text.replace(/[\\'\n\r\u2028\u2029]/g, (c) => (c === '\\' ? '\\\\' : c === "'" ? "\\'" : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`))}'`;
}

/**
 * Lazy dictionaries: every `dictionaries/*.json` module becomes an object whose top-level
 * properties are getters over one `JSON.parse` of a string literal, run on first access.
 * Importing the root entry then costs a string scan, not the evaluation of megabytes of
 * object literals; the data stays plain JSON in `dictionaries/` (vitest, tsx and esbuild
 * bundles read it as is).
 */
export function lazyDictionaries() {
  return {
    name: 'leadtidy:lazy-dictionaries',
    load(id: string) {
      if (!/[\\/]dictionaries[\\/][^\\/]+\.json$/.test(id)) return null;
      const data = JSON.parse(readFileSync(id, 'utf8')) as unknown;
      if (typeof data !== 'object' || data === null || Array.isArray(data)) return null;
      const getters = Object.keys(data).map((k) => `get ${JSON.stringify(k)}() { return load()[${JSON.stringify(k)}]; }`);
      const code =
        `let data;\n` +
        `const load = () => (data ??= JSON.parse(${quote(JSON.stringify(data))}));\n` +
        `export default { ${getters.join(', ')} };\n`;
      return { code, moduleType: 'js' as const };
    },
  };
}

/**
 * Lazy spreadsheet library: the body of @e965/xlsx (one ESM script of 1 MB whose exports
 * all sit at its end) is wrapped in a function run on the first call into it, so importing
 * the root entry no longer compiles and runs SheetJS. The API stays synchronous: each export
 * is a forwarding function (or an object of forwarding getters) generated from the real
 * module's export list at build time.
 */
export function lazyXlsx() {
  return {
    name: 'leadtidy:lazy-xlsx',
    async load(id: string) {
      if (!/[\\/]@e965[\\/]xlsx[\\/]xlsx\.mjs$/.test(id)) return null;
      const src = readFileSync(id, 'utf8');
      const cut = src.lastIndexOf('\nexport const version = XLSX.version;');
      const def = src.indexOf('\nexport default {', cut);
      if (cut < 0 || def < 0 || /^\s*(?:import|export)\b/m.test(src.slice(0, cut))) throw new Error('lazy-xlsx: unexpected @e965/xlsx layout');
      const defaultObject = src.slice(def + '\nexport default '.length).trim().replace(/;$/, '');
      const real = (await import(pathToFileURL(id).href)) as Record<string, unknown>;
      const lines: string[] = [];
      const member = (path: string, v: unknown): string =>
        typeof v === 'function'
          ? `(...a) => load()${path}(...a)`
          : typeof v === 'object' && v !== null
            ? `{ ${Object.keys(v).map((k) => `get ${JSON.stringify(k)}() { return load()${path}[${JSON.stringify(k)}]; }`).join(', ')} }`
            : JSON.stringify(v);
      for (const [k, v] of Object.entries(real)) {
        if (k === 'default') continue;
        lines.push(`export const ${k} = ${member(`[${JSON.stringify(k)}]`, v)};`);
      }
      lines.push(`export default { ${Object.keys(real.default as object).map((k) => `get ${JSON.stringify(k)}() { return load()[${JSON.stringify(k)}]; }`).join(', ')} };`);
      const code =
        `function sheetjs() {\n${src.slice(0, cut)}\nreturn Object.assign(${defaultObject}, { version: XLSX.version });\n}\n` +
        `let mod;\nconst load = () => (mod ??= sheetjs());\n${lines.join('\n')}\n`;
      return { code, moduleType: 'js' as const };
    },
  };
}

/**
 * Lazy CommonJS dependency: imports of `specifier` from the sources resolve to a module
 * whose exports forward to the bundled CommonJS build, required on the first use (rolldown
 * wraps bundled CommonJS in a factory, so nothing of it is compiled or run at import). The
 * default export is an object of getters/setters over `module.exports`; named exports are
 * forwarding functions. `nodeBuiltins` are CommonJS requires the library makes only on
 * Node-specific paths (papaparse's Node duplex stream): they resolve at call time through
 * `process.getBuiltinModule`, so the pure chunks import no Node built-in.
 */
export function lazyCommonJs(specifier: string, nodeBuiltins: readonly string[] = []) {
  const virtual = `\0lazy-cjs:${specifier}`;
  const builtin = '\0lazy-cjs-builtin:';
  return {
    name: `leadtidy:lazy-cjs:${specifier}`,
    resolveId(id: string, importer: string | undefined) {
      if (id === specifier && importer !== virtual) return virtual;
      if (nodeBuiltins.includes(id) && importer?.includes(`${specifier}`)) return builtin + id;
      return null;
    },
    async load(id: string) {
      if (id.startsWith(builtin)) {
        const name = JSON.stringify(`node:${id.slice(builtin.length)}`);
        return { code: `module.exports = typeof process === 'object' && process.getBuiltinModule ? process.getBuiltinModule(${name}) : {};\n`, moduleType: 'js' as const };
      }
      if (id !== virtual) return null;
      const real = (await import(specifier)) as Record<string, unknown>;
      const exportsObject = real.default as Record<string, unknown>;
      const named = Object.keys(real).filter((k) => k !== 'default' && k !== '__esModule');
      if (named.some((k) => typeof real[k] !== 'function')) throw new Error(`lazy-cjs: ${specifier} has a named export that is not a function`);
      const key = (k: string) => JSON.stringify(k);
      const code =
        `let mod;\nconst load = () => (mod ??= require(${JSON.stringify(specifier)}));\n` +
        named.map((k) => `export const ${k} = (...a) => load()[${key(k)}](...a);\n`).join('') +
        `export default { ${Object.keys(exportsObject)
          .map((k) => `get ${key(k)}() { return load()[${key(k)}]; }, set ${key(k)}(v) { load()[${key(k)}] = v; }`)
          .join(', ')} };\n`;
      return { code, moduleType: 'js' as const };
    },
  };
}

// One build so that every entry shares the same chunks (one LeadtidyError class).
// The pure entries import no Node built-in; only `node` and `cli` do.
// Runtime dependencies are bundled (one file to load instead of ~170 modules, tree-shaken);
// SheetJS, tldts and papaparse are wrapped so that they load on first use.
export default defineConfig({
  entry: {
    index: 'src/index.ts',
    core: 'src/core.ts',
    csv: 'src/csv.ts',
    node: 'src/node.ts',
    cli: 'src/cli.ts',
    // The record-step pool's worker thread (loaded by URL from the node entry).
    'node-worker': 'src/node/worker.ts',
  },
  format: ['esm', 'cjs'],
  platform: 'node',
  target: 'node20',
  dts: true,
  // import.meta.url in the CommonJS build (the pool finds its worker by URL).
  shims: true,
  clean: true,
  sourcemap: false,
  plugins: [lazyDictionaries(), lazyXlsx(), lazyCommonJs('tldts'), lazyCommonJs('papaparse', ['stream'])],
  deps: {
    alwaysBundle: [/^papaparse$/, /^zod(\/|$)/, /^tldts(-core)?(\/|$)/, /^libphonenumber-js(\/|$)/, /^fuse\.js$/, /^ret(\/|$)/, /^@noble\/hashes(\/|$)/, /^@e965\/xlsx$/],
    onlyBundle: false,
  },
  outExtensions: ({ format }) => ({ js: format === 'cjs' ? '.cjs' : '.js', dts: format === 'cjs' ? '.d.cts' : '.d.ts' }),
});
