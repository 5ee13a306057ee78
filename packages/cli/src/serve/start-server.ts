import { createVajra, silentLogger, type Logger, type Vajra } from '@vajra-stream/core';
import { createServer, type ServerOptions } from '@vajra-stream/server-adapter';
import { serve } from '@vajra-stream/server-adapter/node';
import { loadPlugins } from './load-plugins';
import { openStorage } from './open-storage';
import type { ServerConfig } from './read-server-config';

/**
 * Options of {@link startServer}: the {@link ServerConfig} fields plus what a program decides.
 *
 * @example
 * ```ts
 * const options: StartServerOptions = {
 *   dataDir: './data',
 *   host: '127.0.0.1',
 *   port: 0, // any free port; read it back from server.url
 *   apiKeys: [{ name: 'alice', key: randomBytes(24).toString('hex'), scopes: ['admin'] }],
 *   authRequire: 'always',
 *   env: { VAJRA_ORACLE__MAX_TOKENS: '100000' }, // what the kernel and plugins read instead of process.env
 * };
 * const server = await startServer(options);
 * ```
 */
export interface StartServerOptions extends Partial<ServerConfig> {
  /** Directory of the SQLite file `vajra.db` (created if missing). */
  dataDir: string;
  logger?: Logger;
  /** Environment the kernel and plugins read `VAJRA_*` settings from (default `process.env`). */
  env?: Record<string, string | undefined>;
  /** Anything else for `createServer` (limits, extra routes, …). */
  server?: ServerOptions;
}

/**
 * A running reference server, as returned by {@link startServer}.
 *
 * @example
 * ```ts
 * const server: RunningServer = await startServer({ dataDir: './data', port: 0 });
 * console.log(server.urls.api, server.database, server.plugins); // http://127.0.0.1:41234/api/v1 /srv/data/vajra.db [ 'audio', 'astrology', … ]
 * const health = await fetch(`${server.url}/health`).then((response) => response.json()); // { status: 'ok', kernel: 'running' }
 * await server.close();
 * ```
 */
export interface RunningServer {
  /** `http://127.0.0.1:8000` */
  url: string;
  /** The REST API, docs page, OpenAPI document and WebSocket URLs. */
  urls: { api: string; docs: string; openapi: string; websocket: string };
  /** Plugins that loaded. */
  plugins: string[];
  /** The SQLite file, or the PostgreSQL URL (without its password) and schema. */
  database: string;
  vajra: Vajra;
  /** Stop listening, stop running sessions (alone; with a bus the other instances go on with them), close the store and bus. */
  close(): Promise<void>;
}

/**
 * Start the reference Vajra.Stream server: a kernel on the SQLite store in `dataDir` with every
 * installed plugin (audio, astrology, oracle on its offline composer), REST + WebSocket on node:http.
 * With `databaseUrl` the store is PostgreSQL, and with `busUrl` (PostgreSQL or Redis) the instance joins
 * the others of its deployment: shared events, once-only work under a lease.
 * Used by `vajra serve` and examples/server.
 *
 * @example
 * ```ts
 * import { startServer } from '@vajra-stream/cli';
 * const server = await startServer({ dataDir: './data', port: 8000 });
 * console.log(server.urls.docs);
 * await server.close();
 * ```
 */
export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const logger = options.logger ?? silentLogger;
  const host = options.host ?? '127.0.0.1';
  const storage = await openStorage(options);
  const { store, bus, database } = storage;
  const vajra = createVajra({ store, ...(bus === undefined ? {} : { bus }), logger, plugins: await loadPlugins(logger), ...(options.env ? { env: options.env } : {}) });
  // Alone, closing stops the running sessions; in a deployment the other instances carry them on.
  const stopSessions = bus === undefined;
  try {
    await vajra.start();
    const server = createServer(vajra, {
      logRequests: true,
      ...options.server,
      auth:
        options.server?.auth === 'none'
          ? 'none'
          : {
              apiKeys: options.apiKeys ?? [],
              ...(options.authRequire === undefined ? {} : { require: options.authRequire }),
              ...(options.jwtSecret === undefined ? {} : { jwt: { secret: options.jwtSecret } }),
              ...options.server?.auth,
            },
      ...(options.corsOrigins === undefined ? {} : { cors: { origins: options.corsOrigins } }),
      ...(options.hosts === undefined ? {} : { hosts: options.hosts }),
      ...(options.trustProxy === undefined ? {} : { trustProxy: options.trustProxy }),
      ...(options.wsConnectionsPerAddress === undefined ? {} : { limits: { ...options.server?.limits, wsConnectionsPerAddress: options.wsConnectionsPerAddress } }),
    });
    const listening = await serve(server, { port: options.port ?? 8000, hostname: host });
    const websocket = `${listening.url.replace(/^http/, 'ws')}/ws`;
    return {
      url: listening.url,
      urls: { api: `${listening.url}/api/v1`, docs: `${listening.url}/docs`, openapi: `${listening.url}/openapi.json`, websocket },
      plugins: vajra.pluginIds(),
      database,
      vajra,
      async close() {
        await listening.close();
        await vajra.stop({ stopSessions });
        await storage.close();
      },
    };
  } catch (error) {
    await vajra.stop({ stopSessions }).catch(() => undefined);
    await storage.close();
    throw error;
  }
}
