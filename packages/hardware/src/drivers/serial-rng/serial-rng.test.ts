import { execFileSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeDevice } from '../../../test/__fixtures__/fake-device';
import { startSocatPair, until } from '../../../test/__fixtures__/socat-pair';
import { createHardware } from '../../supervisor/create-hardware';
import { serialTransport } from '../../transport/serial-transport';
import { oneRngModes, serialRng, trueRngModes } from './serial-rng';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

async function rng(protocol: string, driver: ReturnType<typeof serialRng>, env: Record<string, string> = {}) {
  const socat = await startSocatPair();
  cleanups.push(() => socat.dispose());
  // A TrueRNG also watches the line speed the host sets on its end (the mode knock).
  const device = await startFakeDevice(socat.devicePath, protocol, { seed: 42, env: protocol === 'truerng' ? { FAKE_LINE_OF: socat.hostPath, ...env } : env });
  cleanups.push(() => device.stop());
  const hardware = createHardware({ devices: [{ id: 'rng', transport: serialTransport({ path: socat.hostPath }), driver }] as const });
  cleanups.push(() => hardware.stop());
  hardware.start();
  return { device, hardware, socat };
}
/** The line speed the port under test is set to, as `stty` reads it from the pseudo-terminal itself. */
const lineSpeed = (path: string): number => Number(/speed (\d+) baud/.exec(execFileSync('stty', ['-F', path], { encoding: 'utf8' }))?.[1]);

describe('serialRng over a real pseudo-terminal', () => {
  it('OneRNG: sends cmdo, cmd0, cmdw, cmdO in that order (decoded as its firmware parses them), then counts 200-bit trials of the stream', async () => {
    const { device, hardware } = await rng('onerng', serialRng({ model: 'onerng', windowTrials: 20 }));
    await until(() => hardware.device('rng').windows().length >= 5, 15_000, 'five windows');
    expect(device.messages.filter((m) => 'command' in m).map((m) => m.command)).toEqual(['cmdo', 'cmd0', 'cmdw', 'cmdO']);
    expect(device.messages.filter((m) => 'source' in m).map((m) => m.source)).toEqual([{ whitened: true, rf: false, avalanche: true }]);
    const api = hardware.device('rng');
    const summary = api.summary();
    expect(summary.bits).toBe(summary.trials * 200);
    expect(api.rawBytes().length).toBe(Math.min(api.bytesReceived(), 1 << 20));
    // Fair source: the overall deviation is within chance.
    expect(Math.abs(summary.stoufferZ)).toBeLessThan(4);
  });

  it('OneRNG: every mode selects the noise source its name says, by the firmware bit mask', async () => {
    for (const mode of Object.keys(oneRngModes) as Array<keyof typeof oneRngModes>) {
      const { device, hardware } = await rng('onerng', serialRng({ model: 'onerng', mode }));
      await until(() => hardware.device('rng').bytesReceived() > 0, 10_000, `${mode}: the stream`);
      expect(device.messages.filter((m) => 'command' in m).map((m) => m.command)).toEqual(['cmdo', `cmd${oneRngModes[mode]}`, 'cmdw', 'cmdO']);
      const words = mode.split('-');
      expect(device.messages.find((m) => 'source' in m)?.source, mode).toEqual({ whitened: words.includes('whitened'), rf: words.includes('rf'), avalanche: words.includes('avalanche') });
      while (cleanups.length > 0) await cleanups.pop()?.();
    }
  }, 60_000);

  it('TrueRNGpro: selects its mode with the documented knock — the line set to 110, 300 and 110 baud, then to the mode rate — as the device sees its line', async () => {
    // Each speed held 250 ms (default 100) so the watcher, which reads the line every millisecond, sees each one on a loaded machine too.
    const { device, hardware, socat } = await rng('truerng', serialRng({ model: 'truerng', mode: 'raw-binary', knockStepMs: 250 }));
    await device.waitFor((m) => m.mode !== undefined, 'the mode selected');
    const speeds = device.messages.filter((m) => 'lineSpeed' in m).map((m) => m.lineSpeed);
    // From the port's opening on (before it, the pseudo-terminal's own default speed).
    expect(speeds.slice(speeds.indexOf(110))).toEqual([110, 300, 110, 19_200]);
    expect(device.messages.filter((m) => 'mode' in m)).toEqual([{ mode: 19_200 }]);
    expect(trueRngModes['raw-binary']).toBe(19_200);
    await until(() => hardware.device('rng').bytesReceived() > 0, 10_000, 'the stream, once the mode is set');
    expect(lineSpeed(socat.hostPath)).toBe(19_200);
    expect(hardware.status('rng').health.state).toBe('connected');
  });

  it('TrueRNG: a biased stream (p = 0.53) through the pty is detected', async () => {
    const { hardware, socat } = await rng('truerng', serialRng({ model: 'truerng', mode: 'normal', windowTrials: 100 }), { FAKE_RNG_BIAS: '0.53' });
    await until(() => hardware.device('rng').summary().trials >= 2000, 15_000, '2000 trials');
    // The port is really open at the mode's rate.
    expect(lineSpeed(socat.hostPath)).toBe(300);
    const summary = hardware.device('rng').summary();
    // Expected shift: 200 × 0.03 = 6 ones per trial, z ≈ 0.85 per trial, so Stouffer Z ≈ 0.85 × √2000 ≈ 38.
    expect(summary.stoufferZ).toBeGreaterThan(10);
    expect(summary.interpretation).toBe('outside the range expected by chance 95 % of the time');
    expect(summary.p).toBeLessThan(1e-6);
  });
});
