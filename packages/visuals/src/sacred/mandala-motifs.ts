import type { Random } from '../random/create-random';
import { element } from '../svg/element';
import { num } from '../svg/format-number';
import { polar, polylineData, type Point } from '../svg/path-data';

/** A ring of the mandala: between two radii, with n-fold symmetry, rotated by `phase` (radians). */
export interface Band {
  cx: number;
  cy: number;
  inner: number;
  outer: number;
  count: number;
  phase: number;
  color: string;
  stroke: string;
  strokeWidth: number;
}

/** The motifs a band may carry. */
export const MOTIFS = ['petals', 'round-petals', 'dots', 'zigzag', 'scallops', 'lattice', 'rays', 'ring-of-circles'] as const;
export type Motif = (typeof MOTIFS)[number];

const p = (point: Point) => `${num(point[0])} ${num(point[1])}`;
const angleOf = (band: Band, k: number) => band.phase + (2 * Math.PI * k) / band.count - Math.PI / 2;

function petals(band: Band, random: Random, round: boolean): string {
  const half = (Math.PI / band.count) * random.between(0.6, 1);
  const belly = random.between(0.3, 0.6);
  const width = band.outer - band.inner;
  const shoulder = round ? random.between(0.9, 1.25) : random.between(0.25, 0.6);
  const paths: string[] = [];
  for (let k = 0; k < band.count; k++) {
    const a = angleOf(band, k);
    const at = (radius: number, spread: number) => polar(band.cx, band.cy, radius, a + spread * half);
    const [base0, base1, tip] = [at(band.inner, -1), at(band.inner, 1), at(band.outer, 0)];
    const left = `C${p(at(band.inner + width * belly, -1.15))} ${p(at(band.outer - width * 0.2, -shoulder))} ${p(tip)}`;
    const right = `C${p(at(band.outer - width * 0.2, shoulder))} ${p(at(band.inner + width * belly, 1.15))} ${p(base1)}`;
    paths.push(element('path', { d: `M${p(base0)}${left}${right}Z` }));
  }
  return element('g', { fill: band.color, 'fill-opacity': 0.55, stroke: band.stroke, 'stroke-width': band.strokeWidth }, paths);
}

function dots(band: Band, random: Random): string {
  const radius = Math.min((band.outer - band.inner) / 2, ((band.inner + band.outer) / 2) * Math.sin(Math.PI / band.count)) * random.between(0.35, 0.8);
  const middle = (band.inner + band.outer) / 2;
  const circles = Array.from({ length: band.count }, (_, k) => {
    const [cx, cy] = polar(band.cx, band.cy, middle, angleOf(band, k));
    return element('circle', { cx, cy, r: radius });
  });
  return element('g', { fill: band.color, stroke: band.stroke, 'stroke-width': band.strokeWidth, 'data-motif-dots': band.count }, circles);
}

function zigzag(band: Band): string {
  const points: Point[] = [];
  for (let k = 0; k < band.count; k++) {
    points.push(polar(band.cx, band.cy, band.inner, angleOf(band, k)), polar(band.cx, band.cy, band.outer, angleOf(band, k + 0.5)));
  }
  return element('path', { d: polylineData(points, { closed: true }), fill: band.color, 'fill-opacity': 0.4, stroke: band.stroke, 'stroke-width': band.strokeWidth, 'stroke-linejoin': 'round' });
}

function scallops(band: Band): string {
  let d = '';
  for (let k = 0; k < band.count; k++) {
    const [start, end] = [polar(band.cx, band.cy, band.inner, angleOf(band, k)), polar(band.cx, band.cy, band.inner, angleOf(band, k + 1))];
    const control = polar(band.cx, band.cy, band.outer + (band.outer - band.inner) * 0.4, angleOf(band, k + 0.5));
    d += `${k === 0 ? `M${p(start)}` : ''}Q${p(control)} ${p(end)}`;
  }
  return element('path', { d: `${d}Z`, fill: band.color, 'fill-opacity': 0.3, stroke: band.stroke, 'stroke-width': band.strokeWidth });
}

function lattice(band: Band): string {
  let d = '';
  for (let k = 0; k < band.count; k++) {
    for (const direction of [1, -1]) {
      const [start, end] = [polar(band.cx, band.cy, band.inner, angleOf(band, k)), polar(band.cx, band.cy, band.outer, angleOf(band, k + direction))];
      const control = polar(band.cx, band.cy, (band.inner + band.outer) / 2, angleOf(band, k + direction * 0.2));
      d += `M${p(start)}Q${p(control)} ${p(end)}`;
    }
  }
  return element('path', { d, fill: 'none', stroke: band.color, 'stroke-width': band.strokeWidth * 1.5 });
}

function rays(band: Band): string {
  let d = '';
  for (let k = 0; k < 2 * band.count; k++) {
    const a = band.phase + (Math.PI * k) / band.count - Math.PI / 2;
    const reach = k % 2 === 0 ? band.outer : band.inner + (band.outer - band.inner) * 0.6;
    d += `M${p(polar(band.cx, band.cy, band.inner, a))}L${p(polar(band.cx, band.cy, reach, a))}`;
  }
  return element('path', { d, stroke: band.color, 'stroke-width': band.strokeWidth * 1.5, 'stroke-linecap': 'round' });
}

function ringOfCircles(band: Band): string {
  const middle = (band.inner + band.outer) / 2;
  const radius = Math.min((band.outer - band.inner) / 2, middle * Math.sin(Math.PI / band.count) * 1.4);
  const circles = Array.from({ length: band.count }, (_, k) => {
    const [cx, cy] = polar(band.cx, band.cy, middle, angleOf(band, k));
    return element('circle', { cx, cy, r: radius });
  });
  return element('g', { fill: 'none', stroke: band.color, 'stroke-width': band.strokeWidth * 1.2 }, circles);
}

/** Draw one band with one motif. */
export function drawMotif(motif: Motif, band: Band, random: Random): string {
  switch (motif) {
    case 'petals':
      return petals(band, random, false);
    case 'round-petals':
      return petals(band, random, true);
    case 'dots':
      return dots(band, random);
    case 'zigzag':
      return zigzag(band);
    case 'scallops':
      return scallops(band);
    case 'lattice':
      return lattice(band);
    case 'rays':
      return rays(band);
    case 'ring-of-circles':
      return ringOfCircles(band);
  }
}
