// The packages as a user installs them from npm: `pnpm pack` every package, install the tarballs with npm
// into a temporary project outside the monorepo, and typecheck a consumer that imports every entry point
// with `skipLibCheck: false`, so every published `.d.ts` must resolve from what the package itself
// installs. Optional peers are installed only where a published `.d.ts` imports them (a user of
// `/express` has express), with their `@types/*` when the package names one among its devDependencies;
// the oracle's vendor SDKs are never referenced by its types, so they stay uninstalled and the oracle is
// also imported and run offline to prove an offline-only user needs neither.
// Usage: node scripts/check-packed-packages.mjs [--keep]   (exit code 0 when everything resolves)
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const keep = process.argv.includes('--keep');
const work = mkdtempSync(join(tmpdir(), 'vajra-packed-'));
const tarballs = join(work, 'tarballs');
const project = join(work, 'consumer');
mkdirSync(tarballs);
mkdirSync(project);

const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
const run = (command, args, cwd) => {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' } });
  if (result.status !== 0) {
    process.stdout.write(result.stdout ?? '');
    process.stderr.write(result.stderr ?? '');
    throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal}) in ${cwd}`);
  }
  return result.stdout;
};
/** `pnpm pack` in every package at once (each is mostly waiting on its own process start). */
const packAll = (directories) =>
  Promise.all(
    directories.map(
      (directory) =>
        new Promise((resolve, reject) => {
          const child = spawn('pnpm', ['pack', '--pack-destination', tarballs], { cwd: directory, stdio: ['ignore', 'ignore', 'pipe'] });
          let stderr = '';
          child.stderr.on('data', (chunk) => (stderr += chunk));
          child.on('error', reject);
          child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`pnpm pack failed in ${directory}: ${stderr}`))));
        }),
    ),
  );
const listDts = (directory) =>
  readdirSync(directory, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? listDts(join(directory, entry.name)) : entry.name.endsWith('.d.ts') ? [join(directory, entry.name)] : []));
const packageName = (specifier) => (specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]);

try {
  const packages = readdirSync(join(root, 'packages'))
    .map((name) => join(root, 'packages', name))
    .filter((directory) => existsSync(join(directory, 'package.json')))
    .map((directory) => ({ directory, manifest: JSON.parse(readFileSync(join(directory, 'package.json'), 'utf8')) }))
    .filter(({ manifest }) => manifest.private !== true);

  const extras = new Map();
  const entries = [];
  for (const { directory, manifest } of packages) {
    if (!existsSync(join(directory, 'dist'))) throw new Error(`${manifest.name} is not built (run the build first)`);
    for (const subpath of Object.keys(manifest.exports ?? { '.': {} })) {
      if (subpath !== './package.json') entries.push(subpath === '.' ? manifest.name : `${manifest.name}/${subpath.slice(2)}`);
    }
    // Optional peers that a published declaration imports: a user of that entry point installs them.
    const imported = new Set(listDts(join(directory, 'dist')).flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/(?:from|import)\s+['"]([^'".][^'"]*)['"]/g)].map((m) => packageName(m[1]))));
    for (const [peer, range] of Object.entries(manifest.peerDependencies ?? {})) {
      if (peer.startsWith('@vajra-stream/') || !imported.has(peer)) continue;
      extras.set(peer, range);
      const types = `@types/${peer.replace(/^@/, '').replace('/', '__')}`;
      if (manifest.devDependencies?.[types]) extras.set(types, manifest.devDependencies[types]);
    }
  }

  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'vajra-consumer', private: true, type: 'module' }, null, 2));
  writeFileSync(
    join(project, 'tsconfig.json'),
    JSON.stringify(
      {
        compilerOptions: { strict: true, skipLibCheck: false, noEmit: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', lib: ['es2023', 'dom'], types: ['node'] },
        files: ['consumer.ts'],
      },
      null,
      2,
    ),
  );
  writeFileSync(
    join(project, 'consumer.ts'),
    [
      '// Every entry point of every package, as an app imports them.',
      ...entries.map((entry, index) => `import * as entry${index} from '${entry}';`),
      `export const loaded = [${entries.map((_, index) => `entry${index}`).join(', ')}];`,
      "import { createVajra } from '@vajra-stream/core';",
      "import { createOracle, offline } from '@vajra-stream/oracle';",
      'const vajra = createVajra();',
      "export const answer: Promise<string> = createOracle({ fallback: offline({ seed: 1 }) }).generate({ kind: 'blessing', intention: 'all beings' }).then((result) => result.text);",
      'export const status: string = vajra.status;',
      '',
    ].join('\n'),
  );
  await packAll(packages.map(({ directory }) => directory));
  console.log(`[packed] packed ${packages.length} packages (${elapsed()})`);
  const files = readdirSync(tarballs).map((file) => join(tarballs, file));
  const others = [...extras].map(([name, range]) => `${name}@${range}`);
  console.log(`[packed] installing ${files.length} tarballs${others.length ? ` with ${others.join(', ')}` : ''} into ${project}`);
  // Install scripts are skipped: a typecheck needs no native build (better-sqlite3 compiles from source here).
  run('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error', ...files, ...others, '@types/node@^20.19.0'], project);

  console.log(`[packed] installed (${elapsed()})`);
  const installed = (name) => existsSync(join(project, 'node_modules', name, 'package.json'));
  const sdks = ['openai', '@anthropic-ai/sdk'].filter(installed);
  if (sdks.length > 0) throw new Error(`an offline-only install pulled in ${sdks.join(', ')}`);
  const offline = run(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      "const { createOracle } = await import('@vajra-stream/oracle'); const r = await createOracle().generate({ kind: 'blessing', intention: 'all beings' }); console.log(r.provider, r.text.length > 0);",
    ],
    project,
  );
  if (offline.trim() !== 'offline true') throw new Error(`the oracle did not run offline without the SDKs: ${offline}`);

  const tsc = spawnSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', project], { cwd: project, encoding: 'utf8' });
  process.stdout.write(tsc.stdout);
  if (tsc.status !== 0) throw new Error(`the installed packages' declarations do not typecheck with skipLibCheck: false (${entries.length} entry points)`);
  console.log(
    `[packed] ${packages.length} packages, ${entries.length} entry points typecheck with skipLibCheck: false; the oracle runs offline without openai or @anthropic-ai/sdk installed (${elapsed()})`,
  );
} catch (error) {
  console.error(`[packed] ${error.message}`);
  process.exitCode = 1;
} finally {
  if (keep) console.log(`[packed] kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
