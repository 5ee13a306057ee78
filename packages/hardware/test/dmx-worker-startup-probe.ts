// Child process of dmx-worker-startup.test.ts, run with __fixtures__/slow-worker-start.cjs preloaded, so the
// DMX refresh worker takes SLOW_WORKER_START_MS to start. Drives an Enttec widget (the fake device) through
// a socat pair with a heartbeat every 50 ms that must be answered within 500 ms, and prints one JSON line:
// when the link was reported connected, every status with an error, and what the heartbeat got.
import { createHardware } from '../src/supervisor/create-hardware';
import type { DeviceStatus } from '../src/supervisor/device-status';
import { enttecDmxPro } from '../src/drivers/enttec-dmx-pro/enttec-dmx-pro';
import { serialTransport } from '../src/transport/serial-transport';
import { startFakeDevice } from './__fixtures__/fake-device';
import { startSocatPair, until } from './__fixtures__/socat-pair';

const socat = await startSocatPair();
const widget = await startFakeDevice(socat.devicePath, 'enttec-dmx-pro');
const errors: Array<{ state: string; code: string | undefined }> = [];
const hardware = createHardware({
  devices: [{ id: 'lights', transport: serialTransport({ path: socat.hostPath }), driver: enttecDmxPro({ channels: 512, writer: 'worker' }), heartbeatIntervalMs: 50 }] as const,
  heartbeatTimeoutMs: 500,
  backoff: { initialDelayMs: 20, maxDelayMs: 200 },
  events: {
    emit: (_name, payload) => {
      const status = payload as DeviceStatus;
      if (status.health.lastError !== null) errors.push({ state: status.health.state, code: status.health.lastError.code });
    },
  },
});
try {
  const started = performance.now();
  hardware.start();
  await hardware.whenConnected('lights', { timeoutMs: 20_000 });
  const connectedAfterMs = performance.now() - started;
  const api = hardware.device('lights');
  // Past the worker's start in any case, then the heartbeat answered once more after that.
  await new Promise((resolve) => setTimeout(resolve, Number(process.env.SLOW_WORKER_START_MS) + 500));
  const requests = widget.messages.filter((message) => message.serialRequest === true).length;
  await until(() => widget.messages.filter((message) => message.serialRequest === true).length > requests, 10_000, 'a heartbeat after the worker started');
  console.log(JSON.stringify({ connectedAfterMs, errors, serialNumber: api.stats().serialNumber, health: hardware.status('lights').health, framesSent: api.stats().framesSent }));
} finally {
  await hardware.stop();
  await widget.stop();
  await socat.dispose();
}
