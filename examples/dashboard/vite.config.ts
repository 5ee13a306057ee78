import { defineConfig } from 'vite';

// In development (`pnpm --filter ./examples/dashboard dev`) Vite serves the page on
// http://localhost:5173/dashboard/ and forwards the API and the WebSocket to a running example server.
const server = process.env.VAJRA_SERVER_URL ?? 'http://127.0.0.1:8000';

export default defineConfig({
  // The example server serves the built page under /dashboard/.
  base: '/dashboard/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Every asset is a file of its own (no data: URIs), so the page's Content-Security-Policy can stay 'self'.
    assetsInlineLimit: 0,
    reportCompressedSize: false,
  },
  server: {
    proxy: {
      '^/$': server,
      '/api': server,
      '/openapi.json': server,
      '/docs': server,
      '/ws': { target: server, ws: true },
    },
  },
});
