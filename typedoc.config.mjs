// TypeDoc over every entry point of every package, derived from each package.json `exports`
// (`./dist/x/index.js` is built from `src/x/index.ts`), so a new subpath is documented without editing this file.
import { existsSync, readdirSync, readFileSync } from 'node:fs';

function entryPointsOf(name) {
  const manifest = `packages/${name}/package.json`;
  if (!existsSync(manifest)) return [];
  const { exports = {} } = JSON.parse(readFileSync(manifest, 'utf8'));
  return Object.entries(exports)
    .filter(([subpath]) => subpath !== './package.json')
    .map(([, target]) => (typeof target === 'string' ? target : (target.import ?? target.default)))
    .map((built) => `packages/${name}/${built.replace(/^\.\/dist\//, 'src/').replace(/\.js$/, '.ts')}`);
}

/** @type {Partial<import('typedoc').TypeDocOptions>} */
export default {
  name: 'Vajra.Stream SDK',
  entryPointStrategy: 'resolve',
  entryPoints: readdirSync('packages').sort().flatMap(entryPointsOf),
  tsconfig: 'tsconfig.typedoc.json',
  readme: 'docs/api-readme.md',
  out: 'docs/api',
  excludePrivate: true,
  disableSources: true,
  treatWarningsAsErrors: true,
  plugin: ['./scripts/typedoc/require-example.mjs'],
  validation: { notExported: true, invalidLink: true, rewrittenLink: true, notDocumented: true, unusedMergeModuleWith: true },
  // Every exported declaration is documented; members of zod-inferred types are documented on their schema.
  requiredToBeDocumented: ['Function', 'Class', 'Interface', 'TypeAlias', 'Variable', 'Enum'],
};
