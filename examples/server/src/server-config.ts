import { resolve } from 'node:path';
import type { ApiKey } from '@vajra-stream/server-adapter';

/** The example server's settings, from `VAJRA_*` environment variables. */
export interface ServerConfig {
  host: string;
  port: number;
  dataDir: string;
  apiKeys: ApiKey[];
  jwtSecret?: string;
  corsOrigins?: string[];
}

/**
 * Read the config: `VAJRA_HOST` (127.0.0.1), `VAJRA_PORT` (8000), `VAJRA_DATA_DIR` (./data),
 * `VAJRA_API_KEYS` (`name:key[:admin],…`), `VAJRA_JWT_SECRET`, `VAJRA_CORS_ORIGINS` (comma list).
 *
 * @example
 * ```ts
 * const config = readServerConfig(process.env);
 * ```
 */
export function readServerConfig(env: Record<string, string | undefined>): ServerConfig {
  const port = Number(env.VAJRA_PORT ?? 8000);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`VAJRA_PORT must be a port number, got "${env.VAJRA_PORT}"`);
  const apiKeys = (env.VAJRA_API_KEYS ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const [name, key, scope] = entry.split(':');
      if (!name || !key) throw new Error('VAJRA_API_KEYS entries look like name:key or name:key:admin');
      return { name, key, scopes: scope === 'admin' ? ['admin'] : [] };
    });
  return {
    host: env.VAJRA_HOST ?? '127.0.0.1',
    port,
    dataDir: resolve(env.VAJRA_DATA_DIR ?? './data'),
    apiKeys,
    ...(env.VAJRA_JWT_SECRET ? { jwtSecret: env.VAJRA_JWT_SECRET } : {}),
    ...(env.VAJRA_CORS_ORIGINS ? { corsOrigins: env.VAJRA_CORS_ORIGINS.split(',').map((o) => o.trim()) } : {}),
  };
}
