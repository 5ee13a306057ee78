import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { until } from './socat-pair';

const script = fileURLToPath(new URL('./fake-device-process.mjs', import.meta.url));

/** A fake device process and the messages it decoded. */
export interface FakeDevice {
  messages: Array<Record<string, unknown>>;
  /** Wait until a decoded message matches. */
  waitFor(match: (message: Record<string, unknown>) => boolean, what?: string): Promise<Record<string, unknown>>;
  stop(): Promise<void>;
  /**
   * Only when started with `reattach: true`: open the port again (its link was made again after an unplug),
   * forget the messages of the previous connection and resolve once the port is open.
   */
  reattach(): Promise<void>;
}

/**
 * Run `fake-device-process.mjs` on `path` speaking `protocol`; resolves once it has opened the port.
 *
 * @example
 * ```ts
 * const device = await startFakeDevice(pair.devicePath, 'lcus-relay');
 * ```
 */
export async function startFakeDevice(path: string, protocol: string, options: { seed?: number; env?: Record<string, string>; reattach?: boolean } = {}): Promise<FakeDevice> {
  const reattach = options.reattach === true;
  const child: ChildProcess = spawn(process.execPath, [script, path, protocol, String(options.seed ?? 1)], {
    stdio: [reattach ? 'pipe' : 'ignore', 'pipe', 'inherit'],
    env: { ...process.env, ...options.env, ...(reattach ? { FAKE_REATTACH: '1' } : {}) },
  });
  const messages: Array<Record<string, unknown>> = [];
  let buffered = '';
  child.stdout?.setEncoding('utf8');
  child.stdout?.on('data', (text: string) => {
    buffered += text;
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) if (line.trim() !== '') messages.push(JSON.parse(line) as Record<string, unknown>);
  });
  const device: FakeDevice = {
    messages,
    async waitFor(match, what = 'a message from the fake device') {
      let found: Record<string, unknown> | undefined;
      await until(() => (found = messages.find(match)) !== undefined, 10_000, what);
      return found as Record<string, unknown>;
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
    async reattach() {
      if (!reattach) throw new Error('startFakeDevice(…, { reattach: true }) to reattach');
      messages.length = 0;
      child.stdin?.write('attach\n');
      await device.waitFor((message) => message.ready === true, 'the fake device to open its port again');
    },
  };
  await device.waitFor((message) => message.ready === true, 'the fake device to open its port');
  return device;
}
