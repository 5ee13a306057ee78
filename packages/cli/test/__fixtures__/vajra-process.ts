import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const packageRoot = fileURLToPath(new URL('../..', import.meta.url));
const manifest = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { bin: { vajra: string } };
/** The built `vajra` executable, found through the package's `bin` entry. */
export const vajraBin = join(packageRoot, manifest.bin.vajra);

/** The environment of every run: no colour unless a test asks, no inherited VAJRA_* settings, UTC. */
export function baseEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && !key.startsWith('VAJRA_') && !/^(FORCE_COLOR|NO_COLOR|OPENAI_API_KEY|ANTHROPIC_API_KEY)$/.test(key)) env[key] = value;
  }
  return { ...env, TZ: 'UTC', ...extra };
}

function assertBuilt(): void {
  if (!existsSync(join(dirname(vajraBin), '../dist/bin.js'))) {
    throw new Error('packages/cli is not built: the CLI tests run the built binary (pnpm --filter @vajra-stream/cli build)');
  }
}

/** A finished run. */
export interface VajraRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Options of a run. */
export interface VajraRunOptions {
  cwd?: string;
  env?: Record<string, string>;
  input?: string;
}

/** A running `vajra` child with its output so far. */
export interface VajraChild {
  child: ChildProcessWithoutNullStreams;
  stdout(): string;
  stderr(): string;
  /** Resolves with the run once the process has exited. */
  exited: Promise<VajraRun>;
  /** Polls `test` on the output (every 50 ms, up to `timeoutMs`) and resolves when it holds. */
  until(test: (output: { stdout: string; stderr: string }) => boolean, timeoutMs?: number): Promise<void>;
}

/**
 * Start `node bin/vajra.js …` as a child process (one process: signals reach the CLI itself).
 *
 * @example
 * ```ts
 * const run = startVajra(['wheel', '--json']);
 * await run.until(({ stdout }) => stdout.includes('"rotated"'));
 * run.child.kill('SIGINT');
 * ```
 */
export function startVajra(args: string[], options: VajraRunOptions = {}): VajraChild {
  assertBuilt();
  const child = spawn(process.execPath, [vajraBin, ...args], { cwd: options.cwd, env: options.env ?? baseEnv(), stdio: 'pipe' });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += String(chunk)));
  child.stderr.on('data', (chunk) => (stderr += String(chunk)));
  if (options.input !== undefined) child.stdin.end(options.input);
  else child.stdin.end();
  const exited = new Promise<VajraRun>((resolve) => child.once('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
  return {
    child,
    stdout: () => stdout,
    stderr: () => stderr,
    exited,
    until: (test, timeoutMs = 45_000) =>
      new Promise((resolve, reject) => {
        const started = Date.now();
        const check = setInterval(() => {
          if (test({ stdout, stderr })) {
            clearInterval(check);
            resolve();
          } else if (child.exitCode !== null || Date.now() - started > timeoutMs) {
            clearInterval(check);
            reject(new Error(`condition not met (exit ${child.exitCode}); stdout: ${stdout.slice(-2000)} stderr: ${stderr.slice(-2000)}`));
          }
        }, 50);
      }),
  };
}

/**
 * Run `vajra …` to completion.
 *
 * @example
 * ```ts
 * const { code, stdout } = await runVajra(['astro', 'moon', '--json']);
 * ```
 */
export function runVajra(args: string[], options: VajraRunOptions = {}): Promise<VajraRun> {
  return startVajra(args, options).exited;
}

/** The JSON documents of a `--json` output, one per line. */
export function jsonLines<T = Record<string, unknown>>(stdout: string): T[] {
  return stdout
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T);
}
