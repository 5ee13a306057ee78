// Runs the vitest suite several times in a row while busy-loop processes keep every core loaded, and prints
// one JSON line: the pass/fail counts and wall time of each run and the tests that failed in some runs but not
// all (flaky) or in every run. A test that only passes on an idle machine shows up here.
//
//   node scripts/stress-tests.mjs [runs, default 10] [--load <busy processes, default one per core>] [--keep-going] [-- <vitest args>]
//
// (`--runs N` works as well as the bare count.) By default it stops at the first failure: vitest bails at the
// first failed test and no further run starts; the failed test is named on stderr and in the JSON line.
// `--keep-going` runs every run whole, to count how often each test fails. Each run's vitest output and a line
// with its wall time go to stderr; stdout carries only the JSON line. Exit code 0 when every run passed.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const root = new URL('..', import.meta.url).pathname;
const separator = process.argv.indexOf('--');
const own = separator === -1 ? process.argv.slice(2) : process.argv.slice(2, separator);
const vitestArgs = separator === -1 ? [] : process.argv.slice(separator + 1);
const { values, positionals } = parseArgs({
  args: own,
  options: { runs: { type: 'string' }, load: { type: 'string', default: String(availableParallelism()) }, 'keep-going': { type: 'boolean', default: false } },
  allowPositionals: true,
  strict: true,
});
if (positionals.length > 1 || (positionals.length === 1 && values.runs !== undefined)) throw new Error('give the run count once: a bare number or --runs N');
const runsText = values.runs ?? positionals[0] ?? '10';
const runs = Number(runsText);
const keepGoing = values['keep-going'];
const load = Number(values.load);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a positive integer, got ${runsText}`);
if (!Number.isInteger(load) || load < 0) throw new Error(`--load must be a non-negative integer, got ${values.load}`);

// One busy loop per core, for as long as the runs last.
const burners = Array.from({ length: load }, () => spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
const stopBurners = () => {
  for (const burner of burners) if (burner.exitCode === null && burner.signalCode === null) burner.kill('SIGKILL');
};
process.on('exit', stopBurners);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    stopBurners();
    process.exit(130);
  });
}

const directory = mkdtempSync(join(tmpdir(), 'vajra-stress-'));
const vitest = join(root, 'node_modules', '.bin', 'vitest');

/** One vitest run; resolves to its counts and the names of the tests (or files) that failed. */
function runOnce(index) {
  const report = join(directory, `run-${index}.json`);
  const started = Date.now();
  return new Promise((resolve) => {
    const bail = keepGoing ? [] : ['--bail=1'];
    const child = spawn(vitest, ['run', '--reporter=dot', '--reporter=json', `--outputFile.json=${report}`, ...bail, ...vitestArgs], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.pipe(process.stderr);
    child.stderr.pipe(process.stderr);
    child.on('close', (code) => {
      const seconds = Math.round((Date.now() - started) / 100) / 10;
      let json;
      try {
        json = JSON.parse(readFileSync(report, 'utf8'));
      } catch {
        return resolve({ run: index + 1, exitCode: code, seconds, passed: 0, failed: 1, skipped: 0, failures: ['(vitest wrote no report)'] });
      }
      const failures = [];
      for (const file of json.testResults) {
        const name = file.name.startsWith(root) ? file.name.slice(root.length) : file.name;
        const failedTests = file.assertionResults.filter((test) => test.status === 'failed');
        for (const test of failedTests) failures.push(`${name} > ${test.fullName}`);
        // a file that failed to load, or failed in a hook, fails without a failed test inside it
        if (file.status === 'failed' && failedTests.length === 0) failures.push(`${name} (file)`);
      }
      if (json.success === false && failures.length === 0) failures.push('(vitest reported errors outside any test)');
      resolve({ run: index + 1, exitCode: code, seconds, passed: json.numPassedTests, failed: failures.length, skipped: json.numPendingTests + json.numTodoTests, failures });
    });
  });
}

const results = [];
try {
  for (let index = 0; index < runs; index += 1) {
    process.stderr.write(`\n=== stress run ${index + 1}/${runs} (${load} busy processes) ===\n`);
    const result = await runOnce(index);
    results.push(result);
    const verdict = result.failed === 0 ? `passed (${result.passed} tests)` : `FAILED: ${result.failures.join('; ')}`;
    process.stderr.write(`\n=== stress run ${index + 1}/${runs}: ${result.seconds} s wall, ${verdict} ===\n`);
    if (result.failed > 0 && !keepGoing) break;
  }
} finally {
  stopBurners();
  rmSync(directory, { recursive: true, force: true });
}

const failedIn = new Map();
for (const result of results) for (const name of result.failures) failedIn.set(name, (failedIn.get(name) ?? 0) + 1);
// Counted over the runs made (fewer than asked after a stop at the first failure).
const flaky = [...failedIn].filter(([, count]) => count < results.length).map(([name, count]) => ({ name, failedRuns: count }));
const alwaysFailing = [...failedIn].filter(([, count]) => count === results.length).map(([name]) => name);
console.log(
  JSON.stringify({
    stressTests: {
      runs,
      completedRuns: results.length,
      stoppedAtFirstFailure: results.length < runs,
      firstFailure: results.find((result) => result.failed > 0)?.failures[0] ?? null,
      busyProcesses: load,
      cores: availableParallelism(),
      vitestArgs,
      passedRuns: results.filter((result) => result.failed === 0).length,
      perRun: results.map(({ run, seconds, passed, failed, skipped, failures }) => ({ run, seconds, passed, failed, skipped, failures })),
      flaky,
      alwaysFailing,
    },
  }),
);
process.exit(results.every((result) => result.failed === 0) ? 0 : 1);
