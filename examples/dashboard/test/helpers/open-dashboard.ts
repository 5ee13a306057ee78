import type { Page } from 'playwright-core';
import { launchBrowser, type RecordedBrowser } from './browser';
import { startExampleServer, type RunningExampleServer } from './example-server';

/** The example server and a dark-scheme recorded browser beside it. */
export interface OpenDashboard {
  server: RunningExampleServer;
  browser: RecordedBrowser;
  page: Page;
  /** Close the browser, then stop the server. */
  close(): Promise<void>;
}

/**
 * Start the example server with `env` and launch the browser, side by side.
 *
 * @example
 * ```ts
 * const { server, page, close } = await openDashboard({ VAJRA_ORACLE__SEED: 'dashboard' });
 * await page.goto(`${server.url}/dashboard/`);
 * await close();
 * ```
 */
export async function openDashboard(env: Record<string, string>): Promise<OpenDashboard> {
  const [server, browser] = await Promise.all([startExampleServer(env), launchBrowser({ colorScheme: 'dark' })]);
  return {
    server,
    browser,
    page: browser.page,
    async close() {
      await browser.close();
      await server.stop();
    },
  };
}
