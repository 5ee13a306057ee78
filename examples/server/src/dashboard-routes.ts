import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { VajraError } from '@vajra-stream/core';
import { defineRoute, type AnyRoute } from '@vajra-stream/server-adapter';
import { z } from 'zod';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/** The page may load only what this server serves: no CDN, no inline script, no framing. */
const PAGE_POLICY = [
  "default-src 'self'",
  // 'wasm-unsafe-eval': the audio engine's DSP kernels are WebAssembly; it allows compiling them, not eval.
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const fileParams = z.object({ file: z.string().regex(/^[\w-][\w.-]{0,127}$/, 'a file name') });

/**
 * Routes serving the prebuilt dashboard (`examples/dashboard/dist`) under `/dashboard/`: the page
 * with a strict Content-Security-Policy, and its hashed assets with long-lived caching.
 *
 * @example
 * ```ts
 * createServer(vajra, { routes: dashboardRoutes('/path/to/examples/dashboard/dist') });
 * ```
 */
export function dashboardRoutes(directory: string): AnyRoute[] {
  const serve = async (path: string, headers: Record<string, string>): Promise<Response> => {
    let body: Buffer;
    try {
      body = await readFile(path);
    } catch {
      throw new VajraError('DASHBOARD_FILE_NOT_FOUND', 'No such dashboard file (is the dashboard built? run pnpm build)', { status: 404 });
    }
    return new Response(new Uint8Array(body), {
      headers: { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream', 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer', ...headers },
    });
  };
  return [
    defineRoute({
      method: 'GET',
      path: '/dashboard',
      summary: 'The dashboard (HTML page; same origin, works offline)',
      tags: ['dashboard'],
      produces: { 'text/html': { description: 'The dashboard page' } },
      handler: () => serve(join(directory, 'index.html'), { 'cache-control': 'no-cache', 'content-security-policy': PAGE_POLICY }),
    }),
    defineRoute({
      method: 'GET',
      path: '/dashboard/{file}',
      summary: 'A top-level file of the dashboard (icon)',
      tags: ['dashboard'],
      params: fileParams,
      produces: { 'image/svg+xml': { description: 'The icon' } },
      handler: ({ params }) => serve(join(directory, params.file), { 'cache-control': 'public, max-age=3600' }),
    }),
    defineRoute({
      method: 'GET',
      path: '/dashboard/assets/{file}',
      summary: 'A built asset of the dashboard (script, style, font, worklet), named by its content hash',
      tags: ['dashboard'],
      params: fileParams,
      produces: { 'text/javascript': { description: 'Script' }, 'text/css': { description: 'Style sheet' }, 'font/woff2': { description: 'Font' } },
      handler: ({ params }) => serve(join(directory, 'assets', params.file), { 'cache-control': 'public, max-age=31536000, immutable' }),
    }),
  ];
}
