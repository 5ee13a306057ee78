const escapeAttribute = (value: string): string => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The HTML of the `/docs` page: Swagger UI (from the `swagger-ui-dist` package, served by this server
 * under `assetsPath`, never from a CDN) rendering the OpenAPI document at `openApiPath`, with "Try it out"
 * on every operation and every schema. The page has no inline script, so it runs under a strict
 * Content-Security-Policy (`script-src 'self'`).
 *
 * @param openApiPath - Where the page fetches the OpenAPI document (same origin).
 * @param assetsPath - Where the server answers {@link DOCS_ASSET_NAMES} (see `docsAsset`).
 * @example
 * ```ts
 * new Response(docsPage('/openapi.json', '/docs/assets'), { headers: { 'content-type': 'text/html; charset=utf-8' } });
 * ```
 */
export function docsPage(openApiPath = '/openapi.json', assetsPath = '/docs/assets'): string {
  const assets = escapeAttribute(assetsPath.replace(/\/+$/, ''));
  const openApi = escapeAttribute(openApiPath);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>Vajra.Stream API</title>
<link rel="icon" type="image/png" href="${assets}/favicon-32x32.png">
<link rel="stylesheet" href="${assets}/swagger-ui.css">
</head>
<body>
<div id="swagger-ui" data-openapi="${openApi}"></div>
<noscript>This page needs JavaScript. The OpenAPI document itself is at <a href="${openApi}">${openApi}</a>.</noscript>
<script src="${assets}/swagger-ui-bundle.js"></script>
<script src="${assets}/docs-init.js"></script>
</body>
</html>
`;
}
