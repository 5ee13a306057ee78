// The dashboard in a real browser (Debian's chromium through playwright-core) against the real example
// server, started as `pnpm start` starts it, on 127.0.0.1 with a data dir of its own.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordedBrowser } from './helpers/browser';
import { compareScreenshot, differenceOf, SCREENSHOT_TOLERANCE } from './helpers/compare-screenshot';
import type { RunningExampleServer } from './helpers/example-server';
import { openDashboard } from './helpers/open-dashboard';

const KATHMANDU = { VAJRA_ASTROLOGY__LATITUDE: '27.7172', VAJRA_ASTROLOGY__LONGITUDE: '85.324' };
const FREQUENCY = 432;
const WAIT = { timeout: 20_000 };

/** Poll `read` until `accept` says yes, returning the accepted value (a generous deadline, no sleeps). */
async function until<T>(read: () => Promise<T>, accept: (value: T) => boolean, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await read();
    if (accept(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${what}: still ${JSON.stringify(last)} after ${timeoutMs} ms`);
}

/** The frequency at the strongest plotted peak, read back from the SVG's geometry (x1 on its log axis). */
async function plottedPeak(page: Page): Promise<number | null> {
  return page.evaluate(() => {
    const svg = document.querySelector<SVGSVGElement>('.spectrum__plot');
    const stem = svg?.querySelector<SVGLineElement>('.spectrum__stem[data-rank="0"]');
    if (svg == null || stem == null) return null;
    const [minHz, maxHz, width] = ['minHz', 'maxHz', 'width'].map((key) => Number(svg.dataset[key]));
    return minHz! * (maxHz! / minHz!) ** (Number(stem.getAttribute('x1')) / width!);
  });
}

describe('dashboard (chromium, example server)', { timeout: 60_000 }, () => {
  let server: RunningExampleServer;
  let browser: RecordedBrowser;
  let page: Page;
  let close: (() => Promise<void>) | undefined;
  let sessionId: string;
  const api = async <T>(path: string, init: RequestInit = {}): Promise<T> => {
    const response = await fetch(server.url + path, { ...init, headers: { 'content-type': 'application/json', ...init.headers } });
    expect(response.ok, `${path} → ${response.status}`).toBe(true);
    return (await response.json()) as T;
  };

  beforeAll(async () => {
    ({ server, browser, page, close } = await openDashboard({ ...KATHMANDU, VAJRA_ORACLE__SEED: 'dashboard' }));
  }, 90_000);
  afterAll(() => close?.(), 60_000);

  it('opens onto the dashboard, live, with today computed for the server’s place', async () => {
    await page.goto(`${server.url}/dashboard/`);
    await page.locator('.connection[data-state="open"]').waitFor(WAIT);
    const offset = 345; // Asia/Kathmandu, the browser's zone
    const [moon, tibetan] = await Promise.all([api<{ name: string }>('/api/v1/astrology/moon'), api<{ day: number; month: number }>(`/api/v1/astrology/tibetan?utcOffsetMinutes=${offset}`)]);
    await expect.poll(() => page.locator('.today__moon .today__big').textContent(), WAIT).toBe(moon.name[0]!.toUpperCase() + moon.name.slice(1));
    expect(Number(await page.locator('.today__tibetan').getAttribute('data-tibetan-day'))).toBe(tibetan.day);
    await page.locator('.today__hour[data-ruler]').waitFor(WAIT);
    await expect.poll(() => page.locator('.today__panchanga dd').count(), WAIT).toBe(5);
  });

  it('renders the chart wheel of the sky now, drawn by the visuals package', async () => {
    const image = page.locator('.today__chart img');
    await image.waitFor(WAIT);
    const drawn = await until(
      () => image.evaluate((img: HTMLImageElement) => ({ complete: img.complete, width: img.naturalWidth, src: img.getAttribute('src')! })),
      (state) => state.complete && state.width > 0,
      'chart wheel loaded',
    );
    expect(drawn.width).toBe(480);
    const date = new URL(drawn.src, server.url).searchParams.get('date')!;
    expect(Math.abs(Date.parse(date) - Date.now())).toBeLessThan(10 * 60_000);
    const response = await fetch(server.url + drawn.src);
    expect(response.headers.get('content-type')).toContain('image/svg+xml');
    const svg = await response.text();
    expect(svg).toMatch(/^<svg[^>]+viewBox="0 0 480 480"/);
    expect(svg).toContain('Sun'); // the bodies are named in the picture's accessible text
  });

  it('creates and starts a session, and plots its spectrum with the peak at the session’s frequency', async () => {
    await page.getByLabel('Intention').fill('May all beings be free from suffering');
    await page.getByLabel('Sound').selectOption('tones');
    await page.getByLabel('Frequencies (Hz)').fill(String(FREQUENCY));
    expect(await page.getByLabel('Begin right away').isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Create session' }).click();
    const now = page.locator('.now-playing[data-status="running"]');
    await now.waitFor(WAIT);
    sessionId = (await now.getAttribute('data-session-id'))!;
    const stored = await api<{ status: string; frequencies: number[]; intention: string }>(`/api/v1/sessions/${sessionId}`);
    expect(stored).toMatchObject({ status: 'running', frequencies: [FREQUENCY], intention: 'May all beings be free from suffering' });
    const peak = await until(
      () => plottedPeak(page),
      (value) => value !== null,
      'plotted peak',
    );
    expect(Math.abs(peak! - FREQUENCY)).toBeLessThan(FREQUENCY * 0.01);
  });

  it('plays the session’s program in the browser through the AudioWorklet, with a working volume control', async () => {
    await page.getByRole('button', { name: 'Listen here' }).click();
    const listen = page.locator('.listen');
    await until(
      () => listen.evaluate((el) => ({ ...(el as HTMLElement).dataset })),
      (data) => data.playerState === 'playing' && data.contextState === 'running',
      'player running',
    );
    const heard = await until(
      () => listen.evaluate((el) => ({ level: Number((el as HTMLElement).dataset.levelDb), peak: Number((el as HTMLElement).dataset.peakHz) })),
      (data) => data.level > -40 && Math.abs(data.peak - FREQUENCY) < 3,
      'worklet output at the session frequency',
    );
    expect(heard.level).toBeLessThan(0);
    await page.getByLabel('Volume').fill('0');
    await until(
      () => listen.getAttribute('data-level-db'),
      (level) => level === '-inf' || Number(level) < -80,
      'silence at volume 0',
    );
    await page.getByLabel('Volume').fill('70');
    await until(
      () => listen.getAttribute('data-level-db'),
      (level) => Number(level) > -40,
      'sound again at volume 70',
    );
  });

  it('pauses and resumes the session from the page; in-browser playback follows', async () => {
    const now = page.locator('.now-playing');
    await now.getByRole('button', { name: 'Pause' }).click();
    await page.locator('.now-playing[data-status="paused"]').waitFor(WAIT);
    expect((await api<{ status: string }>(`/api/v1/sessions/${sessionId}`)).status).toBe('paused');
    await until(
      () => page.locator('.listen').getAttribute('data-context-state'),
      (state) => state === 'suspended',
      'context suspended',
    );
    await now.getByRole('button', { name: 'Resume' }).click();
    await page.locator('.now-playing[data-status="running"]').waitFor(WAIT);
    expect((await api<{ status: string }>(`/api/v1/sessions/${sessionId}`)).status).toBe('running');
    await until(
      () => page.locator('.listen').evaluate((el) => ({ ...(el as HTMLElement).dataset })),
      (data) => data.contextState === 'running' && data.playerState === 'playing',
      'playback resumed',
    );
  });

  it('creates a prayer wheel whose count rises live, and dedicates its merit', async () => {
    await page.getByRole('button', { name: 'Create wheel' }).click();
    const card = page.locator('.wheel-card[data-status="spinning"]').first();
    await card.waitFor(WAIT);
    const count = () =>
      card
        .locator('[data-recitations]')
        .getAttribute('data-recitations')
        .then((value) => BigInt(value ?? '0'));
    const first = await until(count, (value) => value > 0n, 'first recitations');
    await until(count, (value) => value > first, 'recitations rising');
    await card.getByLabel('Dedicate the merit', { exact: true }).fill('May all beings be happy');
    await card.getByRole('button', { name: /Dedicate the merit of/ }).click();
    await card.locator('.dedications q', { hasText: 'May all beings be happy' }).waitFor(WAIT);
    const wheelId = (await card.getAttribute('data-wheel-id'))!;
    expect((await api<{ total: number }>(`/api/v1/prayers/wheels/${wheelId}/dedications`)).total).toBe(1);
  });

  it('streams the oracle’s text into the page, several pieces before it is done', async () => {
    await page.locator('.oracle__text').evaluate((article) => {
      const seen: string[] = [];
      (window as unknown as { oracleSeen: string[] }).oracleSeen = seen;
      new MutationObserver(() => {
        if (article.getAttribute('data-phase') === 'streaming') seen.push(article.textContent ?? '');
      }).observe(article, { subtree: true, childList: true, characterData: true, attributes: true });
    });
    await page.getByRole('button', { name: 'Receive' }).click();
    await page.locator('.oracle__text[data-phase="done"]').waitFor(WAIT);
    const seen = await page.evaluate(() => (window as unknown as { oracleSeen: string[] }).oracleSeen);
    const growing = new Set(seen.filter((text) => text.length > 0));
    expect(growing.size).toBeGreaterThanOrEqual(3);
    expect(Number(await page.locator('.oracle__text').getAttribute('data-deltas'))).toBeGreaterThanOrEqual(5);
    const final = (await page.locator('.oracle__text p').allTextContents()).join('\n\n');
    expect(final.length).toBeGreaterThan(60);
    expect(final.startsWith([...growing][0]!.slice(0, 10))).toBe(true);
    await expect.poll(() => page.locator('.oracle__source').textContent()).toContain('composed offline');
  });

  it('looks as it should in dark, light and on a phone (screenshots compared loosely)', async () => {
    // The same frame every run: top of the page, fonts loaded, no passing notice.
    await page.locator('.notice[data-visible="false"]').waitFor({ state: 'attached', timeout: 20_000 });
    await page.evaluate(async () => {
      window.scrollTo(0, 0);
      await document.fonts.ready;
    });
    const dark = await page.screenshot();
    await page.emulateMedia({ colorScheme: 'light' });
    const light = await page.screenshot();
    await page.setViewportSize({ width: 390, height: 844 });
    const phone = await page.screenshot();
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.emulateMedia({ colorScheme: 'dark' });
    for (const [name, png] of [
      ['dashboard-dark', dark],
      ['dashboard-light', light],
      ['dashboard-phone', phone],
    ] as const) {
      const difference = await compareScreenshot(browser.context, name, png);
      if (difference === null) continue; // references rewritten
      expect(difference, name).toMatchObject({ width: difference.referenceWidth, height: difference.referenceHeight });
      expect(difference.meanDifference, name).toBeLessThan(SCREENSHOT_TOLERANCE.meanDifference);
      expect(difference.changedCells, name).toBeLessThan(SCREENSHOT_TOLERANCE.changedCells);
    }
    // The comparison can fail: the dark page against the light one is far outside the tolerance.
    const across = await differenceOf(browser.context, dark, light);
    expect(across.meanDifference).toBeGreaterThan(SCREENSHOT_TOLERANCE.meanDifference * 2);
  });

  it('stops the session from the page, and logged no console errors all along', async () => {
    await page.locator('.now-playing').getByRole('button', { name: 'Stop' }).click();
    await expect.poll(async () => (await api<{ status: string }>(`/api/v1/sessions/${sessionId}`)).status, WAIT).toBe('stopped');
    // Nothing is left to play: the page goes back to its invitation and the in-browser player is gone.
    await page.locator('.now-playing--empty').waitFor(WAIT);
    expect(await page.locator('.listen').count()).toBe(0);
    expect(browser.errors).toEqual([]);
  });
});
