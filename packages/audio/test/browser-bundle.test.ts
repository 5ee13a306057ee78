import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const source = (path: string) => new URL(`../${path}`, import.meta.url).pathname;

// "Runs unchanged in the browser": bundle the DSP entry and the AudioWorklet for the browser platform.
// esbuild refuses any Node built-in there, so a stray `node:` import anywhere in the graph fails this test.
describe('browser bundles', () => {
  for (const entry of ['src/index.ts', 'src/worklet/index.ts']) {
    it(`bundles ${entry} (with core, zod and fft.js) for the browser without Node built-ins`, async () => {
      const result = await build({
        entryPoints: [source(entry)],
        bundle: true,
        write: false,
        platform: 'browser',
        format: 'esm',
        logLevel: 'silent',
        alias: { '@vajra-stream/core': source('../core/src/index.ts') },
      });
      expect(result.errors).toEqual([]);
      const code = result.outputFiles[0]?.text ?? '';
      expect(code.length).toBeGreaterThan(10_000);
      expect(code).not.toMatch(/from ["']node:|require\(["']node:/);
    });
  }
});
