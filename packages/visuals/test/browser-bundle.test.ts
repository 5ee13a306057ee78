import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const source = (path: string) => new URL(`../${path}`, import.meta.url).pathname;

// "Browser-safe": bundle the main entry (with core, astrology and zod) for the browser platform. esbuild
// refuses Node built-ins there, so a stray `node:` import anywhere in the graph fails this test; the
// optional resvg peer must stay out of the bundle (it is loaded by a computed specifier, on Node only).
describe('browser bundle', () => {
  it('bundles the main entry for the browser without Node built-ins or the native renderer', async () => {
    const result = await build({
      entryPoints: [source('src/index.ts')],
      bundle: true,
      write: false,
      platform: 'browser',
      format: 'esm',
      logLevel: 'silent',
      alias: { '@vajra-stream/core': source('../core/src/index.ts'), '@vajra-stream/astrology': source('../astrology/src/index.ts') },
    });
    expect(result.errors).toEqual([]);
    const code = result.outputFiles[0]?.text ?? '';
    expect(code).toContain('Sri Yantra');
    expect(code).not.toMatch(/from ["']node:|require\(["']node:/);
    expect(code).not.toMatch(/resvg-js-linux|js-binding/);
  });

  it('really fails on a Node built-in (the check can fail)', async () => {
    const result = build({ stdin: { contents: "import 'node:fs'; export const x = 1;", resolveDir: source('src') }, bundle: true, write: false, platform: 'browser', logLevel: 'silent' });
    await expect(result).rejects.toThrow();
  });
});
