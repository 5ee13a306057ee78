import type { Clock, CreateVajraOptions } from '@vajra-stream/core';
import { afterEach } from 'vitest';
import type { ServerOptions } from '../src/index';
import type { AdapterUnderTest } from './adapters';
import { startServer, type Running } from './harness';

/**
 * A `startServer` bound to `adapter` whose server is closed after each test. Call inside the describe block.
 *
 * @example
 * ```ts
 * const start = serverPerTest(adapter);
 * const { url } = await start({ rateLimit: { max: 4, windowMs: 60_000 } });
 * ```
 */
export function serverPerTest(adapter: AdapterUnderTest): (options?: ServerOptions, plugins?: CreateVajraOptions['plugins'], clock?: Clock) => Promise<Running> {
  let running: Running | undefined;
  afterEach(async () => {
    await running?.close();
    running = undefined;
  });
  return async (options, plugins, clock) => {
    running = await startServer(adapter, options, plugins, clock);
    return running;
  };
}
