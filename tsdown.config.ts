import { defineConfig } from 'tsdown';

export default defineConfig([
  {
    entry: {
      index: 'src/index.ts',
      core: 'src/core.ts',
      csv: 'src/csv.ts',
      node: 'src/node.ts',
    },
    format: ['esm', 'cjs'],
    platform: 'neutral',
    target: 'node20',
    dts: true,
    clean: true,
    sourcemap: false,
    outExtensions: ({ format }) => ({ js: format === 'cjs' ? '.cjs' : '.js', dts: format === 'cjs' ? '.d.cts' : '.d.ts' }),
  },
  {
    entry: { cli: 'src/cli.ts' },
    format: ['esm'],
    platform: 'node',
    target: 'node20',
    dts: false,
    clean: false,
    outExtensions: () => ({ js: '.js' }),
  },
]);
