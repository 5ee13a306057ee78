import type { Options } from 'tsup';

/** The build every package shares: ESM + bundled `.d.ts` for Node 20, one output per entry. */
export function packageBuild(entry: Record<string, string>, overrides: Options = {}): Options {
  return { entry, format: ['esm'], dts: true, clean: true, sourcemap: true, target: 'node20', tsconfig: './tsconfig.json', ...overrides };
}
