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
  },
  format: ['esm', 'cjs'],
  platform: 'node',
  target: 'node20',
  dts: true,
  clean: true,
  sourcemap: false,
  outExtensions: ({ format }) => ({ js: format === 'cjs' ? '.cjs' : '.js', dts: format === 'cjs' ? '.d.cts' : '.d.ts' }),
});
