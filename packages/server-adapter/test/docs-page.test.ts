import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOCS_ASSET_NAMES } from '../src/openapi/docs-assets';
import { DOCS_CSP } from '../src/routes/docs-routes';
import { adapters } from './adapters';
import { call, startServer, type Running } from './harness';

const swaggerFile = (name: string): Buffer => readFileSync(createRequire(import.meta.url).resolve(`swagger-ui-dist/${name}`));

describe.each(adapters)('/docs through the $name adapter', (adapter) => {
  let running: Running;
  beforeAll(async () => {
    running = await startServer(adapter);
  });
  afterAll(async () => {
    await running?.close();
  });

  it('serves a page that loads only same-origin files, under a strict CSP', async () => {
    const page = await call(running.url, 'GET', '/docs');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(DOCS_CSP);
    expect(DOCS_CSP).toContain("script-src 'self';");
    expect(page.text).not.toMatch(/https?:\/\//);
    expect(page.text).not.toMatch(/<script>|<script [^>]*>[^<]/);
    const referenced = [...page.text.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(referenced).toEqual(['/docs/assets/favicon-32x32.png', '/docs/assets/swagger-ui.css', '/openapi.json', '/docs/assets/swagger-ui-bundle.js', '/docs/assets/docs-init.js']);
    expect(page.text).toContain('data-openapi="/openapi.json"');
  });

  it('serves Swagger UI byte for byte from swagger-ui-dist, with content types', async () => {
    for (const [name, type] of [
      ['swagger-ui-bundle.js', 'text/javascript; charset=utf-8'],
      ['swagger-ui.css', 'text/css; charset=utf-8'],
      ['favicon-32x32.png', 'image/png'],
    ] as const) {
      const response = await fetch(`${running.url}/docs/assets/${name}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe(type);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(Buffer.from(await response.arrayBuffer()).equals(swaggerFile(name))).toBe(true);
    }
    const init = await call(running.url, 'GET', '/docs/assets/docs-init.js');
    expect(init.text).toContain('SwaggerUIBundle(');
    expect(init.text).toContain('validatorUrl: null');
  });

  it('refuses other file names without reading the disk', async () => {
    for (const name of ['package.json', '..%2Fpackage.json', 'swagger-ui.js.map', 'index.html']) {
      const response = await call(running.url, 'GET', `/docs/assets/${name}`);
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
    }
    expect(DOCS_ASSET_NAMES).toHaveLength(4);
  });
});
