import { audioPlugin } from '@vajra-stream/audio';
import { createVajra, silentLogger, type Vajra } from '@vajra-stream/core';
import { createManualClock } from '@vajra-stream/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { lcusRelay } from '../src/drivers/lcus-relay/lcus-relay';
import { hardwarePlugin } from '../src/plugin/hardware-plugin';
import { serialTransport } from '../src/transport/serial-transport';
import { startFakeDevice } from './__fixtures__/fake-device';
import { startSocatPair, until } from './__fixtures__/socat-pair';

const START = Date.UTC(2026, 11, 2, 6, 0, 0);
const PRE_ROLL = 2;
const FADE_OUT = 3;
const POST_ROLL = 5;

// A few real milliseconds for what a timer of the manual clock set going (a write, the engine's start) to run.
const settle = () => new Promise((resolve) => setTimeout(resolve, 5));

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

/** A kernel with the audio plugin and the hardware plugin driving a real relay board's channel 1 (the amplifier) through a pty, on a manual clock. */
async function startRoom() {
  const socat = await startSocatPair();
  cleanups.push(() => socat.dispose());
  const board = await startFakeDevice(socat.devicePath, 'lcus-relay');
  cleanups.push(() => board.stop());
  const clock = createManualClock(START);
  const vajra: Vajra = createVajra({
    plugins: [
      audioPlugin(),
      hardwarePlugin({ devices: [{ id: 'relay', transport: serialTransport({ path: socat.hostPath }), driver: lcusRelay({ channels: 2 }) }], roles: { amplifier: { device: 'relay', channel: 1 } } }),
    ],
    logger: silentLogger,
    env: {},
    clock,
    config: { hardware: { level: 1, amplifierConnected: true, preRoll: PRE_ROLL, postRoll: POST_ROLL, fadeOut: FADE_OUT }, audio: { fadeOut: FADE_OUT, spectrumRate: 10 } },
  });
  await vajra.start();
  cleanups.push(() => vajra.stop());
  const hardware = vajra.plugin('hardware');
  await until(() => hardware.status('relay').health.state === 'connected', 10_000, 'the relay board connected');
  // What the board decoded for the amplifier's channel, in order (the first is the state re-applied on connect: off).
  const amplifierFrames = () => board.messages.filter((m) => m.channel === 1).map((m) => m.state);
  await until(() => amplifierFrames().length === 1, 10_000, 'the wanted state on connect');
  const spectrumAt: number[] = [];
  vajra.events.on('audio:spectrum', () => void spectrumAt.push(clock.now() - START));
  const switched: Array<{ on: boolean; t: number; applied: boolean }> = [];
  vajra.events.on('hardware:output', (event) => event.output === 'amplifier' && void switched.push({ on: event.value === true, t: clock.now() - START, applied: event.applied }));
  const ended: Array<{ reason: string; sessionId: string | null; t: number }> = [];
  vajra.events.on('audio:ended', (event) => void ended.push({ reason: event.reason, sessionId: event.sessionId, t: clock.now() - START }));
  return { vajra, board, clock, hardware, engine: vajra.plugin('audio').engine, amplifierFrames, spectrumAt, switched, ended };
}

describe('the amplifier relay around a session, through a real pseudo-terminal on the manual clock', () => {
  it('switches on at creation, pre-roll seconds before the audio starts, and off only after the fade-out plus the post-roll', async () => {
    const { vajra, board, clock, hardware, engine, amplifierFrames, spectrumAt, switched } = await startRoom();
    const bytesOut = () => hardware.status('relay').health.bytesOut;

    // Created: the amplifier goes on at once, while nothing plays.
    const session = await vajra.sessions.create({ intention: 'peace for all beings', duration: 60 });
    await board.waitFor(() => amplifierFrames().join() === '0,1', 'the amplifier switched on at the board');
    expect(engine.status().state).toBe('idle');
    await clock.advance(PRE_ROLL * 1000);
    expect(spectrumAt).toEqual([]);
    // The pre-roll is over: the audio starts, the amplifier having been on for PRE_ROLL seconds.
    await vajra.sessions.start(session.id);
    await clock.advance(4000);
    expect(engine.status().state).toBe('playing');
    expect(spectrumAt[0]).toBeGreaterThanOrEqual(PRE_ROLL * 1000);
    expect(switched).toEqual([{ on: true, t: 0, applied: true }]);

    // Stopped: the audio fades out over FADE_OUT seconds, the amplifier stays on through it and the post-roll.
    await vajra.sessions.stop(session.id);
    const stoppedAt = clock.now() - START;
    const sentBefore = bytesOut();
    for (let step = 0; step < FADE_OUT * 10; step += 1) await clock.advance(100);
    expect(engine.status().state).toBe('idle');
    const lastSound = spectrumAt.at(-1) ?? 0;
    expect(lastSound).toBeLessThanOrEqual(stoppedAt + FADE_OUT * 1000);
    await clock.advance(POST_ROLL * 1000 - 1);
    // Nothing written to the board yet: the amplifier is still on.
    expect(bytesOut()).toBe(sentBefore);
    expect(amplifierFrames()).toEqual([0, 1]);
    await clock.advance(1);
    await board.waitFor(() => amplifierFrames().join() === '0,1,0', 'the amplifier switched off at the board');
    expect(switched).toEqual([
      { on: true, t: 0, applied: true },
      { on: false, t: stoppedAt + (FADE_OUT + POST_ROLL) * 1000, applied: true },
    ]);
    expect(bytesOut()).toBe(sentBefore + 4);
    expect(board.messages.filter((m) => 'error' in m)).toEqual([]);
  }, 60_000);
  it('holds the audio of a session created and started at once until the amplifier has been on pre-roll seconds, and of a session paused meanwhile until it resumes', async () => {
    const { vajra, board, clock, engine, amplifierFrames, spectrumAt, switched } = await startRoom();
    const session = await vajra.sessions.create({ intention: 'may all beings be at ease', duration: 60 });
    await vajra.sessions.start(session.id);
    await board.waitFor(() => amplifierFrames().join() === '0,1', 'the amplifier switched on at the board');
    expect(switched).toEqual([{ on: true, t: 0, applied: true }]);
    // The order on the kernel clock, sampled every 100 ms: silent through the pre-roll, then playing.
    const states: Array<[number, string]> = [];
    for (let step = 0; step < (PRE_ROLL + 1) * 10; step += 1) {
      await clock.advance(100);
      await settle();
      states.push([clock.now() - START, engine.status().state]);
    }
    const firstPlaying = states.find(([, state]) => state === 'playing')?.[0];
    expect(states.filter(([t]) => t < PRE_ROLL * 1000).every(([, state]) => state === 'idle')).toBe(true);
    expect(firstPlaying).toBeGreaterThanOrEqual(PRE_ROLL * 1000);
    expect(firstPlaying).toBeLessThanOrEqual(PRE_ROLL * 1000 + 200);
    expect(spectrumAt[0]).toBeGreaterThanOrEqual(PRE_ROLL * 1000);

    // A second session created and started at once, paused during its pre-roll: silent until resumed.
    await vajra.sessions.stop(session.id);
    for (let step = 0; step < (FADE_OUT + POST_ROLL + 1) * 10; step += 1) await clock.advance(100);
    await board.waitFor(() => amplifierFrames().join() === '0,1,0', 'the amplifier switched off at the board');
    const second = await vajra.sessions.create({ intention: 'may all beings be at ease', duration: 60 });
    await vajra.sessions.start(second.id);
    await board.waitFor(() => amplifierFrames().join() === '0,1,0,1', 'the amplifier switched on again at the board');
    await until(() => switched.length === 3, 10_000, 'the switch announced');
    expect(switched.at(-1)).toMatchObject({ on: true, applied: true });
    await clock.advance(500);
    await vajra.sessions.pause(second.id);
    for (let step = 0; step < PRE_ROLL * 10; step += 1) await clock.advance(100);
    expect(engine.status().state).toBe('idle');
    await vajra.sessions.resume(second.id);
    for (let step = 0; step < 5 && engine.status().state !== 'playing'; step += 1) {
      await clock.advance(100);
      await settle();
    }
    expect(engine.status().state).toBe('playing');
    expect(switched).toHaveLength(3);
    expect(vajra.plugin('audio').status().sessionId).toBe(second.id);
  }, 60_000);
});

describe('the amplifier relay around play() outside any session, through a real pseudo-terminal on the manual clock', () => {
  const tone = (duration: number) => ({ duration, layers: [{ kind: 'tone' as const, frequency: 432 }] });
  /** Engine states sampled every 100 ms of the kernel clock for `ms`. */
  const sample = async (clock: ReturnType<typeof createManualClock>, engine: { status(): { state: string } }, ms: number) => {
    const states: Array<[number, string]> = [];
    for (let step = 0; step < ms / 100; step += 1) {
      await clock.advance(100);
      await settle();
      states.push([clock.now() - START, engine.status().state]);
    }
    return states;
  };

  it('switches on pre-roll seconds before a play() sounds, and off when it has ended by itself plus the post-roll', async () => {
    const { vajra, board, clock, hardware, engine, amplifierFrames, spectrumAt, switched, ended } = await startRoom();
    const audio = vajra.plugin('audio');
    const played = audio.play(tone(4));
    await board.waitFor(() => amplifierFrames().join() === '0,1', 'the amplifier switched on at the board');
    const states = await sample(clock, engine, (PRE_ROLL + 1) * 1000);
    await played;
    const firstPlaying = states.find(([, state]) => state === 'playing')?.[0];
    expect(states.filter(([t]) => t < PRE_ROLL * 1000).every(([, state]) => state === 'idle')).toBe(true);
    expect(firstPlaying).toBeGreaterThanOrEqual(PRE_ROLL * 1000);
    expect(firstPlaying).toBeLessThanOrEqual(PRE_ROLL * 1000 + 200);
    expect(spectrumAt[0]).toBeGreaterThanOrEqual(PRE_ROLL * 1000);
    // The program ends by itself (4 s after it began); the amplifier stays on for the post-roll.
    for (let step = 0; step < 50 && ended.length === 0; step += 1) await clock.advance(100);
    expect(ended).toEqual([{ reason: 'completed', sessionId: null, t: expect.any(Number) }]);
    const endedAt = (ended[0] as { t: number }).t;
    expect(endedAt).toBeGreaterThanOrEqual((firstPlaying as number) + 3900);
    expect(engine.status().state).toBe('idle');
    const sentBefore = hardware.status('relay').health.bytesOut;
    await clock.advance(START + endedAt + POST_ROLL * 1000 - 1 - clock.now());
    await settle();
    expect(hardware.status('relay').health.bytesOut).toBe(sentBefore);
    await clock.advance(1);
    await board.waitFor(() => amplifierFrames().join() === '0,1,0', 'the amplifier switched off at the board');
    expect(switched).toEqual([
      { on: true, t: 0, applied: true },
      { on: false, t: endedAt + POST_ROLL * 1000, applied: true },
    ]);
    expect(board.messages.filter((m) => 'error' in m)).toEqual([]);
  }, 60_000);

  it('plays nothing when stopped during the pre-roll: play() resolves at the stop, the amplifier goes off after the post-roll', async () => {
    const { vajra, board, clock, engine, amplifierFrames, spectrumAt, switched, ended } = await startRoom();
    const audio = vajra.plugin('audio');
    let resolvedAt: number | undefined;
    const played = audio.play(tone(60)).then(() => (resolvedAt = clock.now() - START));
    await board.waitFor(() => amplifierFrames().join() === '0,1', 'the amplifier switched on at the board');
    await clock.advance(1000);
    await audio.stop();
    await played;
    expect(resolvedAt).toBe(1000);
    expect(ended).toEqual([{ reason: 'cancelled', sessionId: null, t: 1000 }]);
    const states = await sample(clock, engine, (PRE_ROLL + 1) * 1000);
    expect(states.every(([, state]) => state === 'idle')).toBe(true);
    expect(spectrumAt).toEqual([]);
    await clock.advance(START + 1000 + POST_ROLL * 1000 - clock.now());
    await board.waitFor(() => amplifierFrames().join() === '0,1,0', 'the amplifier switched off at the board');
    expect(switched).toEqual([
      { on: true, t: 0, applied: true },
      { on: false, t: 1000 + POST_ROLL * 1000, applied: true },
    ]);
  }, 60_000);

  it('keeps the amplifier on when a session starts while a play() sounds, until the session has faded out plus the post-roll', async () => {
    const { vajra, board, clock, engine, amplifierFrames, switched, ended } = await startRoom();
    const audio = vajra.plugin('audio');
    const played = audio.play(tone(60));
    await board.waitFor(() => amplifierFrames().join() === '0,1', 'the amplifier switched on at the board');
    await sample(clock, engine, PRE_ROLL * 1000 + 200);
    await played;
    expect(engine.status().state).toBe('playing');
    const session = await vajra.sessions.create({ intention: 'may all beings be free', duration: 600 });
    await vajra.sessions.start(session.id);
    const during = await sample(clock, engine, 10_000);
    // The session's audio took over (its pre-roll was long over) and the amplifier never went off.
    expect(during.every(([, state]) => state === 'playing')).toBe(true);
    expect(audio.status().sessionId).toBe(session.id);
    expect(amplifierFrames()).toEqual([0, 1]);
    await vajra.sessions.stop(session.id);
    const stoppedAt = clock.now() - START;
    await clock.advance((FADE_OUT + POST_ROLL) * 1000 - 1);
    await settle();
    expect(amplifierFrames()).toEqual([0, 1]);
    // The play() was replaced, not ended: the one end is the session's, after its fade-out.
    expect(ended).toEqual([{ reason: 'stopped', sessionId: session.id, t: expect.any(Number) }]);
    expect((ended[0] as { t: number }).t - stoppedAt).toBeLessThanOrEqual(FADE_OUT * 1000 + 100);
    await clock.advance(1);
    await board.waitFor(() => amplifierFrames().join() === '0,1,0', 'the amplifier switched off at the board');
    expect(switched).toEqual([
      { on: true, t: 0, applied: true },
      { on: false, t: stoppedAt + (FADE_OUT + POST_ROLL) * 1000, applied: true },
    ]);
  }, 60_000);
});
