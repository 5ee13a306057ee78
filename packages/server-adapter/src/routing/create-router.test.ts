import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createRouter } from './create-router';
import { defineRoute } from './define-route';

const route = (method: 'GET' | 'POST', path: string) => defineRoute({ method, path, summary: path, handler: () => ({}) });

describe('createRouter', () => {
  const router = createRouter([
    route('GET', '/a/{id}'),
    route('POST', '/a/{id}'),
    route('GET', '/a/stats'),
    route('GET', '/a/{id}/b'),
    defineRoute({ method: 'GET', path: '/x', summary: 'x', params: z.object({}), handler: () => ({}) }),
  ]);

  it('matches static paths before placeholders and decodes parameters', () => {
    expect(router.match('GET', '/a/stats')).toMatchObject({ kind: 'found', route: { path: '/a/stats' } });
    expect(router.match('GET', '/a/h%C3%A9llo')).toMatchObject({ kind: 'found', params: { id: 'héllo' } });
    expect(router.match('GET', '/a/1/b/')).toMatchObject({ kind: 'found', params: { id: '1' } });
    expect(router.match('HEAD', '/x')).toMatchObject({ kind: 'found' });
  });

  it('tells 405 from 404, and bad escapes are 404', () => {
    expect(router.match('DELETE', '/a/1')).toEqual({ kind: 'method-not-allowed', allow: ['GET', 'POST'] });
    expect(router.match('GET', '/nope')).toEqual({ kind: 'not-found' });
    expect(router.match('GET', '/a/%E0%A4%A')).toEqual({ kind: 'not-found' });
  });

  it('refuses duplicate routes', () => {
    expect(() => createRouter([route('GET', '/a'), route('GET', '/a')])).toThrow(/Duplicate/);
  });
});
