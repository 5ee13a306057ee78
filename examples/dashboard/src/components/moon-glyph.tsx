/**
 * The Moon's disc as seen: the lit part bounded by the limb and the terminator (an ellipse whose
 * half-width is |cos(phase angle)| of the radius), lit on the right while waxing (northern view).
 *
 * @example
 * ```tsx
 * <MoonGlyph angle={90} size={64} /> // first quarter: right half lit
 * ```
 */
export function MoonGlyph({ angle, size = 72 }: { angle: number; size?: number }) {
  const r = 40;
  const phase = ((angle % 360) + 360) % 360;
  const waxing = phase < 180;
  // Elongation 0 → new, 180 → full. The terminator's x half-width follows cos(elongation).
  const k = Math.cos((phase * Math.PI) / 180);
  const terminator = Math.abs(k) * r;
  const litSide = waxing ? 1 : 0; // sweep flag of the limb arc: right half when waxing
  const bulge = k > 0 ? (waxing ? 0 : 1) : waxing ? 1 : 0; // crescent (k > 0) or gibbous
  const d = `M 50 ${50 - r} A ${r} ${r} 0 0 ${litSide} 50 ${50 + r} A ${terminator} ${r} 0 0 ${bulge} 50 ${50 - r} Z`;
  return (
    <svg class="moon-glyph" viewBox="0 0 100 100" width={size} height={size} aria-hidden="true">
      <circle cx="50" cy="50" r={r} class="moon-glyph__dark" />
      <path d={d} class="moon-glyph__lit" />
    </svg>
  );
}
