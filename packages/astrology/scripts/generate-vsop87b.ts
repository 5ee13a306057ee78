/**
 * Writes src/ephemeris/vsop87b-data.ts: the VSOP87B series truncated by ./vsop87b-truncation, so
 * the package ships ~1,400 terms of its own and neither depends on `astronomia` at run time nor
 * trims at load.
 *
 * Run from the repository root: `pnpm --filter @vajra-stream/astrology exec tsx scripts/generate-vsop87b.ts`
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { GEOMETRY, TRUNCATION, T_SPAN, trimAllVsop87b } from './vsop87b-truncation';

const OUTPUT = fileURLToPath(new URL('../src/ephemeris/vsop87b-data.ts', import.meta.url));
const COMMAND = 'pnpm --filter @vajra-stream/astrology exec tsx scripts/generate-vsop87b.ts';

/** Shortest text that reads back as the same double: String or exponent form (both round-trip exactly). */
function num(x: number): string {
  if (Object.is(x, -0)) return '-0';
  const plain = String(x);
  const exponent = x.toExponential().replace('e+', 'e');
  return exponent.length < plain.length ? exponent : plain;
}

const series = trimAllVsop87b(TRUNCATION);
const lines: string[] = [];
let total = 0;
let totalVelocity = 0;
for (const [body, coordinates] of Object.entries(series)) {
  const { a, near } = GEOMETRY[body as keyof typeof GEOMETRY];
  lines.push(`  ${body}: { // a = ${a} AU, near = ${near} AU`);
  for (const name of ['L', 'B', 'R'] as const) {
    const { terms, velocityTerms } = coordinates[name];
    lines.push(`    ${name}: {`);
    lines.push(`      velocityTerms: [${velocityTerms.join(', ')}],`);
    lines.push('      terms: [');
    terms.forEach((flat, power) => {
      const count = flat.length / 3;
      total += count;
      totalVelocity += velocityTerms[power]!;
      if (count === 0) {
        lines.push(`        f([]), // t^${power}: none kept`);
        return;
      }
      lines.push(`        f([ // t^${power}: ${count} terms, ${velocityTerms[power]} for the velocity`);
      for (let i = 0; i < flat.length; i += 3) {
        lines.push(`          ${num(flat[i]!)}, ${num(flat[i + 1]!)}, ${num(flat[i + 2]!)},`);
      }
      lines.push('        ]),');
    });
    lines.push('      ],');
    lines.push('    },');
  }
  lines.push('  },');
}

const header = `/**
 * GENERATED FILE, DO NOT EDIT. Regenerate with:
 *   ${COMMAND}
 *
 * Source: VSOP87B (Bretagnon & Francou 1988, A&A 202, 309), heliocentric ecliptic spherical
 * coordinates L, B, R referred to the ecliptic and equinox J2000, t in Julian millennia TDB from
 * J2000, as shipped by the MIT-licensed \`astronomia\` npm package (data/vsop87B*.js).
 *
 * Truncation (scripts/vsop87b-truncation.ts): a term A·tᵅ·cos(B + C·t) is kept when its largest
 * geocentric effect over ±${T_SPAN} millennia (1700–2300), A·${T_SPAN}ᵅ·a/near for L and B or
 * A·${T_SPAN}ᵅ/near for R, is at least ${num(TRUNCATION.position)} rad; its sine enters the velocity too
 * when A·|C|·${T_SPAN}ᵅ scaled the same way is at least ${TRUNCATION.velocity} rad per millennium. \`a\` is
 * the body's mean heliocentric distance and \`near\` the smallest geocentric distance at which its
 * error is seen (noted per body below).
 *
 * Layout: body → coordinate → per power α of t the kept terms flattened as [A, B, C, …], the
 * \`velocityTerms[α]\` terms also used for the velocity first. ${total} terms in all, ${totalVelocity}
 * of them for the velocity.
 */
import type { VsopBody, VsopSeries } from './vsop87b';

const f = (terms: number[]): Float64Array => Float64Array.from(terms);

/** The truncated VSOP87B series of the Earth and Mercury … Neptune. */
export const VSOP87B: Readonly<Record<VsopBody, VsopSeries>> = {
`;

writeFileSync(OUTPUT, `${header}${lines.join('\n')}\n};\n`);
console.log(JSON.stringify({ output: OUTPUT, terms: total, velocityTerms: totalVelocity }));
