/** A file of the `/docs` page. */
export type DocsAssetName = 'swagger-ui.css' | 'swagger-ui-bundle.js' | 'favicon-32x32.png' | 'docs-init.js';

/** The files the `/docs` page loads, with their content types. */
const ASSETS: Readonly<Record<DocsAssetName, string>> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'favicon-32x32.png': 'image/png',
  'docs-init.js': 'text/javascript; charset=utf-8',
};

/**
 * Names of the files {@link docsAsset} answers: Swagger UI's bundle, stylesheet and icon from
 * `swagger-ui-dist`, and `docs-init.js`, the page's own start-up script.
 *
 * @example
 * ```ts
 * DOCS_ASSET_NAMES.includes('swagger-ui-bundle.js'); // true
 * ```
 */
export const DOCS_ASSET_NAMES = Object.keys(ASSETS) as [DocsAssetName, ...DocsAssetName[]];

/**
 * Starts Swagger UI on the page's `#swagger-ui` element with the document named by its `data-openapi`
 * attribute. It asks no outside service (no validator badge) and keeps no credentials between visits.
 */
const INIT_SCRIPT = `'use strict';
(function () {
  var root = document.getElementById('swagger-ui');
  window.ui = SwaggerUIBundle({
    url: root.getAttribute('data-openapi'),
    domNode: root,
    presets: [SwaggerUIBundle.presets.apis],
    layout: 'BaseLayout',
    deepLinking: true,
    validatorUrl: null,
    persistAuthorization: false,
    displayRequestDuration: true,
    defaultModelsExpandDepth: 1,
  });
})();
`;

const cache = new Map<DocsAssetName, Uint8Array<ArrayBuffer>>();

async function contentOf(name: DocsAssetName): Promise<Uint8Array<ArrayBuffer>> {
  const cached = cache.get(name);
  if (cached !== undefined) return cached;
  let content: Uint8Array<ArrayBuffer>;
  if (name === 'docs-init.js') content = new TextEncoder().encode(INIT_SCRIPT);
  else {
    // Loaded on first use so the main entry imports nothing from Node until the page is asked for.
    const [{ createRequire }, { readFile }] = await Promise.all([import('node:module'), import('node:fs/promises')]);
    content = new Uint8Array(await readFile(createRequire(import.meta.url).resolve(`swagger-ui-dist/${name}`)));
  }
  cache.set(name, content);
  return content;
}

/**
 * One file of the `/docs` page as a `Response`, read from the installed `swagger-ui-dist` package (kept in
 * memory after the first request) with its content type, `nosniff` and a one-day cache lifetime.
 *
 * @example
 * ```ts
 * const response = await docsAsset('swagger-ui.css');
 * response.headers.get('content-type'); // 'text/css; charset=utf-8'
 * ```
 */
export async function docsAsset(name: DocsAssetName): Promise<Response> {
  const content = await contentOf(name);
  return new Response(content, {
    headers: { 'content-type': ASSETS[name], 'cache-control': 'public, max-age=86400', 'x-content-type-options': 'nosniff' },
  });
}
