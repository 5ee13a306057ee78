import { defineConfig } from 'tsup';

export default defineConfig([
  {
    entry: { index: 'src/index.ts', 'node/index': 'src/node/index.ts' },
    format: ['esm'],
    dts: true,
    clean: true,
    sourcemap: true,
    target: 'node20',
    tsconfig: './tsconfig.json',
  },
  {
    // the AudioWorklet module must be self-contained (worklets cannot resolve bare imports)
    entry: { 'worklet/index': 'src/worklet/index.ts' },
    format: ['esm'],
    dts: true,
    sourcemap: true,
    target: 'es2022',
    platform: 'browser',
    noExternal: [/.*/],
    minify: true,
    tsconfig: './tsconfig.json',
  },
]);
