import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Metafile } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/*
 * The vendor SDKs are optional peer dependencies loaded on first use (issue 10): importing the oracle
 * and using it offline never resolves them, and a provider configured without its SDK is reported by
 * health() and at kernel start. Checked twice: on the static module graph of the sources (esbuild's
 * metafile: the SDKs may only be reached through dynamic `import()`), and at run time in a child Node
 * process whose module hook records every resolution of the SDKs and can make them unresolvable.
 */

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const fixtures = fileURLToPath(new URL('./__fixtures__/', import.meta.url));
const SDKS = ['openai', '@anthropic-ai/sdk'];
// Inside the package's node_modules so the bundle resolves zod (kept external like the SDKs).
const bundleDir = join(packageDir, 'node_modules', '.cache', `vajra-sdk-free-${process.pid}`);
const bundle = join(bundleDir, 'oracle.mjs');
let metafile: Metafile;

beforeAll(async () => {
  const result = await build({
    entryPoints: [join(fixtures, 'sdk-free-entry.ts')],
    outfile: bundle,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: [...SDKS, 'zod'],
    tsconfig: join(fixtures, 'sdk-free-child.tsconfig.json'),
    metafile: true,
    logLevel: 'silent',
  });
  metafile = result.metafile;
});
afterAll(() => rmSync(bundleDir, { recursive: true, force: true }));

const runChild = (mode: 'present' | 'missing') => {
  const run = spawnSync(process.execPath, [join(fixtures, 'sdk-free-child.mjs'), bundle, mode], { cwd: packageDir, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' }, timeout: 60_000 });
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout.trim().split('\n').at(-1)!) as Record<string, unknown>;
};

describe('vendor SDKs as optional peers', () => {
  it('reaches the SDKs only through dynamic import() in the module graph', () => {
    const imports = Object.entries(metafile.inputs).flatMap(([file, input]) => input.imports.filter((i) => SDKS.includes(i.path)).map((i) => ({ file, kind: i.kind })));
    expect(imports.length).toBeGreaterThan(0);
    expect(imports.filter((i) => i.kind !== 'dynamic-import')).toEqual([]);
  });

  it('imports, writes offline and plans without resolving either SDK', () => {
    const out = runChild('present');
    expect(out).toMatchObject({ afterImport: [], afterOffline: [], offlineText: true, offlinePlan: 600 });
  });

  it('reports a configured provider whose SDK is not installed, by health() and at start, and falls back', () => {
    const out = runChild('missing');
    expect(out.health).toEqual([
      { provider: 'openai', ok: false, code: 'PROVIDER_MISCONFIGURED', message: expect.stringContaining('"openai" package is not installed (npm install openai)') },
      { provider: 'anthropic', ok: false, code: 'PROVIDER_MISCONFIGURED', message: expect.stringContaining('"@anthropic-ai/sdk" package is not installed') },
      { provider: 'offline', ok: true },
    ]);
    // Both were taken out of rotation by health(): the answer comes from the offline composer.
    expect(out.answer).toEqual({ provider: 'offline', attempts: ['offline:OK'] });
    expect(out.startWarnings).toEqual([{ code: 'PROVIDER_MISCONFIGURED', problem: expect.stringContaining('npm install @anthropic-ai/sdk') }]);
    expect(JSON.stringify(out)).not.toContain('SECRET');
    expect(out.resolved).toEqual(expect.arrayContaining(SDKS));
  });
});
