import { resolve } from 'node:path';
import { VajraError } from '@vajra-stream/core';
import { trustProxySchema, type ApiKey, type TrustProxyOptions } from '@vajra-stream/server-adapter';

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
  /** `VAJRA_TRUST_PROXY` (comma list of addresses, CIDR ranges, `loopback`, `private`) and `VAJRA_TRUST_PROXY_HEADER` (`x-forwarded-for` or `forwarded`). */
  trustProxy?: TrustProxyOptions;
  /** `VAJRA_WS_CONNECTIONS_PER_ADDRESS`: open WebSocket connections per client address (default 100; `Infinity` for no cap). */
  wsConnectionsPerAddress?: number;
}

/**
 * Read the config: `VAJRA_HOST` (127.0.0.1), `VAJRA_PORT` (8000), `VAJRA_DATA_DIR` (./data),
 * `VAJRA_API_KEYS` (`name:key[:admin],…`), `VAJRA_JWT_SECRET`, `VAJRA_CORS_ORIGINS` (comma list), `VAJRA_HOSTS` (comma list),
 * `VAJRA_AUTH_REQUIRE` (`when-exposed`: beyond loopback only; `always`; `never`), `VAJRA_DATABASE_URL`,
 * `VAJRA_DATABASE_SCHEMA`, `VAJRA_BUS_URL`, `VAJRA_BUS_PREFIX` (several instances), `VAJRA_TRUST_PROXY` and
 * `VAJRA_TRUST_PROXY_HEADER` (reverse proxies whose forwarded client address counts), `VAJRA_WS_CONNECTIONS_PER_ADDRESS`.
 * A malformed value is `CONFIG_INVALID`.
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
  const trustProxy = readTrustProxy(env);
  const wsConnectionsPerAddress = readConnectionCap(env.VAJRA_WS_CONNECTIONS_PER_ADDRESS);
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
    ...(trustProxy === undefined ? {} : { trustProxy }),
    ...(wsConnectionsPerAddress === undefined ? {} : { wsConnectionsPerAddress }),
  };
}

function readTrustProxy(env: Record<string, string | undefined>): TrustProxyOptions | undefined {
  if (!env.VAJRA_TRUST_PROXY) {
    if (env.VAJRA_TRUST_PROXY_HEADER) throw new VajraError('CONFIG_INVALID', 'VAJRA_TRUST_PROXY_HEADER needs VAJRA_TRUST_PROXY: the proxies whose header is read');
    return undefined;
  }
  const proxies = env.VAJRA_TRUST_PROXY.split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  const parsed = trustProxySchema.safeParse({ proxies, ...(env.VAJRA_TRUST_PROXY_HEADER ? { header: env.VAJRA_TRUST_PROXY_HEADER.trim().toLowerCase() } : {}) });
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const variable = issue.path[0] === 'header' ? 'VAJRA_TRUST_PROXY_HEADER' : 'VAJRA_TRUST_PROXY';
  const value = issue.path[0] === 'proxies' && typeof issue.path[1] === 'number' ? proxies[issue.path[1]] : env[variable];
  throw new VajraError('CONFIG_INVALID', `${variable}: ${issue.message}, got "${value}"`);
}

function readConnectionCap(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const cap = Number(value);
  if (cap !== Number.POSITIVE_INFINITY && (!Number.isInteger(cap) || cap < 1)) {
    throw new VajraError('CONFIG_INVALID', `VAJRA_WS_CONNECTIONS_PER_ADDRESS must be a whole number of at least 1 or Infinity, got "${value}"`);
  }
  return cap;
}
