import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createManualClock } from '@vajra-stream/core/testing';
import { createAudioEngine, nullSink, pcmStreamSink, type PcmChunk } from '../src/index';
import { speakerSink, wavFileSink } from '../src/node/index';

const tone = (frequency: number, duration = 600) => ({ duration, gain: 1, layers: [{ kind: 'tone' as const, frequency, gain: 0.5 }] });
const directory = mkdtempSync(join(tmpdir(), 'vajra-audio-engine-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe('createAudioEngine on a clock-paced nullSink', () => {
  it('plays in real time per the clock, reports state, active frequencies and a real spectrum', async () => {
    const clock = createManualClock();
    const engine = createAudioEngine({ sink: nullSink({ clock }) });
    await engine.play(tone(440));
    expect(engine.status().state).toBe('playing');
    await clock.advance(1000);
    expect(engine.status().position).toBeCloseTo(1, 2);
    expect(engine.activeFrequencies()).toEqual([expect.objectContaining({ frequency: 440, ear: 'both', kind: 'tone', layer: 0 })]);
    const spectrum = engine.spectrum();
    expect(Math.abs(spectrum.peaks[0]!.frequency - 440)).toBeLessThan(0.5);
    expect(spectrum.peaks[0]!.amplitude).toBeCloseTo(0.5, 1);

    engine.pause();
    await clock.advance(1000);
    expect(engine.status().state).toBe('paused');
    expect(engine.status().position).toBeLessThan(1.05); // only the 10 ms pause fade was rendered
    engine.resume();
    await clock.advance(500);
    expect(engine.status().position).toBeGreaterThan(1.5);

    await engine.crossfade(tone(528), { duration: 1 });
    await clock.advance(300);
    expect(engine.status().crossfading).toBe(true);
    expect(
      engine
        .activeFrequencies()
        .map((entry) => entry.frequency)
        .sort(),
    ).toEqual([440, 528]);
    await clock.advance(1000);
    expect(engine.status().crossfading).toBe(false);
    expect(engine.activeFrequencies().map((entry) => entry.frequency)).toEqual([528]);
    expect(Math.abs(engine.spectrum().peaks[0]!.frequency - 528)).toBeLessThan(0.5);

    const stopped = engine.stop({ fadeOut: 0.5 });
    expect(engine.status().state).toBe('stopping');
    await clock.advance(600);
    await stopped;
    expect(engine.status().state).toBe('idle');
    await engine.dispose();
  });

  it('ends by itself at the end of the program and calls onEnded', async () => {
    const clock = createManualClock();
    let ended = 0;
    const engine = createAudioEngine({ sink: nullSink({ clock }), onEnded: () => ended++ });
    await engine.play(tone(300, 0.5));
    await clock.advance(1000);
    expect(ended).toBe(1);
    expect(engine.status().state).toBe('idle');
    await engine.dispose();
  });

  it('runs paced by real time as well (short)', async () => {
    const before = Date.now();
    const engine = createAudioEngine({ sink: nullSink({ intervalMs: 10 }) });
    await engine.play(tone(440));
    // It moves on by itself (waited for, however slow the machine) …
    await vi.waitFor(() => expect(engine.status().position).toBeGreaterThan(0.05), { timeout: 20_000, interval: 5 });
    // … and never ahead of the wall-clock time since play (a lower bound on wall time: load only widens it).
    const position = engine.status().position;
    expect(position).toBeLessThanOrEqual((Date.now() - before) / 1000);
    await engine.dispose();
  });
});

describe('pcmStreamSink', () => {
  it('delivers contiguous real-time chunks to subscribers', async () => {
    const clock = createManualClock();
    const sink = pcmStreamSink({ clock });
    const chunks: PcmChunk[] = [];
    const off = sink.subscribe((chunk) => chunks.push(chunk));
    const engine = createAudioEngine({ sink });
    await engine.play(tone(1000));
    await clock.advance(2000);
    off();
    const frames = chunks.reduce((sum, chunk) => sum + chunk.frames, 0);
    expect(frames).toBe(96_000);
    chunks.forEach((chunk, index) => index > 0 && expect(chunk.startFrame).toBe(chunks[index - 1]!.startFrame + chunks[index - 1]!.frames));
    // continuity across chunk boundaries: no jump bigger than a 1 kHz sine step at amplitude 0.5
    const all = new Float32Array(frames);
    let offset = 0;
    for (const chunk of chunks) {
      all.set(chunk.channels[0], offset);
      offset += chunk.frames;
    }
    let jump = 0;
    for (let n = 1; n < all.length; n++) jump = Math.max(jump, Math.abs(all[n]! - all[n - 1]!));
    expect(jump).toBeLessThan(2 * Math.sin((Math.PI * 1000) / 48_000) * 0.5 * 1.01);

    // stop with a fade-out: the level falls smoothly to silence, no click at the end
    const after: Float32Array[] = [];
    sink.subscribe((chunk) => after.push(chunk.channels[0]));
    const stopped = engine.stop({ fadeOut: 0.5 });
    await clock.advance(1000);
    await stopped;
    const tail = Float32Array.from(after.flatMap((chunk) => [...chunk]));
    const peakIn = (from: number, to: number) => tail.subarray(from, to).reduce((max, x) => Math.max(max, Math.abs(x)), 0);
    expect(peakIn(0, 2400)).toBeGreaterThan(0.4);
    expect(peakIn(12_000, 14_400)).toBeLessThan(peakIn(0, 2400));
    expect(peakIn(22_800, 24_000)).toBeLessThan(0.03); // last 5 % of the linear 0.5 s fade
    expect(peakIn(24_050, 48_000)).toBe(0); // then silence
    for (let n = 1; n < tail.length; n++) jump = Math.max(jump, Math.abs(tail[n]! - tail[n - 1]!));
    expect(jump).toBeLessThan(2 * Math.sin((Math.PI * 1000) / 48_000) * 0.5 * 1.01);
    expect(engine.status().state).toBe('idle');
    await engine.dispose();
  });
});

describe('wavFileSink', () => {
  it('records what plays; sox reads the file back', async () => {
    const clock = createManualClock();
    const path = join(directory, 'live.wav');
    const engine = createAudioEngine({ sink: wavFileSink(path, { clock, format: 'pcm16' }) });
    await engine.play(tone(440));
    await clock.advance(1000);
    await engine.dispose();
    const result = spawnSync('sox', ['--i', '-s', path], { encoding: 'utf8' });
    if (result.error) throw new Error('sox is not installed (apt-get install -y sox)');
    expect(result.stdout.trim()).toBe('48000');
  });
});

describe('speakerSink (node-web-audio-api)', () => {
  it("plays through an AudioContext with sinkId { type: 'none' }", async () => {
    const engine = createAudioEngine({ sink: speakerSink({ sinkId: { type: 'none' }, bufferAhead: 0.1 }) });
    await engine.play(tone(440));
    // the audio thread plays in real time: wait for it, however slow the machine
    await vi.waitFor(() => expect(engine.status().position).toBeGreaterThan(0.1), { timeout: 20_000, interval: 10 });
    expect(Math.abs(engine.spectrum({ fftSize: 4096 }).peaks[0]!.frequency - 440)).toBeLessThan(2);
    await engine.dispose();
  });

  it('turns a missing module into a clear VajraError', async () => {
    const engine = createAudioEngine({
      sink: speakerSink({ load: () => Promise.reject(new Error("Cannot find package 'node-web-audio-api'")) }),
    });
    await expect(engine.play(tone(440))).rejects.toMatchObject({ code: 'AUDIO_OUTPUT_UNAVAILABLE', message: expect.stringMatching(/node-web-audio-api/) });
    expect(engine.status().state).toBe('idle');
  });

  it('turns a missing device into a clear VajraError', async () => {
    const engine = createAudioEngine({ sink: speakerSink({ sinkId: 'no-such-output-device' }) });
    await expect(engine.play(tone(440))).rejects.toMatchObject({ code: 'AUDIO_OUTPUT_UNAVAILABLE' });
  });
});
