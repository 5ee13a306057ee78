import { afterEach } from 'vitest';
import { startFakeDevice, type FakeDevice } from './fake-device';
import { startSocatPair, type SocatPair } from './socat-pair';

/** Fixtures whose teardown runs after each test, newest first. */
export interface ScopedFixtures {
  /** A socat pty pair, disposed after the test. */
  pair(): Promise<SocatPair>;
  /** A fake device process on `path` speaking `protocol`, stopped after the test. */
  fake(path: string, protocol: string): Promise<FakeDevice>;
  /** Run `cleanup` after the test (before anything registered earlier). */
  defer(cleanup: () => Promise<void>): void;
}

/**
 * Register an `afterEach` that tears down, newest first, everything the returned helpers started.
 * Call once at the top of a test file.
 *
 * @example
 * ```ts
 * const { pair, fake } = scopedFixtures();
 * const socat = await pair();
 * const board = await fake(socat.devicePath, 'lcus-relay');
 * ```
 */
export function scopedFixtures(): ScopedFixtures {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    while (cleanups.length > 0) await cleanups.pop()?.();
  });
  return {
    async pair() {
      const started = await startSocatPair();
      cleanups.push(() => started.dispose());
      return started;
    },
    async fake(path, protocol) {
      const device = await startFakeDevice(path, protocol);
      cleanups.push(() => device.stop());
      return device;
    },
    defer(cleanup) {
      cleanups.push(cleanup);
    },
  };
}
