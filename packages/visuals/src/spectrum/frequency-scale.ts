/** A frequency axis mapped onto [start, end] px. */
export interface FrequencyScale {
  toPosition(frequency: number): number;
  toFrequency(position: number): number;
  ticks: Array<{ frequency: number; label: string }>;
}

/** `20`, `500`, `1k`, `2.5k`, `20k`. */
export function frequencyLabel(frequency: number): string {
  if (frequency >= 1000) return `${Number((frequency / 1000).toPrecision(3))}k`;
  return String(Number(frequency.toPrecision(3)));
}

function niceStep(span: number, count: number): number {
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const unit = raw / power;
  return (unit < 1.5 ? 1 : unit < 3.5 ? 2 : unit < 7.5 ? 5 : 10) * power;
}

/**
 * A logarithmic or linear frequency axis with 1-2-5 ticks per decade (log) or round steps (linear).
 *
 * @example
 * ```ts
 * const axis = createFrequencyScale({ minFrequency: 20, maxFrequency: 20000, scale: 'log', start: 0, end: 300 });
 * axis.toPosition(632.5); // 150 (the geometric middle)
 * ```
 */
export function createFrequencyScale(input: { minFrequency: number; maxFrequency: number; scale: 'log' | 'linear'; start: number; end: number }): FrequencyScale {
  const { minFrequency: low, maxFrequency: high, start, end } = input;
  const ticks: FrequencyScale['ticks'] = [];
  if (input.scale === 'log') {
    const [a, b] = [Math.log(low), Math.log(high)];
    for (let decade = Math.floor(Math.log10(low)); decade <= Math.ceil(Math.log10(high)); decade++) {
      for (const unit of [1, 2, 5]) {
        const frequency = unit * 10 ** decade;
        if (frequency >= low * 0.999 && frequency <= high * 1.001) ticks.push({ frequency, label: frequencyLabel(frequency) });
      }
    }
    return {
      toPosition: (f) => start + ((Math.log(Math.max(f, 1e-9)) - a) / (b - a)) * (end - start),
      toFrequency: (x) => Math.exp(a + ((x - start) / (end - start)) * (b - a)),
      ticks,
    };
  }
  const step = niceStep(high - low, 8);
  for (let frequency = Math.ceil(low / step) * step; frequency <= high * 1.0001; frequency += step) ticks.push({ frequency, label: frequencyLabel(Number(frequency.toPrecision(12))) });
  return {
    toPosition: (f) => start + ((f - low) / (high - low)) * (end - start),
    toFrequency: (x) => low + ((x - start) / (end - start)) * (high - low),
    ticks,
  };
}
