import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adapters } from './adapters';
import { startServer, type Running } from './harness';

/** Debian's chromium, installed by scripts/ensure-tools.mjs; Playwright never downloads a browser here. */
const CHROMIUM = '/usr/bin/chromium';
const node = adapters.find((a) => a.name === 'node')!;

describe.skipIf(!existsSync(CHROMIUM))('/docs in headless chromium', () => {
  let running: Running;
  let profile: string;
  let context: BrowserContext;
  let page: Page;
  const problems: string[] = [];
  const requested: string[] = [];

  beforeAll(async () => {
    running = await startServer(node);
    profile = mkdtempSync(join(tmpdir(), 'vajra-docs-chromium-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      viewport: { width: 1280, height: 900 },
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()}`));
    context.on('request', (request) => requested.push(request.url()));
    await page.goto(`${running.url}/docs`);
  });
  afterAll(async () => {
    await context?.close();
    if (profile !== undefined) rmSync(profile, { recursive: true, force: true });
    await running?.close();
  });

  it('renders every operation of the OpenAPI document', async () => {
    const document = (await (await fetch(`${running.url}/openapi.json`)).json()) as { paths: Record<string, Record<string, unknown>> };
    const expected = Object.entries(document.paths)
      .flatMap(([path, item]) => Object.keys(item).map((method) => `${method} ${path}`))
      .sort();
    await page.locator('.opblock').first().waitFor({ timeout: 20_000 });
    await expect.poll(() => page.locator('.opblock').count(), { timeout: 20_000 }).toBe(expected.length);
    const shown = await page
      .locator('.opblock')
      .evaluateAll((blocks) =>
        blocks.map((block) => `${block.querySelector('.opblock-summary-method')?.textContent?.toLowerCase()} ${block.querySelector('.opblock-summary-path')?.getAttribute('data-path')}`),
      );
    expect(shown.sort()).toEqual(expected);
    const schemas = page.locator('section.models .json-schema-2020-12__title');
    await expect.poll(() => schemas.allTextContents()).toEqual(expect.arrayContaining(['Problem']));
  });

  it('tries a request: POST /api/v1/sessions from the page creates a session on the server', async () => {
    const operation = page.locator('.opblock-post').filter({ has: page.locator('.opblock-summary-path[data-path="/api/v1/sessions"]') });
    await operation.locator('.opblock-summary').click();
    await operation.locator('.try-out__btn').click();
    await operation.locator('textarea.body-param__text').fill(JSON.stringify({ intention: 'tried from the docs page', duration: 60 }));
    await operation.locator('button.execute').click();
    const status = operation.locator('.live-responses-table tbody .response-col_status').first();
    await expect.poll(() => status.textContent(), { timeout: 20_000 }).toContain('201');
    const listed = await running.vajra.sessions.list();
    expect(listed.items.map((s) => s.intention)).toEqual(['tried from the docs page']);
    await expect.poll(() => operation.locator('.live-responses-table tbody .response-col_description').first().textContent()).toContain(listed.items[0]!.id);
  });

  it('asks nothing of any other origin and trips no CSP or script error', () => {
    expect(requested.length).toBeGreaterThan(0);
    expect(requested.filter((url) => !url.startsWith(running.url))).toEqual([]);
    expect(problems).toEqual([]);
  });
});
