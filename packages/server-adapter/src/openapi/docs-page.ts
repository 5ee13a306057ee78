/**
 * A self-contained HTML page (no CDN, no external assets) that fetches `openApiPath` and renders every
 * operation with its parameters, request body and responses, and lets you try GET routes.
 *
 * @example
 * ```ts
 * new Response(docsPage('/openapi.json'), { headers: { 'content-type': 'text/html' } });
 * ```
 */
export function docsPage(openApiPath: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Vajra.Stream API</title>
<style>
body{font:15px/1.45 system-ui,sans-serif;margin:0;background:#faf8f3;color:#222}
header{background:#7a1f1f;color:#fff;padding:1rem 2rem}header h1{margin:0;font-size:1.4rem}
main{max-width:70rem;margin:auto;padding:1rem 2rem}h2{border-bottom:1px solid #ccc;margin-top:2rem}
details{background:#fff;border:1px solid #ddd;border-radius:6px;margin:.4rem 0;padding:.4rem .8rem}
summary{cursor:pointer}code,pre{font:13px ui-monospace,monospace}pre{background:#f3f1ea;padding:.6rem;overflow:auto;max-height:24rem}
.m{display:inline-block;min-width:4.2rem;font-weight:700}.GET{color:#1d6b2f}.POST{color:#8a5a00}.PUT,.PATCH{color:#2b4d8c}.DELETE{color:#9b1c1c}
.lock{color:#888;font-size:.8rem;margin-left:.5rem}
</style></head>
<body><header><h1 id="title">Vajra.Stream API</h1><div id="desc"></div></header>
<main id="root"><p>Loading <code>${openApiPath}</code>…</p></main>
<script>
(async () => {
  const root = document.getElementById('root');
  const esc = (s) => String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
  let doc;
  try { doc = await (await fetch(${JSON.stringify(openApiPath)})).json(); } catch (e) { root.textContent = 'Could not load the OpenAPI document: ' + e; return; }
  document.getElementById('title').textContent = doc.info.title + ' ' + doc.info.version;
  document.getElementById('desc').textContent = doc.info.description || '';
  const groups = new Map();
  for (const [path, item] of Object.entries(doc.paths || {})) for (const [method, op] of Object.entries(item)) {
    const tag = (op.tags && op.tags[0]) || 'general';
    if (!groups.has(tag)) groups.set(tag, []);
    groups.get(tag).push({ path, method: method.toUpperCase(), op });
  }
  const json = (v) => '<pre>' + esc(JSON.stringify(v, null, 2)) + '</pre>';
  let html = '';
  for (const [tag, ops] of groups) {
    html += '<h2>' + esc(tag) + '</h2>';
    for (const { path, method, op } of ops) {
      html += '<details><summary><span class="m ' + method + '">' + method + '</span><code>' + esc(path) + '</code> — ' + esc(op.summary || '') + (op.security ? '<span class="lock">🔒 bearer</span>' : '') + '</summary>';
      if (op.description) html += '<p>' + esc(op.description) + '</p>';
      if (op.parameters && op.parameters.length) html += '<h4>Parameters</h4>' + json(op.parameters);
      if (op.requestBody) html += '<h4>Request body</h4>' + json(op.requestBody.content);
      html += '<h4>Responses</h4>' + json(op.responses);
      if (method === 'GET' && !path.includes('{')) html += '<button data-path="' + esc(path) + '">Try it</button><pre hidden></pre>';
      html += '</details>';
    }
  }
  html += '<h2>Components</h2>' + json(doc.components || {});
  root.innerHTML = html;
  root.addEventListener('click', async (event) => {
    const button = event.target.closest('button[data-path]');
    if (!button) return;
    const out = button.nextElementSibling;
    out.hidden = false;
    const response = await fetch(button.dataset.path);
    out.textContent = response.status + ' ' + response.statusText + '\\n' + (await response.text());
  });
})();
</script></body></html>`;
}
