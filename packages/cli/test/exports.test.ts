import { expect, it } from 'vitest';
import * as mod from '../src/index';

it('public exports', () => {
  expect(Object.keys(mod).sort()).toMatchSnapshot();
});
