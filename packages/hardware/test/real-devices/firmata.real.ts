import { describe, expect, it } from 'vitest';
import { firmata } from '../../src/drivers/firmata/firmata';
import { portOf } from './real-devices';
import { superviseReal } from './supervise';

// Pin 13 is the Uno's built-in LED: watch it light and go out.
describe(`a StandardFirmata board at ${process.env.VAJRA_HW_FIRMATA}`, () => {
  it('completes the handshake (firmware named) and drives pin 13', async () => {
    const { hardware, api } = await superviseReal(portOf('VAJRA_HW_FIRMATA'), firmata({ outputs: [13] }));
    expect(api.firmware()?.name).toMatch(/\.ino$|Firmata/i);
    expect(await api.digitalWrite(13, true)).toEqual({ applied: true });
    expect(await api.digitalWrite(13, false)).toEqual({ applied: true });
    expect(hardware.status('device').health.lastError).toBeNull();
  });
});
