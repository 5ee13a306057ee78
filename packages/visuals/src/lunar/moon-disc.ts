import { element } from '../svg/element';
import { num } from '../svg/format-number';

/**
 * A Moon disc lit by `illumination` (0–1): the lit limb on the right while waxing, on the left while
 * waning (as seen from the northern hemisphere; `mirrored` for the southern). The terminator is a
 * half-ellipse of semi-axis r·|1 − 2k|. The unlit part is `dark` at 30 % opacity.
 */
export function moonDisc(cx: number, cy: number, r: number, illumination: number, waxing: boolean, colors: { lit: string; dark: string; stroke: string }, mirrored = false): string {
  const k = Math.min(1, Math.max(0, illumination));
  const litRight = waxing !== mirrored;
  const [top, bottom] = [`${num(cx)} ${num(cy - r)}`, `${num(cx)} ${num(cy + r)}`];
  const terminator = num(r * Math.abs(1 - 2 * k));
  // limb: top → bottom along the lit side; terminator: bottom → top, bulging into the dark side when gibbous
  const limbSweep = litRight ? 1 : 0;
  const terminatorSweep = k > 0.5 === litRight ? 1 : 0;
  const lit = `M${top}A${num(r)} ${num(r)} 0 0 ${limbSweep} ${bottom}A${terminator} ${num(r)} 0 0 ${terminatorSweep} ${top}Z`;
  return element('g', {}, [
    element('circle', { cx, cy, r, fill: colors.dark, 'fill-opacity': 0.3, stroke: colors.stroke, 'stroke-width': Math.max(0.5, r / 12) }),
    k > 0.001 ? element('path', { d: lit, fill: colors.lit }) : '',
  ]);
}
