import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isVajraError } from '@vajra-stream/core';
import { encodeWav, renderToBuffer, renderToWav, wavReadableStream, type ProgramInput } from '../src/index';
import { wavHeader } from '../src/wav/wav-format';
import { wavNodeReadable, writeWavFile } from '../src/node/index';

/** Run sox and return stdout + stderr (`stat` reports on stderr). Fails loudly when sox is missing. */
function sox(args: string[]): string {
  const result = spawnSync('sox', args, { encoding: 'utf8' });
  if (result.error && (result.error as NodeJS.ErrnoException).code === 'ENOENT') {
    throw new Error('sox is not installed: the WAV tests read files back with sox (apt-get install -y sox; scripts/ installs it in CI)');
  }
  if (result.status !== 0) throw new Error(`sox ${args.join(' ')} failed: ${result.stderr}`);
  return `${result.stdout}${result.stderr}`;
}

const directory = mkdtempSync(join(tmpdir(), 'vajra-audio-wav-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

const tone: ProgramInput = { duration: 1.5, gain: 1, layers: [{ kind: 'tone', frequency: 440, gain: 0.5, fadeIn: 0.01, fadeOut: 0.01 }] };

/** `sox file -n [effects] stat` (the report goes to stderr) parsed into numbers. */
function statOf(path: string, effects: string[] = []): Record<string, number> {
  const text = sox([path, '-n', ...effects, 'stat']);
  const fields: Record<string, number> = {};
  for (const line of text.split('\n')) {
    const match = /^(.+?):\s+(-?[\d.e+-]+)\s*$/.exec(line.trim());
    if (match) fields[match[1]!.trim()] = Number(match[2]);
  }
  return fields;
}

describe('WAV files read back by sox', () => {
  for (const [format, encoding, bits] of [
    ['pcm16', 'Signed Integer PCM', 16],
    ['pcm24', 'Signed Integer PCM', 24],
    ['float32', 'Floating Point PCM', 32],
  ] as const) {
    it(`${format}: header, length and content`, async () => {
      const path = join(directory, `tone-${format}.wav`);
      const progress: number[] = [];
      const result = await writeWavFile(tone, path, { format, onProgress: (p) => progress.push(p.fraction) });
      expect(result.frames).toBe(72_000);
      expect(progress.at(-1)).toBe(1);
      const info = sox(['--i', path]);
      expect(info).toMatch(/Channels\s*:\s*2/);
      expect(info).toMatch(/Sample Rate\s*:\s*48000/);
      expect(info).toMatch(new RegExp(`Precision\\s*:\\s*${bits === 32 ? 25 : bits}-bit`));
      expect(info).toMatch(/= 72000 samples/);
      expect(info).toContain(encoding);
      const stat = statOf(path);
      expect(stat['Samples read']).toBe(144_000);
      expect(stat['Maximum amplitude']).toBeCloseTo(0.5, 3);
      // the steady part of the left channel: a 440 Hz sine of amplitude 0.5
      const left = statOf(path, ['remix', '1', 'trim', '0.1', '1.2']);
      expect(left['RMS     amplitude']).toBeCloseTo(0.5 / Math.SQRT2, 3);
      expect(Math.abs(left['Rough   frequency']! - 440)).toBeLessThan(3);
      // the in-memory encoder writes the same bytes as the streaming file writer
      expect(Buffer.from(renderToWav(tone, { format })).equals(readFileSync(path))).toBe(true);
    });
  }

  it('encodeWav of a buffer equals renderToWav, and both stream forms carry the same bytes', async () => {
    const direct = renderToWav(tone, { format: 'pcm16' });
    expect(Buffer.from(encodeWav(renderToBuffer(tone), { format: 'pcm16' })).equals(Buffer.from(direct))).toBe(true);
    const web: Uint8Array[] = [];
    const reader = wavReadableStream(tone, { format: 'pcm16', blockSize: 1000 }).getReader();
    for (let next = await reader.read(); !next.done; next = await reader.read()) web.push(next.value);
    expect(Buffer.concat(web).equals(Buffer.from(direct))).toBe(true);
    const node: Buffer[] = [];
    for await (const chunk of wavNodeReadable(tone, { format: 'pcm16' })) node.push(Buffer.from(chunk as Uint8Array));
    expect(Buffer.concat(node).equals(Buffer.from(direct))).toBe(true);
    // and sox agrees about a file written from the web stream
    const path = join(directory, 'web.wav');
    writeFileSync(path, Buffer.concat(web));
    expect(sox(['--i', '-s', path]).trim()).toBe('72000');
  });

  it('refuses files beyond the 4 GiB RIFF limit before rendering anything', async () => {
    const long: ProgramInput = { duration: 12_000, layers: [{ kind: 'tone', frequency: 100 }] };
    const refused = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        return isVajraError(error) && (error as { code: string }).code === 'WAV_TOO_LARGE';
      }
      return false;
    };
    expect(refused(() => wavHeader({ sampleRate: 48_000, channels: 2, frames: 12_000 * 48_000, format: 'float32' }))).toBe(true);
    expect(refused(() => renderToWav(long, { format: 'float32' }))).toBe(true);
    expect(refused(() => wavReadableStream(long, { format: 'float32' }))).toBe(true);
    // 16-bit of the same program fits (2.3 GB): only the header is produced here
    expect(wavHeader({ sampleRate: 48_000, channels: 2, frames: 12_000 * 48_000, format: 'pcm16' }).length).toBe(44);
    const path = join(directory, 'huge.wav');
    await expect(writeWavFile(long, path, { format: 'float32' })).rejects.toMatchObject({ code: 'WAV_TOO_LARGE' });
    expect(existsSync(path)).toBe(false);
  });

  it('writeWavFile can be cancelled and removes the partial file', async () => {
    const controller = new AbortController();
    const path = join(directory, 'cancelled.wav');
    const promise = writeWavFile({ duration: 600, layers: [{ kind: 'noise', color: 'pink' }] }, path, {
      signal: controller.signal,
      onProgress: (p) => {
        if (p.fraction > 0.02) controller.abort();
      },
    });
    await expect(promise).rejects.toMatchObject({ code: 'ABORTED' });
    expect(existsSync(path)).toBe(false);
  });
});
