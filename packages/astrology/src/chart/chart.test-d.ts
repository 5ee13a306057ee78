import { expectTypeOf, test } from 'vitest';
import { chart, type BodyPosition, type ChartBody } from './chart';

test('a chart is typed with the bodies asked for', () => {
  const full = chart({ date: 0, latitude: 0, longitude: 0 });
  expectTypeOf(full.bodies).toEqualTypeOf<Record<ChartBody, BodyPosition>>();
  const lights = chart({ date: 0, latitude: 0, longitude: 0, bodies: ['sun', 'moon'] });
  expectTypeOf(lights.bodies).toEqualTypeOf<Record<'sun' | 'moon', BodyPosition>>();
  // @ts-expect-error mars was not asked for
  void lights.bodies.mars;
});
