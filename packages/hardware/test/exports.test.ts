import { expect, it } from 'vitest';
import * as mod from '../src/index';
import * as testing from '../src/testing/index';

it('exports a stable public API', () => {
  expect(Object.keys(mod).sort()).toMatchSnapshot();
});

it('exports the simulated devices from /testing only', () => {
  expect(Object.keys(testing).sort()).toMatchSnapshot();
});
