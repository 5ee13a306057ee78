import { spawnSync } from 'node:child_process';
import { closeSync, fstatSync, openSync, readdirSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger, type Logger } from '@vajra-stream/core';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeDevice, type FakeDevice } from '../../../test/__fixtures__/fake-device';
import { startSocatPair, until } from '../../../test/__fixtures__/socat-pair';
import { createHardware } from '../../supervisor/create-hardware';
import { serialTransport } from '../../transport/serial-transport';
import { defaultSerialSettings, type Transport } from '../../transport/transport';
import { enttecDmxPro } from './enttec-dmx-pro';
import { enttecDmxFrame } from './enttec-frame';
import { createSharedDmxFrame, SharedSlots } from './shared-dmx-frame';
import { createWorkerFrameWriter } from './worker-frame-writer';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

/** A fake widget that reports every frame it decodes. */
const startWidget = async (path: string): Promise<FakeDevice> => {
  const device = await startFakeDevice(path, 'enttec-dmx-pro', { env: { FAKE_REPORT_EVERY_FRAME: '1' } });
  cleanups.push(() => device.stop());
  return device;
};
const frames = (device: FakeDevice) => device.messages.flatMap((message) => (message.dmx === undefined ? [] : [message.dmx as { channels: number; levels: number[]; sum: number; frames: number }]));
const errors = (device: FakeDevice) => device.messages.filter((message) => 'error' in message);

/** `transport` that remembers the fd each link lent out. */
const leaseRecording = (transport: Transport, fds: number[]): Transport => ({
  ...transport,
  open: async (settings) => {
    const connection = await transport.open(settings);
    if (connection.fdLease !== undefined) fds.push(connection.fdLease.fd);
    return connection;
  },
});

const lights = (transport: Transport, options: { heartbeatIntervalMs?: number; realtimePriority?: number; logger?: Logger } = {}) => {
  const { realtimePriority, logger } = options;
  const hardware = createHardware({
    devices: [
      { id: 'lights', transport, driver: enttecDmxPro({ channels: 512, ...(realtimePriority === undefined ? {} : { realtimePriority }) }), heartbeatIntervalMs: options.heartbeatIntervalMs ?? 100 },
    ] as const,
    ...(logger === undefined ? {} : { logger }),
    watchdogIntervalMs: 50,
    heartbeatTimeoutMs: 3000,
    backoff: { initialDelayMs: 20, maxDelayMs: 200 },
  });
  cleanups.push(() => hardware.stop());
  return hardware;
};

/**
 * Scheduling policy and real-time priority of every thread of this process, from /proc (fields 41 and 40 of stat).
 * A thread that ends between the listing and the read (a thread pool's, a worker's) is left out.
 */
const threadPolicies = () =>
  readdirSync('/proc/self/task').flatMap((tid) => {
    let stat: string;
    try {
      stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ESRCH') return [];
      throw error;
    }
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return [{ policy: Number(fields[38]), priority: Number(fields[37]) }];
  });
const SCHED_FIFO = 1;

/** A logger that keeps its warnings. */
const warningsLogger = (warnings: Array<{ message: string; fields?: Record<string, unknown> }>): Logger => ({
  debug: () => undefined,
  info: () => undefined,
  warn: (message, fields) => void warnings.push({ message, ...(fields === undefined ? {} : { fields }) }),
  error: () => undefined,
  child: () => warningsLogger(warnings),
});

/** A fake widget on a pty and (not started) lights asking for realtimePriority 7; the FIFO threads before, the warnings kept. */
const realtimeLights = async () => {
  const socat = await startSocatPair();
  cleanups.push(() => socat.dispose());
  const device = await startWidget(socat.devicePath);
  const warnings: Array<{ message: string; fields?: Record<string, unknown> }> = [];
  const fifoBefore = threadPolicies().filter((thread) => thread.policy === SCHED_FIFO).length;
  const hardware = lights(serialTransport({ path: socat.hostPath }), { realtimePriority: 7, logger: warningsLogger(warnings) });
  return { device, warnings, fifoBefore, hardware };
};

/** A fake widget on a pty, the host end's fd leased to a refresh worker sending 512-channel frames at `hz`. */
const leasedWriter = async (hz: number) => {
  const socat = await startSocatPair();
  cleanups.push(() => socat.dispose());
  const device = await startWidget(socat.devicePath);
  const connection = await serialTransport({ path: socat.hostPath }).open({ ...defaultSerialSettings, baudRate: 57_600 });
  cleanups.push(() => connection.close());
  const lease = connection.fdLease;
  if (lease === undefined) throw new Error('a serial port through the system binding lends its fd');
  const shared = createSharedDmxFrame(enttecDmxFrame(new Uint8Array(512)));
  const writer = createWorkerFrameWriter({ shared, periodMs: 1000 / hz, spinMs: 0, deviceId: 'lights', logger: silentLogger });
  cleanups.push(() => writer.dispose());
  return { device, lease, shared, writer };
};

describe('the DMX refresh worker over a real pseudo-terminal', () => {
  it('sends frames while the main thread is blocked, counts every byte in bytesOut and sends the heartbeat between frames', async () => {
    const socat = await startSocatPair();
    cleanups.push(() => socat.dispose());
    const device = await startWidget(socat.devicePath);
    const hardware = lights(serialTransport({ path: socat.hostPath }));
    hardware.start();
    await hardware.whenConnected('lights');
    const api = hardware.device('lights');
    api.set({ 1: 200, 512: 9 });
    await until(() => frames(device).some((frame) => frame.levels[0] === 200), 10_000, 'a frame with channel 1 at 200');
    // No timer, no threadpool completion runs on this thread meanwhile: only a writer of its own sends frames.
    const before = api.stats().framesSent;
    const end = performance.now() + 600;
    while (performance.now() < end);
    expect(api.stats().framesSent - before).toBeGreaterThanOrEqual(5);
    await until(() => api.stats().serialNumber === '12345678', 10_000, 'the heartbeat answered');
    await hardware.disconnect('lights');
    // Every byte written is a frame (518 bytes) or a serial-number request (5), each decoded whole by the widget.
    const { framesSent } = api.stats();
    await until(() => frames(device).at(-1)?.frames === framesSent, 10_000, 'the widget decoding every frame sent');
    const requests = device.messages.filter((message) => message.serialRequest === true).length;
    expect(hardware.status('lights').health.bytesOut).toBe(framesSent * 518 + requests * 5);
    expect(requests).toBeGreaterThan(0);
    expect(frames(device).at(-1)).toMatchObject({ channels: 512, levels: [200, 0, 0, 0, 0, 0, 0, 0], sum: 209 });
    expect(errors(device)).toEqual([]);
  });

  it('never sends a frame torn between two edits of the main thread', async () => {
    const { device, lease, shared, writer } = await leasedWriter(44);
    const failures: Error[] = [];
    writer.start({ ...lease, wrote: () => undefined, failed: (error) => failures.push(error) });
    // The main thread rewrites all 512 levels one by one, all 0 then all 255, without a pause: nearly every
    // copy the worker makes overlaps an edit.
    let level = 0;
    let edits = 0;
    const end = performance.now() + 1500;
    while (performance.now() < end) {
      level = 255 - level;
      shared.edit((frame) => {
        for (let index = 5; index < 517; index += 1) frame[index] = level;
      });
      edits += 1;
    }
    await until(() => frames(device).length >= 30, 10_000, '30 frames');
    const sums = frames(device).map((frame) => frame.sum);
    expect(edits).toBeGreaterThan(1000);
    expect(sums.filter((sum) => sum !== 0 && sum !== 512 * 255)).toEqual([]);
    expect(new Set(sums)).toEqual(new Set([0, 512 * 255]));
    expect(failures).toEqual([]);
    await lease.revoke();
  });

  it('counts the frames that go out between a release and the revoke of the lease', async () => {
    const { device, lease, shared, writer } = await leasedWriter(40);
    let counted = 0;
    await writer.start({ ...lease, wrote: (bytes) => void (counted += bytes), failed: () => undefined });
    await until(() => frames(device).length >= 3, 10_000, '3 frames');
    // The link is going (the driver's disconnect), but the port revokes the lease only when it closes: a
    // supervisor on a busy machine may take a while, and the worker keeps sending until then.
    writer.release();
    const released = counted;
    await until(() => frames(device).length >= 8, 10_000, 'frames after the release');
    await lease.revoke();
    await new Promise((resolve) => setImmediate(resolve));
    const framesSent = Atomics.load(shared.control, SharedSlots.framesSent);
    expect(counted).toBeGreaterThan(released);
    expect(counted).toBe(framesSent * 518);
  });

  it('revokes the lease before a port closes, on a requested disconnect and on an unplug: the worker never writes to the closed fd nor to a file that reuses it', async () => {
    const socat = await startSocatPair();
    cleanups.push(() => socat.dispose());
    let device = await startWidget(socat.devicePath);
    const fds: number[] = [];
    const hardware = lights(leaseRecording(serialTransport({ path: socat.hostPath }), fds));
    hardware.start();
    const file = join(tmpdir(), `vajra-dmx-reuse-${process.pid}`);
    cleanups.push(() => rm(file, { force: true }));
    let reused = 0;
    for (let cycle = 0; cycle < 10; cycle += 1) {
      await hardware.whenConnected('lights', { timeoutMs: 10_000 });
      const seen = frames(device).length;
      await until(() => frames(device).length > seen + 3, 10_000, `cycle ${cycle}: frames`);
      if (cycle % 2 === 0) await hardware.disconnect('lights');
      else {
        await device.stop();
        await socat.unplug();
        await until(() => hardware.status('lights').health.state !== 'connected', 10_000, `cycle ${cycle}: the unplug noticed`);
      }
      // The lowest free descriptor: the port's own, once it is closed.
      const reuse = openSync(file, 'w+');
      if (reuse === fds.at(-1)) reused += 1;
      // The worker's next deadlines pass (it sends a frame every 25 ms while it holds a lease).
      await new Promise((resolve) => setTimeout(resolve, 150));
      expect(fstatSync(reuse).size).toBe(0);
      closeSync(reuse);
      if (cycle % 2 === 0) hardware.connect('lights');
      else {
        await socat.plug();
        device = await startWidget(socat.devicePath);
      }
    }
    await hardware.whenConnected('lights', { timeoutMs: 10_000 });
    const seen = frames(device).length;
    await until(() => frames(device).length > seen + 3, 10_000, 'frames after the last replug');
    expect(reused).toBeGreaterThan(0);
    expect(errors(device)).toEqual([]);
    expect(['DEVICE_CLOSED', 'DEVICE_ABSENT']).toContain(hardware.status('lights').health.lastError?.code);
  }, 120_000);

  it('skips frames while the pty is full (EAGAIN) without failing the link, and resumes whole frames when the widget reads again', async () => {
    const socat = await startSocatPair();
    cleanups.push(() => socat.dispose());
    // No heartbeat: nobody answers until the widget starts.
    const hardware = lights(serialTransport({ path: socat.hostPath }), { heartbeatIntervalMs: 3_600_000 });
    hardware.start();
    await hardware.whenConnected('lights');
    const api = hardware.device('lights');
    await until(() => api.stats().framesSkipped >= 5, 60_000, 'frames skipped on a full pty');
    expect(hardware.status('lights').health).toMatchObject({ state: 'connected', lastError: null });
    const device = await startFakeDevice(socat.devicePath, 'enttec-dmx-pro');
    cleanups.push(() => device.stop());
    const sent = api.stats().framesSent;
    await until(() => api.stats().framesSent > sent + 20, 10_000, 'frames flowing again');
    await until(() => frames(device).some((frame) => frame.frames > 20), 10_000, 'the widget decoding frames');
    expect(hardware.status('lights').health).toMatchObject({ state: 'connected', lastError: null });
  }, 90_000);

  it('runs its own thread, and no other, at SCHED_FIFO with realtimePriority where the process may; where it may not it warns and sends frames at ordinary priority', async () => {
    const { device, warnings, fifoBefore, hardware } = await realtimeLights();
    hardware.start();
    await hardware.whenConnected('lights');
    const allowed = spawnSync('chrt', ['-f', '1', 'true']).status === 0;
    const fifo = threadPolicies().filter((thread) => thread.policy === SCHED_FIFO);
    if (allowed) {
      // Connected once the worker is up, which is after it set its priority.
      expect(fifo.length - fifoBefore).toBe(1);
      expect(fifo).toContainEqual({ policy: SCHED_FIFO, priority: 7 });
      expect(warnings).toEqual([]);
    } else {
      expect(fifo.length).toBe(fifoBefore);
      expect(warnings.map((warning) => warning.message)).toContain('DMX refresh worker runs at ordinary priority: SCHED_FIFO refused');
    }
    const seen = frames(device).length;
    await until(() => frames(device).length > seen + 10, 10_000, 'frames from the worker');
    await hardware.stop();
    // The thread is gone with its worker.
    await until(() => threadPolicies().filter((thread) => thread.policy === SCHED_FIFO).length === fifoBefore, 10_000, 'the real-time thread ended');
  });

  it('warns and still sends frames when SCHED_FIFO cannot be set (no chrt on the PATH the worker starts with)', async () => {
    const { device, warnings, fifoBefore, hardware } = await realtimeLights();
    // A worker's environment is a copy of process.env taken when it starts.
    const path = process.env.PATH;
    process.env.PATH = '/nonexistent';
    try {
      hardware.start();
      await hardware.whenConnected('lights');
    } finally {
      process.env.PATH = path;
    }
    expect(warnings).toEqual([
      { message: 'DMX refresh worker runs at ordinary priority: SCHED_FIFO refused', fields: { deviceId: 'lights', realtimePriority: 7, reason: expect.stringContaining('ENOENT') } },
    ]);
    expect(threadPolicies().filter((thread) => thread.policy === SCHED_FIFO).length).toBe(fifoBefore);
    const seen = frames(device).length;
    await until(() => frames(device).length > seen + 10, 10_000, 'frames from the worker');
  });

  it('refuses a realtimePriority outside 1 to 99', () => {
    expect(() => enttecDmxPro({ realtimePriority: 0 })).toThrow();
    expect(() => enttecDmxPro({ realtimePriority: 100 })).toThrow();
    expect(() => enttecDmxPro({ realtimePriority: 1.5 })).toThrow();
  });
});
