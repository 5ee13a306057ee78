import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * Start bench-server.ts (or another checkout's copy at `file`) serving `target`, pinned to core 0, and wait
 * for the port it listens on; `stop` asks it to close and waits for it to exit. A bench that fails mid-run (a
 * refused upgrade, a lost frame) must not leave a server pinned to core 0, so the child dies with this process.
 */
export async function launchBenchServer(
  target: string,
  file = fileURLToPath(new URL('./bench-server.ts', import.meta.url)),
): Promise<{ child: ChildProcess; port: number; stop: () => Promise<void> }> {
  const child = spawn('taskset', ['-c', '0', process.execPath, '--import', 'tsx', file, target], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const orphanGuard = (): void => void child.kill();
  process.once('exit', orphanGuard);
  child.once('exit', () => process.off('exit', orphanGuard));
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (m) => resolve((m as { port: number }).port));
    child.once('exit', (code) => reject(new Error(`bench server ${target} exited with ${code}`)));
  });
  const stop = async (): Promise<void> => {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.send({ cmd: 'exit' });
    await exited;
  };
  return { child, port, stop };
}

/**
 * The next IPC message of `child` that holds `key`; rejects if the child exits first.
 *
 * @example
 * ```ts
 * const { frames } = await nextMessage<{ frames: number }>(child, 'stopped');
 * ```
 */
export const nextMessage = <T>(child: ChildProcess, key: string): Promise<T> =>
  new Promise((resolve, reject) => {
    const onMessage = (m: unknown): void => {
      if (typeof m === 'object' && m !== null && key in m) {
        child.off('message', onMessage);
        child.off('exit', onExit);
        resolve(m as T);
      }
    };
    const onExit = (code: number | null): void => reject(new Error(`bench server exited with ${code} while waiting for "${key}"`));
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
