import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Debian's chromium, installed by scripts/ensure-tools.mjs; Playwright never downloads a browser here. */
export const CHROMIUM = '/usr/bin/chromium';

/** A headless chromium page that records what the page logs and every URL it asks for. */
export interface RecordedBrowser {
  context: BrowserContext;
  page: Page;
  /** Console errors, uncaught page errors and failed requests, in order. */
  errors: string[];
  /** Every URL requested (HTTP and WebSocket). */
  urls: string[];
  /** Every console message, of any level. */
  messages: string[];
  close(): Promise<void>;
}

/**
 * Launch chromium with a fresh profile (persistent context in a temporary `--user-data-dir`), no network
 * chatter of its own, and audio allowed to start without a gesture.
 *
 * @example
 * ```ts
 * const browser = await launchBrowser({ colorScheme: 'dark' });
 * await browser.page.goto(url);
 * ```
 */
export async function launchBrowser(options: { colorScheme?: 'light' | 'dark'; viewport?: { width: number; height: number } } = {}): Promise<RecordedBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'vajra-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--autoplay-policy=no-user-gesture-required',
    ],
    viewport: options.viewport ?? { width: 1280, height: 900 },
    colorScheme: options.colorScheme ?? 'dark',
    locale: 'en-GB',
    timezoneId: 'Asia/Kathmandu',
    reducedMotion: 'reduce',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  const urls: string[] = [];
  const messages: string[] = [];
  page.on('console', (message) => {
    messages.push(message.text());
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => errors.push(`request failed: ${request.url()} (${request.failure()?.errorText})`));
  context.on('request', (request) => urls.push(request.url()));
  page.on('websocket', (socket) => urls.push(socket.url()));
  return {
    context,
    page,
    errors,
    urls,
    messages,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
