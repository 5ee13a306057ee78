import { describe, expect, it } from 'vitest';
import { analyzeSpectrum } from '../analysis/analyze-spectrum';
import { renderToBuffer } from '../render/render-blocks';
import { createProgramProcessorClass } from './index';

// The AudioWorklet global scope is the outside world here: a minimal base class with a port stands in for it.
class FakePort {
  onmessage: ((event: MessageEvent) => void) | null = null;
  posted: unknown[] = [];
  postMessage(message: unknown): void {
    this.posted.push(message);
  }
}
class FakeProcessorBase {
  port = new FakePort() as unknown as MessagePort;
}

describe('AudioWorklet processor', () => {
  it('renders the same samples as the offline renderer, 128 frames at a time', () => {
    const program = {
      duration: 0.2,
      layers: [
        { kind: 'bowl' as const, frequency: 330 },
        { kind: 'binaural' as const, carrier: 200, beat: 10, gain: 0.3 },
      ],
    };
    const Processor = createProgramProcessorClass(FakeProcessorBase as never);
    const processor = new Processor({ processorOptions: { program } }) as unknown as { process(i: unknown, o: Float32Array[][]): boolean; port: { posted: unknown[] } };
    const offline = renderToBuffer(program);
    const left = new Float32Array(offline.frames + 256);
    for (let start = 0; start < left.length; start += 128) {
      const output = [new Float32Array(128), new Float32Array(128)];
      expect(processor.process([], [output])).toBe(true);
      left.set(output[0]!.subarray(0, Math.min(128, left.length - start)), start);
    }
    let worst = 0;
    for (let n = 0; n < offline.frames; n++) worst = Math.max(worst, Math.abs(left[n]! - offline.channels[0][n]!));
    expect(worst).toBeLessThan(1e-5);
    expect(processor.port.posted).toContainEqual({ type: 'ended' });
    expect(analyzeSpectrum(left.subarray(0, 8192), 48_000, { fftSize: 8192 }).peaks.some((peak) => Math.abs(peak.frequency - 330) < 3)).toBe(true);
  });

  it('joins a program under way at startAt (the same samples as the offline render from that instant)', () => {
    const program = { duration: 0.5, gain: 1, layers: [{ kind: 'tone' as const, frequency: 432, gain: 0.3, fadeIn: 0.05 }] };
    const Processor = createProgramProcessorClass(FakeProcessorBase as never);
    const processor = new Processor({ processorOptions: { program, startAt: 0.25 } }) as unknown as {
      process(i: unknown, o: Float32Array[][]): boolean;
      port: { posted: unknown[]; onmessage: (event: { data: unknown }) => void };
    };
    const offline = renderToBuffer(program);
    const offset = 0.25 * 48_000;
    const read = (frames: number) => {
      const out = new Float32Array(frames);
      for (let start = 0; start < frames; start += 128) {
        const output = [new Float32Array(128), new Float32Array(128)];
        processor.process([], [output]);
        out.set(output[0]!.subarray(0, Math.min(128, frames - start)), start);
      }
      return out;
    };
    const joined = read(4096);
    let worst = 0;
    for (let n = 0; n < joined.length; n++) worst = Math.max(worst, Math.abs(joined[n]! - offline.channels[0][offset + n]!));
    expect(worst).toBeLessThan(1e-5);
    processor.port.onmessage({ data: { type: 'play', program, startAt: -1 } });
    expect(processor.port.posted).toContainEqual({ type: 'error', message: expect.stringContaining('startAt') });
  });
});
