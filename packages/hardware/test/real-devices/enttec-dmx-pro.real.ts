import { describe, expect, it } from 'vitest';
import { until } from '../__fixtures__/socat-pair';
import { enttecDmxPro } from '../../src/drivers/enttec-dmx-pro/enttec-dmx-pro';
import { portOf } from './real-devices';
import { superviseReal } from './supervise';

describe(`an Enttec DMX USB Pro at ${process.env.VAJRA_HW_DMX}`, () => {
  it('answers its serial-number request and takes 40 frames a second; channel 1 fades up and out', async () => {
    const { hardware, api } = await superviseReal(portOf('VAJRA_HW_DMX'), enttecDmxPro({ channels: 24 }));
    await until(() => api.stats().serialNumber !== null, 15_000, 'the serial number (heartbeat answered)');
    await api.fade({ 1: 255 }, { duration: 1 });
    await api.blackout({ duration: 1 });
    const { framesSent, garbageBytes } = api.stats();
    expect(framesSent).toBeGreaterThan(40);
    expect(garbageBytes).toBe(0);
    expect(hardware.status('device').health.lastError).toBeNull();
  });
});
