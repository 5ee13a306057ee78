import { describe, expect, it } from 'vitest';
import { isVajraError } from '@vajra-stream/core';
import { renderToBuffer } from '../render/render-blocks';
import { parseProgram } from './parse-program';

describe('programSchema / parseProgram', () => {
  it('applies defaults and round-trips through JSON', () => {
    const program = parseProgram({ duration: 5, layers: [{ kind: 'bowl', frequency: 221 }] });
    expect(program).toMatchObject({ sampleRate: 48_000, gain: 0.8, layers: [{ kind: 'bowl', modes: 'tibetan-180mm', start: 0, gain: 1, pan: 0 }] });
    expect(parseProgram(JSON.parse(JSON.stringify(program)))).toEqual(program);
  });
  it('rejects bad programs with VALIDATION_FAILED and the zod issues', () => {
    for (const bad of [
      { duration: -1 },
      { duration: 1, layers: [{ kind: 'tone', frequency: 0 }] },
      {
        duration: 1,
        layers: [
          {
            kind: 'tone',
            frequency: [
              { at: 2, value: 1 },
              { at: 1, value: 2 },
            ],
          },
        ],
      },
      { duration: 1, layers: [{ kind: 'bowl', frequency: 100, modes: 'no-such-bowl' }] },
      { duration: 1, gain: 2 },
    ]) {
      try {
        parseProgram(bad);
        expect.fail('accepted an invalid program');
      } catch (error) {
        expect(isVajraError(error)).toBe(true);
        expect(error).toMatchObject({ code: 'VALIDATION_FAILED', status: 422, details: { issues: expect.any(Array) } });
      }
    }
  });
  it('renders deterministically (same program → identical samples)', () => {
    const program = {
      duration: 0.5,
      layers: [
        { kind: 'noise' as const, color: 'pink' as const },
        { kind: 'bowl' as const, frequency: 300 },
      ],
    };
    const a = renderToBuffer(program).channels[0];
    const b = renderToBuffer(program).channels[0];
    expect(Buffer.from(a.buffer).equals(Buffer.from(b.buffer))).toBe(true);
    const other = renderToBuffer({ ...program, seed: 2 }).channels[0];
    expect(Buffer.from(a.buffer).equals(Buffer.from(other.buffer))).toBe(false);
  });
  it('renderBlocks output is bit-identical for any block size', async () => {
    const { renderBlocks } = await import('../render/render-blocks');
    const program = {
      duration: 0.3,
      layers: [
        { kind: 'bowl' as const, frequency: 300, strikes: [0, 0.1] },
        {
          kind: 'tone' as const,
          frequency: [
            { at: 0, value: 200 },
            { at: 0.3, value: 300 },
          ],
        },
      ],
    };
    const join = (size: number) => Float32Array.from([...renderBlocks(program, { blockSize: size })].flatMap((block) => [...block.channels[0]]));
    const reference = join(4096);
    for (const size of [1, 100, 1000]) {
      const other = join(size);
      expect(Buffer.from(other.buffer).equals(Buffer.from(reference.buffer)), `blockSize ${size}`).toBe(true);
    }
  });
});
