import { describe, expect, it } from 'vitest';
import { analyzeSpectrum, bowlModePresets, renderToBuffer } from '../src/index';
import { demodulatedEnvelope, dominantRate, fitLine, upwardCrossings, welch } from './helpers/measure';

const rate = 48_000;

describe('tone', () => {
  it('puts one peak at the asked frequency, at the asked level, in both ears', () => {
    const { channels } = renderToBuffer({ duration: 0.5, gain: 1, layers: [{ kind: 'tone', frequency: 528, gain: 0.5 }] });
    for (const channel of channels) {
      const spectrum = analyzeSpectrum(channel.subarray(4000, 4000 + 16384), rate, { fftSize: 16384 });
      expect(Math.abs(spectrum.peaks[0]!.frequency - 528)).toBeLessThan(0.05);
      expect(spectrum.peaks[0]!.amplitude).toBeCloseTo(0.5, 2);
      expect(spectrum.peaks[1]?.magnitude ?? -200).toBeLessThan(-90); // nothing else above −90 dBFS
    }
  });
});

describe('binaural', () => {
  it('left = carrier, right = carrier + beat, each ear free of the other tone', () => {
    const { channels } = renderToBuffer({ duration: 1, gain: 1, layers: [{ kind: 'binaural', carrier: 200, beat: 7.83, gain: 0.5 }] });
    const left = analyzeSpectrum(channels[0].subarray(2000, 2000 + 32768), rate, { fftSize: 32768 });
    const right = analyzeSpectrum(channels[1].subarray(2000, 2000 + 32768), rate, { fftSize: 32768 });
    expect(Math.abs(left.peaks[0]!.frequency - 200)).toBeLessThan(0.02);
    expect(Math.abs(right.peaks[0]!.frequency - 207.83)).toBeLessThan(0.02);
    const leakBin = Math.round(207.83 / left.binWidth);
    expect(left.magnitudes[leakBin]!).toBeLessThan(-100);
  });
});

describe('bowl', () => {
  const fundamental = 221;
  const modes = bowlModePresets['tibetan-180mm'];
  const { channels } = renderToBuffer({ duration: 4, gain: 1, layers: [{ kind: 'bowl', frequency: fundamental, modes: 'tibetan-180mm', strikes: [0] }] });
  const mono = channels[0];

  it('rings every mode of the preset at ratio × fundamental (both halves of each doublet)', () => {
    const spectrum = analyzeSpectrum(mono.subarray(0, 65536), rate, { fftSize: 65536, maxPeaks: 40, range: 120 });
    for (const mode of modes) {
      const centre = fundamental * mode.ratio;
      const halfSplit = centre * (2 ** (mode.split / 2400) - 1);
      const near = spectrum.peaks.filter((peak) => Math.abs(peak.frequency - centre) < halfSplit + 1.5);
      expect(near.length, `mode ${centre.toFixed(1)} Hz`).toBeGreaterThan(0);
      if (halfSplit > 1.5) {
        // the doublet is resolved: one peak near each half
        expect(near.some((peak) => Math.abs(peak.frequency - (centre - halfSplit)) < 0.5)).toBe(true);
        expect(near.some((peak) => Math.abs(peak.frequency - (centre + halfSplit)) < 0.5)).toBe(true);
      }
    }
  });

  it('beats each doublet at its split', () => {
    for (const mode of modes.filter((m) => m.split > 0)) {
      const centre = fundamental * mode.ratio;
      const expected = centre * (2 ** (mode.split / 2400) - 2 ** (-mode.split / 2400));
      const envelope = demodulatedEnvelope(mono, rate, centre, 0.03, 0.002);
      const t60 = (2.2 * 3000) / centre;
      const flat = envelope.values.map((value, index) => value * Math.exp((Math.log(1000) * envelope.times[index]!) / t60));
      const usable = Math.min(flat.length, Math.round(Math.min(3.9, 0.6 * t60) / 0.002));
      const measured = dominantRate(flat.slice(5, usable), 0.002, 0.5, 15, 0.01);
      expect(Math.abs(measured - expected) / expected, `mode ${centre.toFixed(0)} Hz beat ${expected.toFixed(2)} Hz`).toBeLessThan(0.04);
    }
  });

  it('decays each mode at its T60 (explicit modes)', () => {
    const explicit = [
      // 300, 800, 1500 Hz: differences are whole periods of the 20 ms analysis window (no leakage)
      { ratio: 1, t60: 1.5, gain: 1, split: 0 },
      { ratio: 8 / 3, t60: 0.6, gain: 1, split: 0 },
      { ratio: 5, t60: 2.5, gain: 0.5, split: 0 },
    ];
    const buffer = renderToBuffer({ duration: 2, gain: 1, layers: [{ kind: 'bowl', frequency: 300, modes: explicit, strikes: [0] }] });
    for (const mode of explicit) {
      const envelope = demodulatedEnvelope(buffer.channels[0], rate, 300 * mode.ratio, 0.02, 0.01);
      const xs: number[] = [];
      const ys: number[] = [];
      envelope.times.forEach((t, index) => {
        if (t > 0.05 && t < Math.min(1.8, mode.t60)) {
          xs.push(t);
          ys.push(20 * Math.log10(envelope.values[index]!));
        }
      });
      const measured = -60 / fitLine(xs, ys).slope;
      expect(Math.abs(measured - mode.t60) / mode.t60, `T60 ${mode.t60}`).toBeLessThan(0.03);
    }
  });

  it('preset modes decay at the constant-Q T60 = 2.2·Q/f (energy averaged over whole beat periods)', () => {
    const f0 = 600;
    const q = 1000;
    const buffer = renderToBuffer({ duration: 2.5, gain: 1, layers: [{ kind: 'bowl', frequency: f0, modes: 'tibetan-180mm', q, strikes: [0] }] });
    for (const mode of modes.slice(0, 2)) {
      const centre = f0 * mode.ratio;
      const beat = centre * (2 ** (mode.split / 2400) - 2 ** (-mode.split / 2400));
      const period = Math.round(Math.max(0.05, 2 / beat) * 1000) / 1000;
      const envelope = demodulatedEnvelope(buffer.channels[0], rate, centre, 0.01, 0.001);
      const xs: number[] = [];
      const ys: number[] = [];
      const beatPeriods = Math.max(1, Math.round(period * beat));
      const window = beatPeriods / beat; // a whole number of beat periods
      const perWindow = Math.round(window / 0.001);
      for (let start = 50; start + perWindow < envelope.values.length - 100; start += perWindow) {
        let energy = 0;
        for (let k = start; k < start + perWindow; k++) energy += envelope.values[k]! ** 2;
        xs.push(envelope.times[start + (perWindow >> 1)]!);
        ys.push(10 * Math.log10(energy / perWindow));
      }
      const measured = -60 / fitLine(xs, ys).slope;
      const expected = (2.2 * q) / centre;
      expect(Math.abs(measured - expected) / expected, `mode ${centre.toFixed(0)} Hz`).toBeLessThan(0.05);
    }
  });

  it('rubbing makes the (2,0) mode pulse at 4 × the rotation rate', () => {
    const buffer = renderToBuffer({
      duration: 4,
      gain: 1,
      layers: [{ kind: 'bowl', frequency: 200, modes: [{ ratio: 1, gain: 1, split: 0 }], rim: { rate: 1.5, pressure: 0.8 } }],
    });
    const envelope = demodulatedEnvelope(buffer.channels[0], rate, 200, 0.02, 0.002);
    const steady = envelope.values.slice(Math.round(2 / 0.002));
    expect(dominantRate(steady, 0.002, 1, 20, 0.01)).toBeCloseTo(6, 1);
  });

  it('repeat strikes re-excite the bowl', () => {
    const buffer = renderToBuffer({ duration: 3, gain: 1, layers: [{ kind: 'bowl', frequency: 440, strikes: { every: 1 } }] });
    const envelope = demodulatedEnvelope(buffer.channels[0], rate, 440 * bowlModePresets['tibetan-180mm'][1]!.ratio, 0.02, 0.01);
    const at = (t: number) => envelope.values[Math.round(t / 0.01)]!;
    expect(at(1.05)).toBeGreaterThan(2 * at(0.95));
    expect(at(2.05)).toBeGreaterThan(2 * at(1.95));
  });
});

describe('noise', () => {
  function slope(color: 'white' | 'pink' | 'brown'): number {
    const { channels } = renderToBuffer({ duration: 3, gain: 1, layers: [{ kind: 'noise', color, gain: 0.5 }] });
    const psd = welch(channels[0], 4096);
    const xs: number[] = [];
    const ys: number[] = [];
    for (let low = 100; low < 10_000; low *= 2) {
      let sum = 0;
      let count = 0;
      for (let bin = Math.ceil((low * 4096) / rate); bin < (2 * low * 4096) / rate; bin++) {
        sum += psd[bin]!;
        count++;
      }
      xs.push(Math.log2(low));
      ys.push(10 * Math.log10(sum / count));
    }
    return fitLine(xs, ys).slope;
  }
  it('white is flat, pink falls 3 dB/octave, brown 6 dB/octave', () => {
    expect(Math.abs(slope('white'))).toBeLessThan(0.3);
    expect(Math.abs(slope('pink') + 3)).toBeLessThan(0.3);
    expect(Math.abs(slope('brown') + 6)).toBeLessThan(0.4);
  });
  it('never repeats (no looped buffer): distant segments are uncorrelated', () => {
    const { channels } = renderToBuffer({ duration: 3, gain: 1, layers: [{ kind: 'noise', color: 'white' }] });
    const length = 24_000;
    for (const offset of [24_000, 48_000, 96_000]) {
      let xy = 0,
        xx = 0,
        yy = 0;
      for (let n = 0; n < length; n++) {
        const x = channels[0][2000 + n]!;
        const y = channels[0][2000 + offset + n]!;
        xy += x * y;
        xx += x * x;
        yy += y * y;
      }
      expect(Math.abs(xy / Math.sqrt(xx * yy))).toBeLessThan(0.05);
    }
  });
});

describe('isochronic', () => {
  it('pulses at the asked rate with raised-cosine edges (no sample jump above a pure sine step)', () => {
    const { channels } = renderToBuffer({ duration: 2, gain: 1, layers: [{ kind: 'isochronic', frequency: 440, rate: 10, gain: 0.5 }] });
    const envelope = demodulatedEnvelope(channels[0], rate, 440, 0.005, 0.001);
    expect(dominantRate(envelope.values.slice(50), 0.001, 2, 30, 0.01)).toBeCloseTo(10, 1);
    let jump = 0;
    for (let n = 1; n < channels[0].length; n++) jump = Math.max(jump, Math.abs(channels[0][n]! - channels[0][n - 1]!));
    const sineStep = 2 * Math.sin((Math.PI * 440) / rate) * 0.5;
    expect(jump).toBeLessThan(sineStep * 1.05);
    // the gate really closes: silence between pulses
    expect(Math.min(...envelope.values.slice(100, 1900))).toBeLessThan(0.01);
  });
});

describe('glides', () => {
  it('integrate phase: zero crossings sit where the analytic phase integral says, and f hits the keyframe on time', () => {
    const { channels } = renderToBuffer({
      duration: 2,
      gain: 1,
      layers: [
        {
          kind: 'tone',
          frequency: [
            { at: 0, value: 200 },
            { at: 1, value: 400, curve: 'linear' },
          ],
          gain: 0.5,
          fadeIn: 0,
          fadeOut: 0,
        },
      ],
    });
    // cycles: Φ(t) = 200t + 100t² for t ≤ 1, then 300 + 400(t − 1); the tone is cos(2πΦ)
    const phi = (t: number) => (t <= 1 ? 200 * t + 100 * t * t : 300 + 400 * (t - 1));
    const crossings = upwardCrossings(channels[0], rate).filter((t) => t > 0.01 && t < 1.99);
    const worst = Math.max(...crossings.map((t) => Math.abs(phi(t) - Math.floor(phi(t)) - 0.75)));
    expect(crossings.length).toBeGreaterThan(600);
    expect(worst).toBeLessThan(0.002);
    // local frequency from crossings around t = 1 s
    const near = crossings.filter((t) => t > 1 && t < 1.02);
    expect((near.length - 1) / (near[near.length - 1]! - near[0]!)).toBeCloseTo(400, 0);
    // no phase discontinuity: second differences bounded by a 400 Hz sine's curvature
    const bound = ((2 * Math.PI * 400) / rate) ** 2 * 0.5 * 1.1;
    let curvature = 0;
    for (let n = 1; n < channels[0].length - 1; n++) {
      curvature = Math.max(curvature, Math.abs(channels[0][n + 1]! - 2 * channels[0][n]! + channels[0][n - 1]!));
    }
    expect(curvature).toBeLessThan(bound);
  });

  it('exponential glides reach the keyframe at the keyframe time', () => {
    const { channels } = renderToBuffer({
      duration: 1.5,
      gain: 1,
      layers: [
        {
          kind: 'tone',
          frequency: [
            { at: 0, value: 100 },
            { at: 1, value: 800, curve: 'exponential' },
          ],
          gain: 0.5,
          fadeIn: 0,
        },
      ],
    });
    const phi = (t: number) => (t <= 1 ? (100 / Math.log(8)) * (8 ** t - 1) : 700 / Math.log(8) + 800 * (t - 1));
    for (const t of upwardCrossings(channels[0], rate).filter((x) => x > 0.01 && x < 1.45)) {
      expect(Math.abs(phi(t) - Math.floor(phi(t)) - 0.75)).toBeLessThan(0.003);
    }
  });
});
