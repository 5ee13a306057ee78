import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const serverRoot = fileURLToPath(new URL('../../../server/', import.meta.url));
const dashboardDist = fileURLToPath(new URL('../../dist/', import.meta.url));

/** The example server running as a child process on 127.0.0.1, port 0, with a data dir of its own. */
export interface RunningExampleServer {
  url: string;
  /** Everything the server printed (stdout and stderr), for checks on what it logs. */
  output(): string;
  stop(): Promise<void>;
}

/**
 * Start `examples/server` exactly as `pnpm start` does (its own entry through tsx, the built packages and
 * the built dashboard), with a fresh SQLite data dir and `env` on top; `.env` files and the caller's
 * `VAJRA_*` variables are ignored.
 *
 * @example
 * ```ts
 * const server = await startExampleServer({ VAJRA_AUTH_REQUIRE: 'always', VAJRA_API_KEYS: 'me:…' });
 * ```
 */
export async function startExampleServer(env: Record<string, string> = {}): Promise<RunningExampleServer> {
  if (!existsSync(join(dashboardDist, 'index.html'))) throw new Error(`The dashboard is not built (${dashboardDist}); run pnpm build first`);
  const dataDir = mkdtempSync(join(tmpdir(), 'vajra-dashboard-'));
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VAJRA_'))) as Record<string, string>;
  const child = spawn(process.execPath, ['--import', 'tsx', join(serverRoot, 'src/main.ts')], {
    cwd: serverRoot,
    env: { ...inherited, VAJRA_ENV_FILE: join(dataDir, 'no.env'), VAJRA_PORT: '0', VAJRA_DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += String(chunk)));
  child.stderr!.on('data', (chunk) => (output += String(chunk)));
  const stop = async (): Promise<void> => {
    await terminate(child);
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the example server printed no URL in time: ${output}`)), 45_000);
      const look = (): void => {
        const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
        if (match !== null && output.includes('/dashboard/')) {
          clearTimeout(timer);
          resolve(match[1]!);
        }
      };
      child.stdout!.on('data', look);
      child.once('exit', (code) => reject(new Error(`the example server exited early (${code}): ${output}`)));
    });
    return { url, output: () => output, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}
