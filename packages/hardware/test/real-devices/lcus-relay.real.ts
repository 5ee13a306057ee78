import { describe, expect, it } from 'vitest';
import { lcusRelay } from '../../src/drivers/lcus-relay/lcus-relay';
import { portOf } from './real-devices';
import { superviseReal } from './supervise';

// The board does not answer: listen for the relay clicking on and off (and watch its LED).
describe(`an LCUS relay board at ${process.env.VAJRA_HW_RELAY}`, () => {
  it('switches relay 1 on and off again, every frame handed to the port', async () => {
    const { hardware, api } = await superviseReal(portOf('VAJRA_HW_RELAY'), lcusRelay());
    expect(await api.set(1, true)).toEqual({ channel: 1, on: true, applied: true });
    expect(await api.set(1, false)).toEqual({ channel: 1, on: false, applied: true });
    expect(hardware.status('device').health).toMatchObject({ state: 'connected', lastError: null, bytesOut: 12 });
  });
});
