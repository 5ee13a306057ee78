// The project's test command: lint and format check (Biome, warnings as errors), build (packages and the dashboard), typecheck, the API reference, every vitest suite, publint +
// attw on every package, and the packed packages installed with npm into a project outside the monorepo and
// typechecked.
// Each check counts as one test; the last line is the plain count `N passed, N failed`.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { stripVTControlCharacters } from 'node:util';

const root = new URL('..', import.meta.url).pathname;
const bin = (name) => join(root, 'node_modules', '.bin', name);
const results = [];

function step(name, command, args, options = {}) {
  console.log(`\n=== ${name} ===`);
  const run = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  const ok = run.status === 0;
  results.push({ name, ok });
  if (!ok) console.log(`✗ ${name} (exit ${run.status ?? run.signal})`);
  return ok;
}

/** The first line of a failure message, without ANSI colours. */
function firstLine(message = '') {
  return stripVTControlCharacters(message ?? '')
    .split('\n')[0]
    .slice(0, 300);
}

spawnSync('node', [join(root, 'scripts/ensure-tools.mjs')], { stdio: 'inherit' });

step('lint and format (biome ci, warnings as errors)', bin('biome'), ['ci', '--error-on-warnings', '.']);

const packages = readdirSync(join(root, 'packages')).filter((name) => existsSync(join(root, 'packages', name, 'package.json')));
const built = step('build packages and the dashboard', 'pnpm', ['-r', '--filter', './packages/*', '--filter', './examples/dashboard', 'build']);
step('typecheck (tsc --noEmit over the workspace)', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']);
// The API reference over every entry point of every package (typedoc.config.mjs derives them from `exports`);
// a missing doc comment, a missing @example on an exported value or a broken link fails it.
step('API reference (typedoc, warnings as errors)', bin('typedoc'), []);

const report = join(root, '.vitest-results.json');
rmSync(report, { force: true });
console.log('\n=== vitest ===');
spawnSync(bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`], { cwd: root, stdio: 'inherit' });
let passed = 0;
let failed = 0;
// What failed inside vitest, repeated in the summary: the end of the output is what a CI log keeps.
const vitestFailures = [];
if (existsSync(report)) {
  const json = JSON.parse(readFileSync(report, 'utf8'));
  passed += json.numPassedTests;
  failed += json.numFailedTests;
  // Files that failed to load and unhandled errors fail the run even when no test inside them ran.
  const brokenFiles = json.testResults.filter((file) => file.status === 'failed' && file.assertionResults.every((test) => test.status !== 'failed')).length;
  failed += brokenFiles;
  if (json.success === false && json.numFailedTests === 0 && brokenFiles === 0) failed += 1;
  for (const file of json.testResults) {
    const where = relative(root, file.name);
    for (const test of file.assertionResults.filter((test) => test.status === 'failed')) {
      vitestFailures.push(`${where} > ${test.fullName}: ${firstLine(test.failureMessages[0])}`);
    }
    if (file.status === 'failed' && file.assertionResults.every((test) => test.status !== 'failed')) vitestFailures.push(`${where}: ${firstLine(file.message)}`);
  }
} else {
  console.log('✗ vitest produced no report');
  failed += 1;
}

for (const name of packages) {
  const directory = join(root, 'packages', name);
  if (!built) continue;
  step(`publint @vajra-stream/${name}`, bin('publint'), ['--strict', directory]);
  step(`attw @vajra-stream/${name}`, bin('attw'), ['--pack', directory, '--profile', 'esm-only', '--format', 'table-flipped']);
}

// Every package packed and installed with npm outside the monorepo: its published types must resolve.
if (built) step('packed packages install with npm and typecheck with skipLibCheck: false', 'node', [join(root, 'scripts/check-packed-packages.mjs')]);

for (const result of results) result.ok ? (passed += 1) : (failed += 1);
console.log('\nChecks:');
for (const result of results) console.log(`  ${result.ok ? '✓' : '✗'} ${result.name}`);
if (vitestFailures.length > 0) {
  console.log('\nFailed in vitest (details above, under === vitest ===):');
  for (const failure of vitestFailures) console.log(`  ✗ ${failure}`);
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
