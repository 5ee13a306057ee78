import type { Clock, TimerHandle } from '@vajra-stream/core';
import { createSeededRandom } from '@vajra-stream/core/testing';
import type { SimulatedDevice } from './simulated-transport';

/**
 * Options of {@link simulatedRng}.
 *
 * @example
 * ```ts
 * const options: SimulatedRngOptions = { model: 'truerng', seed: 7, bias: 0.52, bytesPerSecond: 4000 }; // a slightly biased source
 * const devices = [{ id: 'rng', transport: simulatedTransport(simulatedRng(options)), driver: serialRng({ model: 'truerng' }) }] as const;
 * ```
 */
export interface SimulatedRngOptions {
  model: 'truerng' | 'onerng';
  seed?: number;
  /** Probability of each bit being 1 (default 0.5: a fair source). */
  bias?: number;
  /** Output rate (default 2000 bytes per second). */
  bytesPerSecond?: number;
}

/**
 * An in-process hardware RNG streaming seeded bytes on the kernel clock: a TrueRNG streams as soon as
 * it is opened, a OneRNG after `cmdO` (and stops at `cmdo`).
 *
 * @example
 * ```ts
 * const source = simulatedRng({ model: 'truerng', seed: 7 });
 * ```
 */
export function simulatedRng(options: SimulatedRngOptions): SimulatedDevice & { commands(): string[] } {
  const { model, seed = 1, bias = 0.5, bytesPerSecond = 2000 } = options;
  const random = createSeededRandom(seed);
  const commands: string[] = [];
  let line = '';
  let timer: TimerHandle | undefined;
  let deliver: ((bytes: Uint8Array) => void) | undefined;
  let clock: Clock | undefined;
  const byte = (): number => {
    let value = 0;
    for (let bit = 0; bit < 8; bit += 1) if (random() < bias) value |= 1 << bit;
    return value;
  };
  const perTick = Math.max(1, Math.round(bytesPerSecond / 20));
  const start = () => {
    if (timer !== undefined || clock === undefined) return;
    timer = clock.setInterval(() => deliver?.(Uint8Array.from({ length: perTick }, byte)), 50);
  };
  const stop = () => {
    clock?.clearInterval(timer);
    timer = undefined;
  };
  return {
    kind: 'serial-rng',
    attach(send, _settings, kernelClock) {
      deliver = send;
      clock = kernelClock;
      if (model === 'truerng') start();
    },
    detach() {
      stop();
      deliver = undefined;
    },
    receive(bytes) {
      for (const code of bytes) {
        if (code !== 0x0a) {
          line += String.fromCharCode(code);
          continue;
        }
        commands.push(line);
        if (model === 'onerng' && line === 'cmdO') start();
        if (model === 'onerng' && line === 'cmdo') stop();
        line = '';
      }
    },
    commands: () => [...commands],
  };
}
