import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const packages = fileURLToPath(new URL('./packages/', import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      // Tests run against the sources: `@vajra-stream/x` → packages/x/src, `@vajra-stream/x/sub` → packages/x/src/sub.
      { find: /^@vajra-stream\/([^/]+)$/, replacement: `${packages}$1/src/index.ts` },
      { find: /^@vajra-stream\/([^/]+)\/(.+)$/, replacement: `${packages}$1/src/$2/index.ts` },
    ],
  },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts', 'examples/*/**/*.test.ts', 'docs/examples/test/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    typecheck: {
      enabled: true,
      include: ['packages/*/src/**/*.test-d.ts', 'packages/*/test/**/*.test-d.ts'],
      tsconfig: './tsconfig.test-d.json',
      // Source type errors are the job of the `tsc --noEmit` step; here only *.test-d.ts assertions count.
      ignoreSourceErrors: true,
    },
  },
});
