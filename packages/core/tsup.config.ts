import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {"index":"src/index.ts","testing/index":"src/testing/index.ts"},
  format: ['esm'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'node20',
  tsconfig: './tsconfig.json',
});
