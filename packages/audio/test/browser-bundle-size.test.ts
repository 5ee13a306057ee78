import { execFileSync } from 'node:child_process';
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
    return { bytes: result.outputFiles[0]!.contents.length, code: result.outputFiles[0]!.text, inputs: Object.values(result.metafile.outputs)[0]!.inputs };
  };
  const bytesOf = (inputs: Metafile['outputs'][string]['inputs'], pattern: RegExp) => Object.entries(inputs).reduce((sum, [path, input]) => sum + (pattern.test(path) ? input.bytesInOutput : 0), 0);

  // The goal is 250 KB for each entry and for audio + astrology together. The domain schemas are built with
  // zod/mini, and core's own (classic) schemas are marked pure, so zod classic stays out of these bundles.
  for (const entry of ['@vajra-stream/audio', '@vajra-stream/audio/worklet', '@vajra-stream/astrology']) {
    it(`${entry} is at most 250 KB, without zod classic`, async () => {
      const { bytes, inputs } = await bundle(`${entry.replace(/\W/g, '-')}.js`, `export * from '${entry}';\n`);
      expect(bytes).toBeGreaterThan(50 * KB); // the engine is really in it
      expect(bytes).toBeLessThanOrEqual(250 * KB);
      expect(Object.keys(inputs).filter((path) => path.includes('/zod/v4/classic/'))).toEqual([]);
    });
  }

  it('audio + astrology together: at most 250 KB, zod tree-shaken (mini only, no locales but English, no JSON Schema)', async () => {
    const { bytes, inputs } = await bundle('both.js', "export * as audio from '@vajra-stream/audio';\nexport * as astrology from '@vajra-stream/astrology';\n");
    const zod = bytesOf(inputs, /node_modules\/zod\//);
    expect(zod).toBeGreaterThan(0);
    expect(zod).toBeLessThanOrEqual(40 * KB); // 99 KB with zod classic
    expect(Object.keys(inputs).filter((path) => path.includes('/zod/v4/classic/'))).toEqual([]);
    expect(Object.keys(inputs).filter((path) => /zod\/v4\/locales\/(?!en\.js)/.test(path))).toEqual([]);
    expect(Object.keys(inputs).filter((path) => /json-schema/.test(path))).toEqual([]);
    expect(bytes).toBeLessThanOrEqual(250 * KB); // 304 KB with zod classic, 639 KB before tree shaking
  });

  it('a bundled app without zod classic reports the same English validation messages as Node', async () => {
    // zod keeps its configuration (the locale) on globalThis, so the bundle runs in a process of its own
    const program = { duration: -1, layers: [{ kind: 'tone', frequency: 440, fadeIn: 'soon' }] };
    const place = { date: '2024-01-01T00:00:00Z', latitude: 91, longitude: 0 };
    const attempt = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        return { code: (error as { code?: string }).code, status: (error as { status?: number }).status, message: (error as Error).message };
      }
      return undefined;
    };
    const { code } = await bundle(
      'validate.js',
      `import { parseProgram } from '@vajra-stream/audio';\nimport { chart } from '@vajra-stream/astrology';\nconst attempt = ${attempt.toString()};\nconsole.log(JSON.stringify([attempt(() => parseProgram(${JSON.stringify(program)})), attempt(() => chart(${JSON.stringify(place)}))]));\n`,
    );
    writeFileSync(join(app, 'validate.bundle.mjs'), code);
    const fromBundle = JSON.parse(execFileSync(process.execPath, [join(app, 'validate.bundle.mjs')], { encoding: 'utf8' }));
    const { parseProgram } = await import('@vajra-stream/audio');
    const { chart } = await import('@vajra-stream/astrology');
    expect(fromBundle).toEqual([attempt(() => parseProgram(program)), attempt(() => chart(place))]);
    for (const problem of fromBundle) {
      expect(problem).toMatchObject({ code: 'VALIDATION_FAILED', status: 422 });
      expect(problem.message).toMatch(/Too (small|big): expected number to be/);
    }
  });
});
