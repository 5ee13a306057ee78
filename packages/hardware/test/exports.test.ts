import { expect, it } from 'vitest';
import * as mod from '../src/index';

it('exports a stable public API', () => {
  expect(Object.keys(mod).sort()).toMatchSnapshot();
});
