import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, access } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A socat pseudo-terminal pair: `hostPath` for the code under test, `devicePath` for the fake device. */
export interface SocatPair {
  hostPath: string;
  devicePath: string;
  /** The running socat's process id (undefined while unplugged). */
  pid(): number | undefined;
  /** Kill socat (an unplug: both links vanish) and wait until it is gone. */
  unplug(): Promise<void>;
  /** Start socat again on the same links and wait until both exist. */
  plug(): Promise<void>;
  /** Unplug and remove the temp folder. */
  dispose(): Promise<void>;
}

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

/** Poll until `condition` holds (no fixed sleeps: this only bounds a wait that normally ends at once). */
export async function until(condition: () => boolean | Promise<boolean>, timeoutMs = 10_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/**
 * Start a socat pty pair with links in a fresh temp folder. `command` may wrap socat's command line (e.g. in
 * taskset or chrt, which exec it: the process started is socat's).
 *
 * @example
 * ```ts
 * const pair = await startSocatPair();
 * ```
 */
export async function startSocatPair(options: { command?: (command: string, args: string[]) => [string, string[]] } = {}): Promise<SocatPair> {
  const folder = await mkdtemp(join(tmpdir(), 'vajra-hw-'));
  const hostPath = join(folder, 'host');
  const devicePath = join(folder, 'device');
  let child: ChildProcess | undefined;
  const plug = async () => {
    const line: [string, string[]] = ['socat', [`pty,raw,echo=0,link=${hostPath}`, `pty,raw,echo=0,link=${devicePath}`]];
    const started = spawn(...(options.command?.(...line) ?? line), { stdio: 'ignore' });
    child = started;
    await until(async () => (await exists(hostPath)) && (await exists(devicePath)), 10_000, 'socat links');
  };
  const unplug = async () => {
    const running = child;
    child = undefined;
    if (running === undefined || running.exitCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGTERM');
    await exited;
    await until(async () => !(await exists(hostPath)) && !(await exists(devicePath)), 10_000, 'socat links to vanish');
  };
  await plug();
  return {
    hostPath,
    devicePath,
    pid: () => child?.pid,
    plug,
    unplug,
    async dispose() {
      await unplug();
      await rm(folder, { recursive: true, force: true });
    },
  };
}
