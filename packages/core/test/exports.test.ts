import { expect, it } from 'vitest';
import * as main from '../src/index';
import * as testing from '../src/testing/index';

it('keeps the public exports of @vajra-stream/core and /testing', () => {
  expect(Object.keys(main).sort()).toMatchSnapshot();
  expect(Object.keys(testing).sort()).toMatchSnapshot();
});
