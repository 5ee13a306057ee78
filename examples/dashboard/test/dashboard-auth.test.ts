// With auth on, the dashboard asks for a key, works once it has it, and never lets it out: not in a URL
// the browser requests, not in the browser's console, not in the server's logs, not in storage unless asked.
import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordedBrowser } from './helpers/browser';
import { compareScreenshot, SCREENSHOT_TOLERANCE } from './helpers/compare-screenshot';
import type { RunningExampleServer } from './helpers/example-server';
import { openDashboard } from './helpers/open-dashboard';

const KEY = randomBytes(24).toString('hex');
const WRONG_KEY = randomBytes(24).toString('hex');
const WAIT = { timeout: 20_000 };

describe('dashboard with auth on (chromium, example server)', { timeout: 60_000 }, () => {
  let server: RunningExampleServer;
  let browser: RecordedBrowser;
  let page: Page;
  let close: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    ({ server, browser, page, close } = await openDashboard({
      VAJRA_AUTH_REQUIRE: 'always',
      VAJRA_API_KEYS: `practitioner:${KEY}`,
      VAJRA_ASTROLOGY__LATITUDE: '27.7172',
      VAJRA_ASTROLOGY__LONGITUDE: '85.324',
    }));
  }, 90_000);
  afterAll(() => close?.(), 60_000);

  it('asks for a key before anything else, and opens no WebSocket without one', async () => {
    await page.goto(`${server.url}/dashboard/`);
    await page.getByRole('heading', { name: 'Enter your key' }).waitFor(WAIT);
    expect(await page.locator('.layout').count()).toBe(0);
    expect(browser.urls.some((url) => url.startsWith('ws'))).toBe(false);
    await page.evaluate(() => document.fonts.ready);
    const difference = await compareScreenshot(browser.context, 'key-gate', await page.screenshot());
    if (difference !== null) {
      expect(difference).toMatchObject({ width: difference.referenceWidth, height: difference.referenceHeight });
      expect(difference.meanDifference).toBeLessThan(SCREENSHOT_TOLERANCE.meanDifference);
      expect(difference.changedCells).toBeLessThan(SCREENSHOT_TOLERANCE.changedCells);
    }
  });

  it('refuses a wrong key with a clear message', async () => {
    await page.getByLabel('API key or token').fill(WRONG_KEY);
    await page.getByRole('button', { name: 'Enter' }).click();
    await page.getByRole('alert').filter({ hasText: 'did not accept' }).waitFor(WAIT);
    expect(await page.locator('.layout').count()).toBe(0);
  });

  it('works once the right key is given: sessions start and their spectrum reaches the page over an authenticated WebSocket', async () => {
    await page.getByLabel('API key or token').fill(KEY);
    await page.getByRole('button', { name: 'Enter' }).click();
    await page.locator('.connection[data-state="open"]').waitFor(WAIT);
    await page.getByLabel('Intention').fill('Peace in every direction');
    await page.getByLabel('Sound').selectOption('tones');
    await page.getByLabel('Frequencies (Hz)').fill('528');
    await page.getByRole('button', { name: 'Create session' }).click();
    const now = page.locator('.now-playing[data-status="running"]');
    await now.waitFor(WAIT);
    const id = await now.getAttribute('data-session-id');
    const stored = await fetch(`${server.url}/api/v1/sessions/${id}`, { headers: { authorization: `Bearer ${KEY}` } });
    expect(await stored.json()).toMatchObject({ owner: 'key:practitioner', status: 'running' });
    // audio:spectrum frames of this session go only to its owner: they arrive, so the socket is the practitioner's.
    await page.locator('.spectrum__stem[data-rank="0"]').waitFor({ ...WAIT, state: 'attached' });
    expect(Number(await page.locator('.spectrum__stem[data-rank="0"]').getAttribute('data-frequency'))).toBeCloseTo(528, 0);
    await page.getByRole('button', { name: 'Create wheel' }).click();
    await page.locator('.wheel-card[data-status="spinning"]').waitFor(WAIT);
  });

  it('kept the key out of every URL, the console, storage and the server’s logs', async () => {
    expect(browser.urls.length).toBeGreaterThan(5);
    expect(browser.urls.some((url) => url.startsWith('ws://'))).toBe(true);
    for (const secret of [KEY, WRONG_KEY]) {
      expect(browser.urls.filter((url) => url.includes(secret))).toEqual([]);
      expect(browser.messages.filter((text) => text.includes(secret))).toEqual([]);
      expect(server.output()).not.toContain(secret);
    }
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + document.cookie);
    expect(stored).not.toContain(KEY);
    expect(server.output()).toContain('"status":401'); // the wrong key was refused and logged — without the key
    // The one expected error is the browser's report of the refused wrong key.
    expect(browser.errors.filter((error) => !/status of 401/.test(error))).toEqual([]);
  });
});
