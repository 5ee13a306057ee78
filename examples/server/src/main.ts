/**
 * The reference Vajra.Stream server: `pnpm --filter ./examples/server start`.
 * REST under /api/v1, docs at /docs, WebSocket at /ws, on 127.0.0.1:8000 unless VAJRA_HOST/VAJRA_PORT say otherwise.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createConsoleLogger, createVajra } from '@vajra-stream/core';
import { createServer } from '@vajra-stream/server-adapter';
import { serve } from '@vajra-stream/server-adapter/node';
import { createSqliteStore } from '@vajra-stream/store-sqlite';
import { dashboardRoutes } from './dashboard-routes';
import { loadEnvFile } from './load-env-file';
import { loadPlugins } from './load-plugins';
import { readServerConfig } from './server-config';

loadEnvFile(process.env.VAJRA_ENV_FILE ?? '.env', process.env);
const config = readServerConfig(process.env);
const logger = createConsoleLogger({ level: (process.env.VAJRA_LOG_LEVEL as 'info' | undefined) ?? 'info' });

mkdirSync(config.dataDir, { recursive: true });
const store = createSqliteStore({ path: join(config.dataDir, 'vajra.db') });
const vajra = createVajra({ store, logger, plugins: await loadPlugins(logger) });
await vajra.start();

const server = createServer(vajra, {
  hostname: config.host,
  logRequests: true,
  routes: dashboardRoutes(config.dashboardDir),
  auth: { apiKeys: config.apiKeys, require: config.authRequire, ...(config.jwtSecret === undefined ? {} : { jwt: { secret: config.jwtSecret } }) },
  ...(config.corsOrigins === undefined ? {} : { cors: { origins: config.corsOrigins } }),
});
const listening = await serve(server, { port: config.port, hostname: config.host });
const wsUrl = listening.url.replace(/^http/, 'ws');
console.log(`Vajra.Stream listening on ${listening.url} (plugins: ${vajra.pluginIds().join(', ') || 'none'}; data: ${config.dataDir})`);
console.log(`  Dashboard  ${listening.url}/dashboard/`);
console.log(`  API        ${listening.url}/api/v1`);
console.log(`  Docs       ${listening.url}/docs`);
console.log(`  OpenAPI    ${listening.url}/openapi.json`);
console.log(`  WebSocket  ${wsUrl}/ws`);

if (!existsSync(join(config.dashboardDir, 'index.html'))) logger.warn('the dashboard is not built; run pnpm build (it builds the packages and the dashboard)', { dashboardDir: config.dashboardDir });

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info('shutting down', { signal });
  try {
    await listening.close();
    await vajra.stop({ stopSessions: true });
    await store.close();
    logger.info('stopped cleanly');
    process.exit(0);
  } catch (error) {
    logger.error('shutdown failed', { error: error instanceof Error ? error.message : String(error) });
    process.exit(1);
  }
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
