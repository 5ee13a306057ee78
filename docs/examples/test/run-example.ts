import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The docs/examples folder: examples run from here, so their imports resolve to the built workspace packages. */
export const examplesDir = fileURLToPath(new URL('..', import.meta.url));

/** A running example: its output so far, a wait for a condition on it, and its exit. */
export interface RunningExample {
  child: ChildProcess;
  output(): { stdout: string; stderr: string };
  until(condition: (output: { stdout: string; stderr: string }) => boolean, what: string, timeoutMs?: number): Promise<void>;
  exited: Promise<number | null>;
}

/** Run `src/<file>` with tsx as a loader in one Node process, so signals reach the example itself. */
export function runExample(file: string, args: string[] = [], env: Record<string, string> = {}): RunningExample {
  const child = spawn(process.execPath, ['--import', 'tsx', `src/${file}`, ...args], { cwd: examplesDir, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const output = { stdout: '', stderr: '' };
  child.stdout!.on('data', (chunk) => (output.stdout += String(chunk)));
  child.stderr!.on('data', (chunk) => (output.stderr += String(chunk)));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const until: RunningExample['until'] = (condition, what, timeoutMs = 90_000) =>
    new Promise((resolve, reject) => {
      const check = (): boolean => {
        if (!condition(output)) return false;
        clearTimeout(timer);
        child.stdout!.off('data', check);
        resolve();
        return true;
      };
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}; stdout: ${output.stdout} stderr: ${output.stderr}`)), timeoutMs);
      if (check()) return;
      child.stdout!.on('data', check);
      void exited.then((code) => {
        if (!check()) {
          clearTimeout(timer);
          reject(new Error(`exited with ${code} before ${what}; stdout: ${output.stdout} stderr: ${output.stderr}`));
        }
      });
    });
  return { child, output: () => output, until, exited };
}
