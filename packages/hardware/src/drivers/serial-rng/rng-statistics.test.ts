import { describe, expect, it } from 'vitest';
import { createSeededRandom } from '@vajra-stream/core/testing';
import { erfc, twoSidedP } from './normal-distribution';
import { createRngStatistics, summarizeTrials } from './rng-statistics';

const bytes = (count: number, bias: number, random: () => number): Uint8Array =>
  Uint8Array.from({ length: count }, () => {
    let byte = 0;
    for (let bit = 0; bit < 8; bit += 1) if (random() < bias) byte |= 1 << bit;
    return byte;
  });

describe('RNG statistics', () => {
  it('matches reference values of the normal distribution', () => {
    // erfc(1) = 0.157299207050285…, erfc(2) = 0.004677734981047…  (Abramowitz & Stegun table 7.1)
    expect(erfc(1)).toBeCloseTo(0.157299207, 6);
    expect(erfc(2)).toBeCloseTo(0.004677735, 7);
    expect(twoSidedP(1.959963985)).toBeCloseTo(0.05, 6);
    expect(twoSidedP(0)).toBe(1);
  });

  it('scores one trial as (ones − 100) / √50 and a set by Stouffer, with the cumulative deviation', () => {
    const stats = createRngStatistics({ windowTrials: 2, now: () => 0 });
    // 25 bytes of 0xFF: 200 ones; 25 bytes of 0x00: 0 ones.
    const windows = stats.push(Uint8Array.from([...Array(25).fill(0xff), ...Array(25).fill(0x0f)]));
    expect(windows).toHaveLength(1);
    const zAll = 100 / Math.sqrt(50);
    expect(windows[0]).toMatchObject({ trials: 2, bits: 400, cumulativeDeviation: 100, period: 'control' });
    expect(windows[0]?.stoufferZ).toBeCloseTo((zAll + 0) / Math.SQRT2, 10);
    expect(summarizeTrials([]).interpretation).toBe('no data');
  });

  it('a seeded uniform source stays within chance: about 5 % of windows beyond |Z| 1.96, never a drifting total', () => {
    const random = createSeededRandom(7);
    const stats = createRngStatistics({ windowTrials: 50, now: () => 0, maxTrials: 1_000_000 });
    const windows = stats.push(bytes(25 * 50 * 800, 0.5, random));
    expect(windows).toHaveLength(800);
    const outside = windows.filter((window) => Math.abs(window.stoufferZ) >= 1.96).length;
    // Binomial(800, 0.05): mean 40, sd 6.2; ±4 sd.
    expect(outside).toBeGreaterThan(15);
    expect(outside).toBeLessThan(65);
    expect(windows.filter((window) => window.interpretation === 'consistent with chance').length).toBe(800 - outside);
    expect(Math.abs(stats.summary().stoufferZ)).toBeLessThan(4);
  });

  it('detects a biased source and keeps control and intention periods apart', () => {
    const random = createSeededRandom(11);
    const stats = createRngStatistics({ windowTrials: 100, now: () => 0 });
    stats.push(bytes(25 * 1000, 0.5, random));
    stats.mark('intention');
    stats.push(bytes(25 * 1000, 0.52, random));
    expect(Math.abs(stats.summary('control').stoufferZ)).toBeLessThan(4);
    // Shift 4 ones per trial: z ≈ 0.566 per trial, Stouffer over 1000 ≈ 17.9.
    expect(stats.summary('intention').stoufferZ).toBeGreaterThan(10);
    expect(stats.summary('intention').trials).toBe(1000);
    expect(stats.windows(1000).map((window) => window.period)).toEqual([...Array(10).fill('control'), ...Array(10).fill('intention')]);
  });

  it('keeps exactly the most recent maxTrials trials for summaries, however many arrive', () => {
    const stats = createRngStatistics({ maxTrials: 10, windowTrials: 1000, now: () => 0 });
    // Trial k (0-based) is 25 bytes with k ones in its first byte's low bits (k < 8) or 0xFF (k ≥ 8).
    for (let k = 0; k < 37; k += 1) stats.push(Uint8Array.from({ length: 25 }, (_, index) => (index === 0 ? (k < 8 ? (1 << k) - 1 : 0xff) : 0)));
    const summary = stats.summary();
    expect(summary.trials).toBe(10);
    // The last ten (k = 27…36) each have 8 ones: deviation (8 − 100) × 10.
    expect(summary.cumulativeDeviation).toBe(-920);
  });

  it('keeps the most recent raw bytes up to its limit', () => {
    const stats = createRngStatistics({ maxRawBytes: 30, now: () => 0 });
    stats.push(Uint8Array.from({ length: 50 }, (_, index) => index));
    expect([...stats.rawBytes()]).toEqual(Array.from({ length: 30 }, (_, index) => index + 20));
    expect(stats.bytesReceived()).toBe(50);
  });
});
