import { describe, expect, it } from 'vitest';
import * as mod from '../src/index';
import * as express from '../src/express/index';
import * as fastify from '../src/fastify/index';
import * as hono from '../src/hono/index';
import * as node from '../src/node/index';

describe('public exports', () => {
  it('main entry', () => {
    expect(Object.keys(mod).sort()).toMatchSnapshot();
  });
  it('adapter entries', () => {
    expect({ node: Object.keys(node).sort(), express: Object.keys(express).sort(), fastify: Object.keys(fastify).sort(), hono: Object.keys(hono).sort() }).toMatchSnapshot();
  });
});
