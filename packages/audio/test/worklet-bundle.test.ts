import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';

const packageDir = new URL('..', import.meta.url).pathname;

// A user's app: `import '@vajra-stream/audio/worklet'` only for its side effect (registering the
// processor), resolved through the package's exports to the built file, as npm installs it.
describe('the worklet entry survives bundlers', () => {
  const app = mkdtempSync(join(tmpdir(), 'vajra-worklet-app-'));
  afterAll(() => rmSync(app, { recursive: true, force: true }));

  it('esbuild keeps the processor registration of a bare side-effect import', async () => {
    mkdirSync(join(app, 'node_modules', '@vajra-stream'), { recursive: true });
    symlinkSync(packageDir, join(app, 'node_modules', '@vajra-stream', 'audio'), 'dir');
    writeFileSync(join(app, 'worklet.js'), "import '@vajra-stream/audio/worklet';\n");
    const result = await build({ entryPoints: [join(app, 'worklet.js')], bundle: true, write: false, platform: 'browser', format: 'esm', minify: true, logLevel: 'silent', absWorkingDir: app });
    const code = result.outputFiles[0]!.text;
    expect(code).toContain('registerProcessor');
    expect(code).toContain('vajra-program');
    expect(code.length).toBeGreaterThan(10_000);
  });
});
