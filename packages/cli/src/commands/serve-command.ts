import { resolve } from 'node:path';
import { createConsoleLogger, type LogLevel } from '@vajra-stream/core';
import { defineCommand, type CommandContext } from '../command/define-command';
import { numberOption, stringOption } from '../command/option-values';
import { loadEnvFile } from '../serve/load-env-file';
import { readServerConfig } from '../serve/read-server-config';
import { startServer } from '../serve/start-server';

async function run(context: CommandContext): Promise<void> {
  const env = { ...context.env };
  loadEnvFile(resolve(context.cwd, stringOption(context, 'env-file') ?? env.VAJRA_ENV_FILE ?? '.env'), env);
  const config = readServerConfig(env);
  const port = numberOption(context, 'port', { min: 0, max: 65_535, integer: true });
  const host = stringOption(context, 'host');
  const dataDir = stringOption(context, 'data-dir');
  const { terminal } = context;
  const logger = createConsoleLogger({ level: (env.VAJRA_LOG_LEVEL as LogLevel | undefined) ?? 'info', write: (_level, line) => terminal.note(line) });
  const server = await startServer({
    ...config,
    ...(port === undefined ? {} : { port }),
    ...(host === undefined ? {} : { host }),
    ...(dataDir === undefined ? {} : { dataDir: resolve(context.cwd, dataDir) }),
    logger,
    env,
  });
  if (context.json) {
    terminal.json({ url: server.url, ...server.urls, plugins: server.plugins, database: server.database });
  } else {
    terminal.print(`Vajra.Stream listening on ${terminal.style.cyan(server.url)} (plugins: ${server.plugins.join(', ') || 'none'}; data: ${server.database})`);
    for (const [name, url] of [
      ['API', server.urls.api],
      ['Docs', server.urls.docs],
      ['OpenAPI', server.urls.openapi],
      ['WebSocket', server.urls.websocket],
    ])
      terminal.print(`  ${name!.padEnd(10)} ${url}`);
  }
  await new Promise((done) => context.signal.addEventListener('abort', done, { once: true }));
  logger.info('shutting down');
  await server.close();
  logger.info('stopped cleanly');
}

/** `vajra serve`: the reference server. */
export const serveCommand = defineCommand({
  name: 'serve',
  summary: 'run the reference server: REST + WebSocket, SQLite store, every plugin',
  usage: 'serve [--host <address>] [--port <n>] [--data-dir <directory>]',
  description:
    'The same server as examples/server. Settings come from flags, the environment or a .env file: VAJRA_HOST (127.0.0.1),\nVAJRA_PORT (8000), VAJRA_DATA_DIR (./data), VAJRA_API_KEYS (name:key[:admin],…; required for writes beyond loopback),\nVAJRA_JWT_SECRET, VAJRA_AUTH_REQUIRE (when-exposed, always, never), VAJRA_CORS_ORIGINS, VAJRA_HOSTS, VAJRA_TRUST_PROXY (proxies whose\nX-Forwarded-For names the client: addresses, CIDR ranges, loopback, private), VAJRA_TRUST_PROXY_HEADER (x-forwarded-for, forwarded),\nVAJRA_WS_CONNECTIONS_PER_ADDRESS (100), VAJRA_LOG_LEVEL and every kernel and plugin VAJRA_* setting. Log lines go to stderr.\nCtrl-C or SIGTERM stops it gracefully (running sessions are stopped and stored) with exit code 0.',
  options: {
    host: { type: 'string', value: '<address>', description: 'address to listen on (default 127.0.0.1)' },
    port: { type: 'string', value: '<n>', description: 'port (default 8000; 0 picks a free one)' },
    'data-dir': { type: 'string', value: '<directory>', description: 'where vajra.db lives (default ./data)' },
    'env-file': { type: 'string', value: '<file>', description: 'settings file (default .env, if present)' },
  },
  examples: ['vajra serve', 'vajra serve --port 0 --data-dir /tmp/vajra --json'],
  run,
});
