import { aspects, chart } from '@vajra-stream/astrology';
import { describe, expect, it } from 'vitest';
import { chartWheel } from './chart-wheel';

// Two reference charts: the total solar eclipse of 2024-04-08 (Sun and Moon conjunct, Mercury
// retrograde) over Delhi, and a chart with the bodies spread round the wheel.
const charts = [chart({ date: '2024-04-08T18:17:00Z', latitude: 28.6, longitude: 77.2 }), chart({ date: '1990-06-15T12:00:00Z', latitude: 51.5, longitude: -0.12, houseSystem: 'koch' })];

const attributes = (tag: string): Record<string, string> => Object.fromEntries([...tag.matchAll(/([\w-]+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));

/** Counter-clockwise angle of a point from the ascendant's direction (the left), degrees [0, 360). */
function angleFromAscendant(x: number, y: number, centre: number): number {
  const screen = (Math.atan2(y - centre, x - centre) * 180) / Math.PI; // clockwise from +x
  return (((180 - screen) % 360) + 360) % 360;
}

describe('chart wheel', () => {
  for (const c of charts) {
    it(`puts every body glyph at its longitude relative to the ascendant (${c.date})`, () => {
      const size = 800;
      const svg = chartWheel(c, { size });
      const glyphs = [...svg.matchAll(/<text [^>]*data-body="(\w+)"[^>]*>/g)].map((m) => attributes(m[0]));
      expect(glyphs.map((g) => g['data-body'])).toEqual(['sun', 'moon', 'mercury', 'venus', 'mars', 'jupiter', 'saturn', 'uranus', 'neptune', 'pluto', 'trueNode']);
      for (const glyph of glyphs) {
        const body = c.bodies[glyph['data-body'] as keyof typeof c.bodies];
        const drawn = angleFromAscendant(Number(glyph.x), Number(glyph.y), size / 2);
        const expected = (((body.longitude - c.houses.ascendant) % 360) + 360) % 360;
        const difference = Math.abs(((drawn - expected + 540) % 360) - 180);
        expect(difference, glyph['data-body']).toBeLessThan(0.01);
      }
    });

    it(`draws house cusps at the chart's cusps and the signs at their longitudes (${c.date})`, () => {
      const svg = chartWheel(c, { size: 600 });
      const cusps = [...svg.matchAll(/<line [^>]*data-cusp="(\d+)"[^>]*\/>/g)].map((m) => attributes(m[0]));
      expect(cusps).toHaveLength(12);
      for (const cusp of cusps) {
        const drawn = angleFromAscendant(Number(cusp.x1), Number(cusp.y1), 300);
        const expected = (((c.houses.cusps[Number(cusp['data-cusp']) - 1]! - c.houses.ascendant) % 360) + 360) % 360;
        expect(Math.abs(((drawn - expected + 540) % 360) - 180)).toBeLessThan(0.02);
      }
      const aries = attributes(/<text [^>]*data-sign="aries"[^>]*>/.exec(svg)![0]);
      const expected = (((15 - c.houses.ascendant) % 360) + 360) % 360;
      expect(Math.abs(((angleFromAscendant(Number(aries.x), Number(aries.y), 300) - expected + 540) % 360) - 180)).toBeLessThan(0.02);
    });

    it(`marks exactly the retrograde bodies and draws one line per aspect (${c.date})`, () => {
      const svg = chartWheel(c);
      const retrograde = [...svg.matchAll(/data-retrograde="(\w+)"/g)].map((m) => m[1]).sort();
      const bodies = ['sun', 'moon', 'mercury', 'venus', 'mars', 'jupiter', 'saturn', 'uranus', 'neptune', 'pluto', 'trueNode'] as const;
      expect(retrograde).toEqual(bodies.filter((b) => c.bodies[b].retrograde).sort());
      const expected = aspects(c, { bodies: [...bodies] }).filter((a) => a.aspect !== 'conjunction');
      const drawn = [...svg.matchAll(/data-aspect="([^"]+)"/g)].map((m) => m[1]);
      expect(drawn).toEqual(expected.map((a) => `${a.a} ${a.aspect} ${a.b}`));
      expect(drawn.length).toBeGreaterThan(0);
    });
  }

  it('shows Mercury retrograde at the 2024 eclipse, and describes the chart in words', () => {
    const svg = chartWheel(charts[0]!);
    expect(svg).toContain('data-retrograde="mercury"');
    expect(svg).toMatch(/<desc [^>]*>Chart wheel for 2024-04-08T18:17:00.000Z at 28.60°N 77.20°E \(tropical, placidus houses\)\. Ascendant /);
    expect(svg).toMatch(/Sun 19°\d\d′ Aries; Moon 19°\d\d′ Aries/);
  });

  it('refuses what is not a chart', () => {
    expect(() => chartWheel({} as never)).toThrow(/needs a chart/);
    expect(() => chartWheel(charts[0]!, { size: 5 })).toThrow(/size/);
  });
});
