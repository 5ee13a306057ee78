import { existsSync, readFileSync } from 'node:fs';

/**
 * Read `KEY=value` lines of a `.env` file into `env` without overriding what is already set.
 * Supports comments, `export KEY=…`, and single or double quotes.
 *
 * @example
 * ```ts
 * loadEnvFile('.env', process.env);
 * ```
 */
export function loadEnvFile(path: string, env: Record<string, string | undefined>): string[] {
  if (!existsSync(path)) return [];
  const loaded: string[] = [];
  for (const line of readFileSync(path, 'utf8').split(/\r?\n/)) {
    const m = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (m === null || line.trimStart().startsWith('#')) continue;
    const [, key, rawValue] = m as unknown as [string, string, string];
    const quoted = /^(['"])(.*)\1$/.exec(rawValue);
    const value = quoted !== null ? quoted[2]! : rawValue.replace(/\s+#.*$/, '');
    if (env[key] === undefined) {
      env[key] = value;
      loaded.push(key);
    }
  }
  return loaded;
}
