import { describe, expect, it } from 'vitest';
import { renderBlocks, renderBlocksAsync, renderToBuffer } from './render-blocks';

const program = { duration: 0.5, layers: [{ kind: 'tone' as const, frequency: 440 }] };

describe('renderBlocksAsync', () => {
  it('yields the same audio as the sync forms, in blocks of the asked size', async () => {
    const blocks = [];
    for await (const block of renderBlocksAsync(program, { blockSize: 5000 })) blocks.push(block);
    expect(blocks.map((block) => block.frames)).toEqual([5000, 5000, 5000, 5000, 4000]);
    expect(blocks.map((block) => block.startFrame)).toEqual([0, 5000, 10_000, 15_000, 20_000]);
    const whole = renderToBuffer(program).channels[0];
    const joined = Float32Array.from(blocks.flatMap((block) => [...block.channels[0]]));
    expect(Buffer.from(joined.buffer).equals(Buffer.from(whole.buffer))).toBe(true);
    expect([...renderBlocks(program, { blockSize: 5000 })]).toHaveLength(5);
  });
  it('stops when the signal aborts', async () => {
    const controller = new AbortController();
    const seen: number[] = [];
    await expect(
      (async () => {
        for await (const block of renderBlocksAsync({ duration: 60, layers: [] }, { blockSize: 4800, signal: controller.signal })) {
          seen.push(block.startFrame);
          if (seen.length === 3) controller.abort(new Error('enough'));
        }
      })(),
    ).rejects.toThrow('enough');
    expect(seen).toHaveLength(3);
  });
});

describe('startAt', () => {
  it('renders from the middle exactly as the full render does (within float rounding)', async () => {
    const { createProgramRenderer } = await import('./create-program-renderer');
    // (below the ceiling: the limiter's own gain state is the one thing a seek restarts)
    const program = {
      duration: 1,
      gain: 1,
      layers: [
        { kind: 'bowl' as const, frequency: 300, strikes: [0, 0.3], gain: 0.4 },
        {
          kind: 'tone' as const,
          frequency: [
            { at: 0, value: 200 },
            { at: 1, value: 300 },
          ],
          gain: 0.3,
        },
        { kind: 'isochronic' as const, frequency: 500, rate: 7, gain: 0.2 },
      ],
    };
    const full = renderToBuffer(program).channels[0];
    const renderer = createProgramRenderer(program, { startAt: 0.5 });
    expect(renderer.position).toBe(24_000);
    const left = new Float32Array(24_000);
    expect(renderer.read(left, new Float32Array(24_000), 24_000)).toBe(24_000);
    let worst = 0;
    for (let n = 200; n < 24_000; n++) worst = Math.max(worst, Math.abs(left[n]! - full[24_000 + n]!));
    expect(worst).toBeLessThan(1e-5);
  });
});
