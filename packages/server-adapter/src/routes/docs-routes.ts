import { z } from 'zod';
import { DOCS_ASSET_NAMES, docsAsset } from '../openapi/docs-assets';
import { docsPage } from '../openapi/docs-page';
import { defineRoute, type AnyRoute } from '../routing/define-route';

/**
 * Content-Security-Policy of the `/docs` page: scripts, styles and requests only from this server, no
 * inline script or style; images also as `data:` URLs (Swagger UI's stylesheet draws its icons that way).
 *
 * @example
 * ```ts
 * new Response(docsPage(), { headers: { 'content-security-policy': DOCS_CSP } });
 * ```
 */
export const DOCS_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/**
 * `/docs` (Swagger UI over `/openapi.json`, served offline from the package) and `/docs/assets/{file}`; the
 * page loads both from below `basePath` when the server is mounted under one.
 *
 * @example
 * ```ts
 * const routes = [...systemRoutes(vajra, deps), ...docsRoutes('/vajra')];
 * ```
 */
export function docsRoutes(basePath = ''): AnyRoute[] {
  return [
    defineRoute({
      method: 'GET',
      path: '/docs',
      summary: 'API documentation: Swagger UI over /openapi.json, with "Try it out" (offline, no CDN)',
      tags: ['system'],
      produces: { 'text/html': { description: 'HTML page' } },
      handler: () =>
        new Response(docsPage(`${basePath}/openapi.json`, `${basePath}/docs/assets`), {
          headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': DOCS_CSP, 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer' },
        }),
    }),
    defineRoute({
      method: 'GET',
      path: '/docs/assets/{file}',
      summary: 'Files of the documentation page (Swagger UI from swagger-ui-dist)',
      tags: ['system'],
      params: z.object({ file: z.enum(DOCS_ASSET_NAMES) }),
      produces: {
        'text/javascript': { description: 'Script' },
        'text/css': { description: 'Stylesheet' },
        'image/png': { description: 'Icon', schema: z.string().meta({ format: 'binary' }) },
      },
      handler: ({ params }) => docsAsset(params.file),
    }),
  ];
}
