import { describe, expect, it } from 'vitest';
import { until } from '../__fixtures__/socat-pair';
import { serialRng } from '../../src/drivers/serial-rng/serial-rng';
import { portOf } from './real-devices';
import { superviseReal } from './supervise';

describe(`a OneRNG at ${process.env.VAJRA_HW_ONERNG}`, () => {
  it('starts streaming after cmdo, cmd0, cmdw, cmdO: 500 trials of 200 bits, a healthy generator within chance', async () => {
    const { api } = await superviseReal(portOf('VAJRA_HW_ONERNG'), serialRng({ model: 'onerng', mode: 'avalanche-whitened', windowTrials: 50 }));
    await until(() => api.summary().trials >= 500, 30_000, '500 trials');
    const summary = api.summary();
    expect(summary.bits).toBe(summary.trials * 200);
    expect(Math.abs(summary.stoufferZ)).toBeLessThan(5);
  });
});
