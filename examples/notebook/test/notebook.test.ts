import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The notebook runs headless in Debian's jupyter-nbconvert (installed by scripts/ensure-tools.mjs) on the
// tslab kernel from npm, whose kernel spec is installed into a private prefix for the run.
const here = fileURLToPath(new URL('..', import.meta.url));
const notebook = join(here, 'vajra.ipynb');
const directory = mkdtempSync(join(tmpdir(), 'vajra-notebook-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

interface Output {
  output_type: string;
  name?: string;
  text?: string | string[];
  data?: Record<string, string | string[]>;
}
interface Cell {
  cell_type: string;
  source: string | string[];
  outputs?: Output[];
}
const joined = (value: string | string[] | undefined): string => (Array.isArray(value) ? value.join('') : (value ?? ''));

function nbconvert(input: string, output: string): ReturnType<typeof spawnSync> {
  return spawnSync('jupyter-nbconvert', ['--to', 'notebook', '--execute', '--ExecutePreprocessor.timeout=300', '--output', output, input], {
    cwd: here,
    encoding: 'utf8',
    env: { ...process.env, JUPYTER_PATH: join(directory, 'share', 'jupyter') },
    timeout: 240_000,
  });
}

beforeAll(() => {
  const nbconvertPath = spawnSync('sh', ['-c', 'command -v jupyter-nbconvert'], { encoding: 'utf8' }).stdout.trim();
  if (nbconvertPath === '') throw new Error('jupyter-nbconvert is missing: scripts/ensure-tools.mjs installs it (apt-get install jupyter-nbconvert python3-ipython)');
  // tslab's installer needs the Python that runs nbconvert (jupyter_client + IPython), not whichever python3 is first on PATH.
  const python = /^#!\s*(\S+)/.exec(readFileSync(nbconvertPath, 'utf8'))?.[1] ?? 'python3';
  execFileSync(join(here, 'node_modules', '.bin', 'tslab'), ['install', '--python', python, '--binary', join(here, 'node_modules', '.bin', 'tslab'), '--prefix', directory], { stdio: 'pipe' });
  expect(existsSync(join(directory, 'share', 'jupyter', 'kernels', 'tslab', 'kernel.json'))).toBe(true);
}, 120_000);

describe('examples/notebook/vajra.ipynb on the tslab kernel', () => {
  it('runs every cell headless: a chart wheel, a spectrum plot with the partials it rendered, and an audio player holding the WAV', { timeout: 300_000 }, () => {
    const output = join(directory, 'executed.ipynb');
    const run = nbconvert(notebook, output);
    expect(run.status, String(run.stderr)).toBe(0);
    const cells = (JSON.parse(readFileSync(output, 'utf8')) as { cells: Cell[] }).cells.filter((cell) => cell.cell_type === 'code');
    const outputs = cells.map((cell) => cell.outputs ?? []);
    expect(outputs.flat().filter((item) => item.output_type === 'error' || item.name === 'stderr')).toEqual([]);
    const text = (index: number): string =>
      outputs[index]!.filter((item) => item.name === 'stdout')
        .map((item) => joined(item.text))
        .join('');
    const html = (index: number): string => outputs[index]!.map((item) => joined(item.data?.['text/html'])).join('');

    expect(text(1)).toMatch(/^new moon; Sun aries 19\.\d°, Moon aries 19\.\d°/); // the eclipse: Sun and Moon together
    expect(html(1)).toMatch(/^<svg[^>]*role="img"/);
    const partials = [...text(2).matchAll(/([\d.]+) Hz/g)].map((match) => Number(match[1]));
    expect(partials.some((frequency) => Math.abs(frequency - 200) < 0.5) && partials.some((frequency) => Math.abs(frequency - 221) < 0.5)).toBe(true);
    expect(html(2)).toMatch(/^<svg[^>]*role="img"/);

    const audio = /^<audio controls src="data:audio\/wav;base64,([A-Za-z0-9+/=]+)"><\/audio>$/.exec(html(3));
    expect(audio).not.toBeNull();
    const wav = join(directory, 'player.wav');
    writeFileSync(wav, Buffer.from(audio![1]!, 'base64'));
    const soxi = (flag: string): string => execFileSync('soxi', [flag, wav], { encoding: 'utf8' }).trim();
    expect([soxi('-c'), soxi('-r'), soxi('-b'), soxi('-s')]).toEqual(['2', '48000', '16', String(4 * 48_000)]);
  });

  it('fails the run when a cell fails', { timeout: 300_000 }, () => {
    const broken = JSON.parse(readFileSync(notebook, 'utf8')) as { cells: Cell[] };
    broken.cells.push({ cell_type: 'code', source: "throw new Error('this cell fails');", outputs: [], ...{ execution_count: null, metadata: {}, id: 'failing-cell' } });
    const input = join(directory, 'broken.ipynb');
    writeFileSync(input, JSON.stringify(broken));
    const run = nbconvert(input, join(directory, 'broken-out.ipynb'));
    expect(run.status).not.toBe(0);
    expect(String(run.stderr)).toContain('CellExecutionError');
  });
});
