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

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

describe('the amplifier relay around a session, through a real pseudo-terminal on the manual clock', () => {
  it('switches on at creation, pre-roll seconds before the audio starts, and off only after the fade-out plus the post-roll', async () => {
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
    const engine = vajra.plugin('audio').engine;
    await until(() => hardware.status('relay').health.state === 'connected', 10_000, 'the relay board connected');
    // What the board decoded for the amplifier's channel, in order (the first is the state re-applied on connect: off).
    const amplifierFrames = () => board.messages.filter((m) => m.channel === 1).map((m) => m.state);
    await until(() => amplifierFrames().length === 1, 10_000, 'the wanted state on connect');
    const spectrumAt: number[] = [];
    vajra.events.on('audio:spectrum', () => void spectrumAt.push(clock.now() - START));
    const switched: Array<{ on: boolean; t: number; applied: boolean }> = [];
    vajra.events.on('hardware:output', (event) => event.output === 'amplifier' && void switched.push({ on: event.value === true, t: clock.now() - START, applied: event.applied }));
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
});
