import { useEffect, useRef, useState } from 'preact/hooks';
import type { SpectrumFrame } from '../api/types';
import { formatHz } from '../format';
import { SPECTRUM_SCALE, bandEdges, xOfFrequency, type FrequencyScale } from './spectrum-scale';

const HEIGHT = 220;
const TOP = 30;
const BOTTOM = 24;
const FLOOR_DB = -96;
const GRID_HZ = [50, 100, 200, 500, 1000, 2000, 5000, 10_000];

const yOfDb = (db: number): number => {
  const clamped = Math.min(0, Math.max(FLOOR_DB, db));
  return TOP + (clamped / FLOOR_DB) * (HEIGHT - TOP - BOTTOM);
};

/** Smooth curve through the band centres (Catmull-Rom turned into cubic Béziers), open or closed to the floor. */
function bandCurve(scale: FrequencyScale, bands: number[], closed: boolean): string {
  const points = bands.map((level, index) => {
    const [low, high] = bandEdges(scale, index, bands.length);
    return [xOfFrequency(scale, Math.sqrt(low * high)), yOfDb(level)] as const;
  });
  if (points.length === 0) return '';
  const base = yOfDb(FLOOR_DB);
  let d = `M 0 ${base} L 0 ${points[0]![1].toFixed(1)} L ${points[0]![0].toFixed(1)} ${points[0]![1].toFixed(1)}`;
  for (let i = 0; i < points.length - 1; i++) {
    const p0 = points[i - 1] ?? points[i]!;
    const p1 = points[i]!;
    const p2 = points[i + 1]!;
    const p3 = points[i + 2] ?? p2;
    const c1 = [p1[0] + (p2[0] - p0[0]) / 6, p1[1] + (p2[1] - p0[1]) / 6];
    const c2 = [p2[0] - (p3[0] - p1[0]) / 6, p2[1] - (p3[1] - p1[1]) / 6];
    d += ` C ${c1[0]!.toFixed(1)} ${Math.min(base, c1[1]!).toFixed(1)} ${c2[0]!.toFixed(1)} ${Math.min(base, c2[1]!).toFixed(1)} ${p2[0].toFixed(1)} ${p2[1].toFixed(1)}`;
  }
  const last = points[points.length - 1]!;
  const open = `${d} L ${scale.width} ${last[1].toFixed(1)}`;
  return closed ? `${open} L ${scale.width} ${base} Z` : open;
}

/**
 * The live spectrum of `audio:spectrum` frames as an SVG: band levels as a soft area on a logarithmic
 * frequency axis (20 Hz – 20 kHz, dB relative to a full-scale sine) and the strongest peaks as stems
 * labelled with their frequency. Each stem's `x1` is its frequency on the axis, so the picture can be read
 * back (`data-min-hz`, `data-max-hz`, `data-width` give the scale).
 *
 * @example
 * ```tsx
 * <SpectrumPlot frame={frame} />
 * ```
 */
export function SpectrumPlot({ frame }: { frame: SpectrumFrame | null }) {
  const width = useWidth();
  const scale = { ...SPECTRUM_SCALE, width: width.value };
  const peaks = frame?.peaks.filter((peak) => peak.frequency >= scale.minHz && peak.frequency <= scale.maxHz && peak.magnitude > FLOOR_DB) ?? [];
  const strongest = peaks[0];
  // Label the strongest three peaks, skipping any that would sit on top of a label already placed.
  const labelled = new Set<number>();
  const placed: number[] = [];
  peaks.forEach((peak, rank) => {
    const x = xOfFrequency(scale, peak.frequency);
    if (labelled.size < 3 && placed.every((other) => Math.abs(other - x) > 56)) {
      labelled.add(rank);
      placed.push(x);
    }
  });
  const description = strongest === undefined ? 'Spectrum: silence' : `Spectrum: strongest ${formatHz(strongest.frequency)} at ${Math.round(strongest.magnitude)} dB`;
  return (
    <figure class="spectrum" ref={width.ref}>
      <svg
        class="spectrum__plot"
        viewBox={`0 0 ${scale.width} ${HEIGHT}`}
        role="img"
        aria-label={description}
        data-min-hz={scale.minHz}
        data-max-hz={scale.maxHz}
        data-width={scale.width}
        data-frame-at={frame?.at}
      >
        <defs>
          <linearGradient id="spectrum-fill" x1="0" x2="0" y1="0" y2="1">
            <stop offset="0%" class="spectrum__fill-top" />
            <stop offset="100%" class="spectrum__fill-bottom" />
          </linearGradient>
        </defs>
        {GRID_HZ.map((hz) => (
          <g key={hz} class="spectrum__grid">
            <line x1={xOfFrequency(scale, hz)} x2={xOfFrequency(scale, hz)} y1={TOP} y2={HEIGHT - BOTTOM} />
            <text x={xOfFrequency(scale, hz)} y={HEIGHT - 6} text-anchor="middle">
              {hz >= 1000 ? `${hz / 1000}k` : hz}
            </text>
          </g>
        ))}
        {frame !== null && <path class="spectrum__area" d={bandCurve(scale, frame.bands, true)} fill="url(#spectrum-fill)" />}
        {frame !== null && <path class="spectrum__line" d={bandCurve(scale, frame.bands, false)} fill="none" />}
        {peaks.map((peak, rank) => {
          const x = xOfFrequency(scale, peak.frequency);
          return (
            <g key={rank} class={rank === 0 ? 'spectrum__peak spectrum__peak--strongest' : 'spectrum__peak'}>
              <line class="spectrum__stem" data-rank={rank} data-frequency={peak.frequency} x1={x} x2={x} y1={yOfDb(FLOOR_DB)} y2={yOfDb(peak.magnitude)} />
              {labelled.has(rank) && (
                <text x={x} y={Math.max(TOP - 10, yOfDb(peak.magnitude) - 8)} text-anchor={x > scale.width - 40 ? 'end' : x < 40 ? 'start' : 'middle'}>
                  {formatHz(peak.frequency)}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <figcaption class="spectrum__caption">{frame === null ? 'Waiting for sound…' : description.replace('Spectrum: ', '')}</figcaption>
    </figure>
  );
}

/** The figure's width in CSS pixels, so the plot's units are pixels and its labels stay legible at any size. */
function useWidth() {
  const ref = useRef<HTMLElement>(null);
  const [value, setValue] = useState(SPECTRUM_SCALE.width);
  useEffect(() => {
    const element = ref.current;
    if (element === null) return;
    const observer = new ResizeObserver(([entry]) => {
      const next = Math.round(entry!.contentRect.width);
      if (next > 0) setValue(next);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return { ref, value };
}
