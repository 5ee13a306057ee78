import { readFileSync } from 'node:fs';

/**
 * The version of `@vajra-stream/cli` (read from its package.json next to `dist/` or `src/`).
 *
 * @example
 * ```ts
 * cliVersion(); // '0.1.0'
 * ```
 */
export function cliVersion(): string {
  return (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}
