import { describe, expect, it } from 'vitest';
import { createMemoryStore, createVajra, silentLogger } from '@vajra-stream/core';
import { createManualClock } from '@vajra-stream/core/testing';
import { audioPlugin, type SpectrumFrame } from '../src/index';

describe('audioPlugin', () => {
  it('plays a session program on start, emits spectrum frames at the configured rate, follows pause/resume/stop', async () => {
    const clock = createManualClock();
    const vajra = createVajra({ plugins: [audioPlugin()], clock, logger: silentLogger, config: { audio: { spectrumRate: 10, fadeOut: 0.5 } }, env: {} });
    await vajra.start();
    const frames: SpectrumFrame[] = [];
    vajra.events.on('audio:spectrum', (frame) => frames.push(frame));
    const audio = vajra.plugin('audio');
    const session = await vajra.sessions.create({
      intention: 'peace',
      duration: 600,
      program: { duration: 600, gain: 1, layers: [{ kind: 'tone', frequency: 528, gain: 0.5 }] },
    });
    await vajra.sessions.start(session.id);
    await clock.advance(1000);
    expect(audio.status()).toMatchObject({ state: 'playing', sessionId: session.id });
    expect(frames.length).toBeGreaterThanOrEqual(9);
    expect(frames.length).toBeLessThanOrEqual(11);
    const last = frames.at(-1)!;
    expect(last.sessionId).toBe(session.id);
    expect(Math.abs(last.peaks[0]!.frequency - 528)).toBeLessThan(1);
    expect(last.bands).toHaveLength(32);
    expect(JSON.parse(JSON.stringify(last))).toEqual(last);
    expect(audio.activeFrequencies().map((entry) => entry.frequency)).toEqual([528]);

    await vajra.sessions.pause(session.id);
    const paused = frames.length;
    await clock.advance(1000);
    expect(audio.status().state).toBe('paused');
    expect(frames.length).toBe(paused);
    await vajra.sessions.resume(session.id);
    await clock.advance(500);
    expect(audio.status().state).toBe('playing');
    expect(frames.length).toBeGreaterThan(paused);

    await vajra.sessions.stop(session.id);
    await clock.advance(100);
    expect(audio.status().state).toBe('stopping');
    await clock.advance(600);
    expect(audio.status().state).toBe('idle');
    await vajra.stop();
  });

  it('derives a program from seed-style session fields when none is given', async () => {
    const clock = createManualClock();
    const vajra = createVajra({ plugins: [audioPlugin()], clock, logger: silentLogger, env: {} });
    await vajra.start();
    const session = await vajra.sessions.create({ intention: 'healing', duration: 60, audioType: 'binaural', frequencies: [7.83] });
    await vajra.sessions.start(session.id);
    await clock.advance(500);
    const heard = vajra.plugin('audio').activeFrequencies();
    expect(heard.map((entry) => [entry.ear, entry.frequency])).toEqual([
      ['left', 200],
      ['right', 207.83],
    ]);
    await vajra.stop();
  });

  it('after a restart, resumes a recovered running session at its elapsed time', async () => {
    const store = createMemoryStore();
    const clock = createManualClock();
    const first = createVajra({ plugins: [audioPlugin()], store, clock, logger: silentLogger, env: {} });
    await first.start();
    const session = await first.sessions.create({
      intention: 'peace',
      duration: 600,
      program: { duration: 600, layers: [{ kind: 'tone', frequency: 432, gain: 0.5 }] },
    });
    await first.sessions.start(session.id);
    await clock.advance(30_000);
    await first.stop(); // running sessions stay running in the store
    await clock.advance(5_000); // down for 5 s: wall-clock time keeps counting for the session
    const second = createVajra({ plugins: [audioPlugin()], store, clock, logger: silentLogger, env: {} });
    await second.start();
    await clock.advance(100);
    const status = second.plugin('audio').status();
    expect(status.sessionId).toBe(session.id);
    expect(status.state).toBe('playing');
    const elapsed = (await second.sessions.get(session.id)).elapsedTime;
    expect(Math.abs(status.position - elapsed)).toBeLessThan(0.2);
    expect(status.position).toBeGreaterThan(30);
    await second.stop({ stopSessions: true });
  });
});
