import { resolve } from 'node:path';
import { VajraError } from '@vajra-stream/core';
import type { ApiKey } from '@vajra-stream/server-adapter';

/**
 * The settings of the reference server (`vajra serve`, examples/server), from `VAJRA_*` environment variables.
 *
 * @example
 * ```ts
 * const config: ServerConfig = readServerConfig({ VAJRA_PORT: '8080', VAJRA_API_KEYS: 'alice:3f9c2a7e51d84b06c1e9:admin' });
 * // { host: '127.0.0.1', port: 8080, dataDir: '/srv/data', apiKeys: [{ name: 'alice', key: '3f9c2a7e51d84b06c1e9', scopes: ['admin'] }], authRequire: 'when-exposed' }
 * const server = await startServer({ ...config, port: 0 });
 * ```
 */
export interface ServerConfig {
  host: string;
  port: number;
  dataDir: string;
  apiKeys: ApiKey[];
  jwtSecret?: string;
  /** When writes and the WebSocket need credentials (`VAJRA_AUTH_REQUIRE`: always, when-exposed, never). */
  authRequire: 'always' | 'when-exposed' | 'never';
  corsOrigins?: string[];
  /** Host names clients use besides loopback names and IP addresses (`VAJRA_HOSTS`, comma list; `*` for any). */
  hosts?: string[];
  /** `VAJRA_DATABASE_URL`: PostgreSQL instead of SQLite. */
  databaseUrl?: string;
  /** `VAJRA_DATABASE_SCHEMA`: the deployment's PostgreSQL schema (default `vajra`). */
  databaseSchema?: string;
  /** `VAJRA_BUS_URL`: `postgres://` (LISTEN/NOTIFY) or `redis://` bus between instances. */
  busUrl?: string;
  /** `VAJRA_BUS_PREFIX`: the deployment's Redis key prefix (default `vajra:`). */
  busPrefix?: string;
}

/**
 * Read the config: `VAJRA_HOST` (127.0.0.1), `VAJRA_PORT` (8000), `VAJRA_DATA_DIR` (./data),
 * `VAJRA_API_KEYS` (`name:key[:admin],…`), `VAJRA_JWT_SECRET`, `VAJRA_CORS_ORIGINS` (comma list), `VAJRA_HOSTS` (comma list),
 * `VAJRA_AUTH_REQUIRE` (`when-exposed`: beyond loopback only; `always`; `never`), `VAJRA_DATABASE_URL`,
 * `VAJRA_DATABASE_SCHEMA`, `VAJRA_BUS_URL`, `VAJRA_BUS_PREFIX` (several instances). A malformed value is
 * `CONFIG_INVALID`.
 *
 * @example
 * ```ts
 * const config = readServerConfig(process.env);
 * ```
 */
export function readServerConfig(env: Record<string, string | undefined>): ServerConfig {
  const port = Number(env.VAJRA_PORT ?? 8000);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new VajraError('CONFIG_INVALID', `VAJRA_PORT must be a port number, got "${env.VAJRA_PORT}"`);
  const apiKeys = (env.VAJRA_API_KEYS ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const [name, key, scope] = entry.split(':');
      if (!name || !key) throw new VajraError('CONFIG_INVALID', 'VAJRA_API_KEYS entries look like name:key or name:key:admin');
      return { name, key, scopes: scope === 'admin' ? ['admin'] : [] };
    });
  const authRequire = env.VAJRA_AUTH_REQUIRE ?? 'when-exposed';
  if (authRequire !== 'always' && authRequire !== 'when-exposed' && authRequire !== 'never') {
    throw new VajraError('CONFIG_INVALID', `VAJRA_AUTH_REQUIRE must be always, when-exposed or never, got "${authRequire}"`);
  }
  return {
    host: env.VAJRA_HOST ?? '127.0.0.1',
    port,
    dataDir: resolve(env.VAJRA_DATA_DIR ?? './data'),
    apiKeys,
    authRequire,
    ...(env.VAJRA_JWT_SECRET ? { jwtSecret: env.VAJRA_JWT_SECRET } : {}),
    ...(env.VAJRA_CORS_ORIGINS ? { corsOrigins: env.VAJRA_CORS_ORIGINS.split(',').map((o) => o.trim()) } : {}),
    ...(env.VAJRA_HOSTS
      ? {
          hosts: env.VAJRA_HOSTS.split(',')
            .map((h) => h.trim())
            .filter(Boolean),
        }
      : {}),
    ...(env.VAJRA_DATABASE_URL ? { databaseUrl: env.VAJRA_DATABASE_URL } : {}),
    ...(env.VAJRA_DATABASE_SCHEMA ? { databaseSchema: env.VAJRA_DATABASE_SCHEMA } : {}),
    ...(env.VAJRA_BUS_URL ? { busUrl: env.VAJRA_BUS_URL } : {}),
    ...(env.VAJRA_BUS_PREFIX ? { busPrefix: env.VAJRA_BUS_PREFIX } : {}),
  };
}
