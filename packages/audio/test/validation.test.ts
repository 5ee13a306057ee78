import { describe, expect, it } from 'vitest';
import { isVajraError } from '@vajra-stream/core';
import { analyzeSpectrum, createProgramRenderer, encodeWav, parseProgram, programFromSbagen, renderBlocks, renderToBuffer, renderToWav, wavChunks } from '../src/index';
import { writeWavFile } from '../src/node/index';

const caught = (run: () => unknown): { code: string; status: number; message: string; details: { issues: Array<{ path: string; code: string }> } } => {
  try {
    run();
  } catch (error) {
    expect(isVajraError(error)).toBe(true);
    return error as never;
  }
  return expect.fail('accepted');
};

const program = { duration: 0.1, layers: [{ kind: 'tone' as const, frequency: 440 }] };

describe('an invalid program names every problem', () => {
  it('is a 422 VALIDATION_FAILED listing the path of each issue', () => {
    const error = caught(() =>
      parseProgram({
        duration: -1,
        layers: [
          { kind: 'tone', frequency: 440 },
          { kind: 'tone', frequency: 0 },
          { kind: 'bowl', frequency: 200, modes: [{ ratio: 1, split: 500 }] },
        ],
      }),
    );
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', status: 422 });
    const paths = error.details.issues.map((issue) => issue.path);
    expect(paths).toEqual(expect.arrayContaining(['duration', 'layers[1].frequency', 'layers[2].modes[0].split']));
    for (const path of paths) expect(error.message).toContain(`${path}: `);
  });

  it('refuses unknown fields instead of ignoring them', () => {
    const error = caught(() => parseProgram({ duration: 1, layers: [{ kind: 'bowl', frequency: 200, decay: 4 }], volume: 0.5 }));
    expect(error.details.issues).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: 'layers[0]', code: 'unrecognized_keys' }), expect.objectContaining({ path: '', code: 'unrecognized_keys' })]),
    );
    expect(error.message).toMatch(/decay/);
    expect(error.message).toMatch(/volume/);
  });
});

describe('unknown options are refused at run time', () => {
  it('renderToWav(p, { bitDepth: 16 }) is refused; format: pcm16 writes 16-bit', () => {
    const error = caught(() => renderToWav(program, { bitDepth: 16 } as never));
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', status: 422 });
    expect(error.details.issues).toEqual([expect.objectContaining({ path: 'bitDepth', code: 'unrecognized_keys' })]);
    const wav = renderToWav(program, { format: 'pcm16' });
    expect(new DataView(wav.buffer).getUint16(34, true)).toBe(16);
    expect(wav.length).toBe(44 + 0.1 * 48_000 * 2 * 2);
  });

  it('refuses bad values and unknown keys in every options object', () => {
    const runs: Array<[string, () => unknown]> = [
      ['format', () => renderToWav(program, { format: 'pcm8' } as never)],
      ['blockSize', () => wavChunks(program, { blockSize: 0 }).next()],
      ['blocksize', () => renderBlocks(program, { blocksize: 10 } as never).next()],
      ['startAt', () => createProgramRenderer(program, { startAt: -1 })],
      ['windowType', () => analyzeSpectrum(new Float32Array(64), 48_000, { windowType: 'hann' } as never)],
      ['format', () => encodeWav(renderToBuffer(program), { format: 'mp3' } as never)],
      ['fadeTime', () => programFromSbagen('a: 200/50\nNOW a', { fadeTime: 3 } as never)],
    ];
    for (const [path, run] of runs) {
      const error = caught(run);
      expect(error.status, path).toBe(422);
      expect(
        error.details.issues.map((issue) => issue.path),
        path,
      ).toEqual([path]);
    }
  });

  it('writeWavFile refuses before creating the file', async () => {
    await expect(writeWavFile(program, '/nonexistent-dir/never.wav', { bits: 16 } as never)).rejects.toMatchObject({ code: 'VALIDATION_FAILED', status: 422 });
  });
});
