/**
 * A prayer wheel seen from above: a drum ringed with the mantra's syllables, turning clockwise at `rpm`
 * while it spins (still when stopped, and for people who ask for reduced motion).
 *
 * @example
 * ```tsx
 * <WheelGlyph syllables={['Om', 'Ma', 'Ni', 'Pad', 'Me', 'Hum']} rpm={30} spinning />
 * ```
 */
export function WheelGlyph({ syllables, rpm, spinning }: { syllables: string[]; rpm: number; spinning: boolean }) {
  // One visual turn never takes less than 0.6 s: faster wheels would only flicker.
  const seconds = Math.max(0.6, 60 / Math.max(rpm, 0.01));
  const marks = syllables.slice(0, 12);
  return (
    <svg class={spinning ? 'wheel-glyph wheel-glyph--spinning' : 'wheel-glyph'} viewBox="0 0 100 100" aria-hidden="true">
      <circle class="wheel-glyph__rim" cx="50" cy="50" r="44" />
      <g class="wheel-glyph__drum" style={{ animationDuration: `${seconds}s` }}>
        <circle class="wheel-glyph__band" cx="50" cy="50" r="34" />
        {marks.map((syllable, index) => {
          const angle = (index / marks.length) * 360;
          return (
            <text key={index} x="50" y="22" text-anchor="middle" transform={`rotate(${angle} 50 50)`} class="wheel-glyph__syllable">
              {syllable}
            </text>
          );
        })}
        <circle class="wheel-glyph__hub" cx="50" cy="50" r="9" />
      </g>
      <circle class="wheel-glyph__axle" cx="50" cy="50" r="2.5" />
    </svg>
  );
}
