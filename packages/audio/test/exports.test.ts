import { expect, it } from 'vitest';
import * as mod from '../src/index';
import * as node from '../src/node/index';
import * as worklet from '../src/worklet/index';

it('exports a stable public API', () => {
  expect(Object.keys(mod).sort()).toMatchSnapshot();
  expect(Object.keys(node).sort()).toMatchSnapshot();
  expect(Object.keys(worklet).sort()).toMatchSnapshot();
});
