import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, type Metafile } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';

const packagesDir = new URL('../..', import.meta.url).pathname;
const KB = 1024;

// A browser app that installs the packages (built dist, resolved through their exports as npm installs them)
// and keeps every export of the entries it imports (the worst case for tree shaking).
describe('browser bundle sizes (minified, everything exported by the entries kept)', () => {
  const app = mkdtempSync(join(tmpdir(), 'vajra-browser-app-'));
  afterAll(() => rmSync(app, { recursive: true, force: true }));
  mkdirSync(join(app, 'node_modules', '@vajra-stream'), { recursive: true });
  for (const name of ['audio', 'astrology', 'core']) symlinkSync(join(packagesDir, name), join(app, 'node_modules', '@vajra-stream', name), 'dir');

  const bundle = async (name: string, source: string) => {
    writeFileSync(join(app, name), source);
    const result = await build({
      entryPoints: [join(app, name)],
      bundle: true,
      write: false,
      metafile: true,
      platform: 'browser',
      format: 'esm',
      minify: true,
      logLevel: 'silent',
      absWorkingDir: app,
    });
    return { bytes: result.outputFiles[0]!.contents.length, inputs: Object.values(result.metafile.outputs)[0]!.inputs };
  };
  const bytesOf = (inputs: Metafile['outputs'][string]['inputs'], pattern: RegExp) => Object.entries(inputs).reduce((sum, [path, input]) => sum + (pattern.test(path) ? input.bytesInOutput : 0), 0);

  // The goal is 250 KB. Audio's entries meet it; astrology's (VSOP87 table 56 KB, astronomy-engine 59 KB,
  // zod classic ≈ 95 KB, which its exported schemas need for .extend/.partial/.meta) is held where it is.
  for (const [entry, limit] of [
    ['@vajra-stream/audio', 250],
    ['@vajra-stream/audio/worklet', 250],
    ['@vajra-stream/astrology', 256],
  ] as const) {
    it(`${entry} is at most ${limit} KB`, async () => {
      const { bytes } = await bundle(`${entry.replace(/\W/g, '-')}.js`, `export * from '${entry}';\n`);
      expect(bytes).toBeGreaterThan(50 * KB); // the engine is really in it
      expect(bytes).toBeLessThanOrEqual(limit * KB);
    });
  }

  it('audio + astrology together: zod is tree-shaken (no locales but English, no JSON Schema import)', async () => {
    const { bytes, inputs } = await bundle('both.js', "export * as audio from '@vajra-stream/audio';\nexport * as astrology from '@vajra-stream/astrology';\n");
    const zod = bytesOf(inputs, /node_modules\/zod\//);
    expect(zod).toBeGreaterThan(0);
    expect(zod).toBeLessThanOrEqual(100 * KB); // 443 KB with `import { z } from 'zod'`
    expect(Object.keys(inputs).filter((path) => /zod\/v4\/locales\/(?!en\.js)/.test(path))).toEqual([]);
    expect(Object.keys(inputs).filter((path) => path.includes('from-json-schema'))).toEqual([]);
    expect(bytes).toBeLessThanOrEqual(305 * KB); // 639 KB before
  });
});
