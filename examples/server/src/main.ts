/**
 * The reference Vajra.Stream server: `pnpm --filter ./examples/server start` (the same server as `vajra serve`,
 * plus the dashboard). REST under /api/v1, docs at /docs, WebSocket at /ws, the dashboard at /dashboard/, on
 * 127.0.0.1:8000 unless VAJRA_HOST/VAJRA_PORT say otherwise. The wiring (SQLite store, every installed plugin,
 * node:http adapter) is `startServer` of @vajra-stream/cli.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadEnvFile, readServerConfig, startServer } from '@vajra-stream/cli';
import { createConsoleLogger, VajraError, type LogLevel } from '@vajra-stream/core';
import { dashboardRoutes } from './dashboard-routes';

loadEnvFile(process.env.VAJRA_ENV_FILE ?? '.env', process.env);
const config = (() => {
  try {
    return readServerConfig(process.env);
  } catch (error) {
    if (!(error instanceof VajraError)) throw error;
    console.error(`error ${error.code}: ${error.message}`); // a bad VAJRA_* value: one line, no stack
    process.exit(1);
  }
})();
// The built dashboard: examples/dashboard/dist unless VAJRA_DASHBOARD_DIR says otherwise.
const dashboardDir = resolve(process.env.VAJRA_DASHBOARD_DIR ?? fileURLToPath(new URL('../../dashboard/dist', import.meta.url)));
const logger = createConsoleLogger({ level: (process.env.VAJRA_LOG_LEVEL as LogLevel | undefined) ?? 'info' });
const server = await startServer({ ...config, logger, server: { routes: dashboardRoutes(dashboardDir) } });

console.log(`Vajra.Stream listening on ${server.url} (plugins: ${server.plugins.join(', ') || 'none'}; data: ${config.dataDir})`);
console.log(`  Dashboard  ${server.url}/dashboard/`);
console.log(`  API        ${server.urls.api}`);
console.log(`  Docs       ${server.urls.docs}`);
console.log(`  OpenAPI    ${server.urls.openapi}`);
console.log(`  WebSocket  ${server.urls.websocket}`);

if (!existsSync(join(dashboardDir, 'index.html'))) logger.warn('the dashboard is not built; run pnpm build (it builds the packages and the dashboard)', { dashboardDir });

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info('shutting down', { signal });
  try {
    await server.close(); // stops the listener, stops running sessions, closes the store
    logger.info('stopped cleanly');
    process.exit(0);
  } catch (error) {
    logger.error('shutdown failed', { error: error instanceof Error ? error.message : String(error) });
    process.exit(1);
  }
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
