import type { Theme } from '../theme/themes';
import { element, textElement } from '../svg/element';
import type { FrequencyScale } from './frequency-scale';

/** The plotting rectangle of a chart with axes. */
export interface PlotArea {
  left: number;
  top: number;
  right: number;
  bottom: number;
  fontSize: number;
}

/** Margins for axis labels, scaled to the picture. */
export function plotArea(width: number, height: number): PlotArea {
  const fontSize = Math.max(9, Math.min(14, Math.min(width, height) / 28));
  return { left: fontSize * 4.2, top: fontSize * 1.2, right: width - fontSize * 1.4, bottom: height - fontSize * 3, fontSize };
}

/** Frame, grid lines and labels of a frequency axis (horizontal or vertical). */
export function frequencyAxis(area: PlotArea, scale: FrequencyScale, theme: Theme, orientation: 'x' | 'y'): string {
  const grid: string[] = [];
  const labels: string[] = [];
  for (const tick of scale.ticks) {
    const at = scale.toPosition(tick.frequency);
    if (orientation === 'x') {
      grid.push(element('line', { x1: at, y1: area.top, x2: at, y2: area.bottom }));
      labels.push(textElement(tick.label, { x: at, y: area.bottom + area.fontSize * 1.2, 'text-anchor': 'middle' }));
    } else {
      grid.push(element('line', { x1: area.left, y1: at, x2: area.right, y2: at }));
      labels.push(textElement(tick.label, { x: area.left - area.fontSize * 0.4, y: at, 'text-anchor': 'end', 'dominant-baseline': 'central' }));
    }
  }
  const title =
    orientation === 'x'
      ? textElement('Hz', { x: area.right, y: area.bottom + area.fontSize * 2.4, 'text-anchor': 'end' })
      : textElement('Hz', { x: area.fontSize * 0.3, y: area.top - area.fontSize * 0.2, 'dominant-baseline': 'central' });
  return element('g', {}, [element('g', { stroke: theme.grid, 'stroke-width': 1 }, grid), element('g', { fill: theme.muted, 'font-size': area.fontSize }, [...labels, title])]);
}

/** The plot's border. */
export function plotBorder(area: PlotArea, theme: Theme): string {
  return element('rect', { x: area.left, y: area.top, width: area.right - area.left, height: area.bottom - area.top, fill: 'none', stroke: theme.muted, 'stroke-width': 1 });
}
