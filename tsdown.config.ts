import { defineConfig } from 'tsdown';

// One build so that every entry shares the same chunks (one LeadtidyError class).
// The pure entries import no Node built-in; only `node` and `cli` do.
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
  outExtensions: ({ format }) => ({ js: format === 'cjs' ? '.cjs' : '.js', dts: format === 'cjs' ? '.d.cts' : '.d.ts' }),
});
