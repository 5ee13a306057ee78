import { describe, expect, it } from 'vitest';
import { until } from '../__fixtures__/socat-pair';
import { serialRng } from '../../src/drivers/serial-rng/serial-rng';
import { portOf } from './real-devices';
import { superviseReal } from './supervise';

describe(`a TrueRNG at ${process.env.VAJRA_HW_TRUERNG}`, () => {
  it('streams in normal mode (300 baud): 500 trials of 200 bits, a healthy generator within chance', async () => {
    const { api } = await superviseReal(portOf('VAJRA_HW_TRUERNG'), serialRng({ model: 'truerng', mode: 'normal', windowTrials: 50 }));
    await until(() => api.summary().trials >= 500, 30_000, '500 trials');
    const summary = api.summary();
    expect(summary.bits).toBe(summary.trials * 200);
    expect(api.windows().length).toBeGreaterThanOrEqual(10);
    expect(Math.abs(summary.stoufferZ)).toBeLessThan(5);
  });
});
