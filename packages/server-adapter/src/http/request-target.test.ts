import { describe, expect, it } from 'vitest';
import { requestTarget } from './request-target';

/** A request as the node adapter makes it: a raw target, and the URL a WHATWG parser makes of it. */
const nodeLike = (raw: string): Request =>
  ({
    rawTarget: raw,
    get url() {
      return new URL(raw, 'http://127.0.0.1:8000').href;
    },
  }) as unknown as Request;
const parsed = (raw: string) => {
  const url = new URL(raw, 'http://127.0.0.1:8000');
  return { pathname: url.pathname, search: url.search };
};

describe('requestTarget', () => {
  it('gives the path and query a URL parser gives, for plain and tricky targets alike', () => {
    const targets = [
      '/health',
      '/api/v1/sessions?limit=20',
      '/a?',
      '/a/',
      '/a/./b',
      '/a/../b',
      '/a/.',
      '/a/..',
      '/.hidden/x',
      '/a%2e%2e/b',
      '/%2e%2e/x',
      '/a b',
      "/a?b='c'",
      '/a?b=c d',
      '/a\\b',
      '/a#frag',
      '/a?b#c',
      '//evil.example/x',
      '/é?q=ü',
      '/a;b?c=d,e&f=(g)*!$',
      '/x?y=1/2:3@',
      '/a/{id}',
      '/a|b',
    ];
    for (const raw of targets) {
      const target = requestTarget(nodeLike(raw));
      expect({ pathname: target.pathname, search: target.search }, raw).toEqual(parsed(raw));
      expect(target.url.href, raw).toBe(new URL(raw, 'http://127.0.0.1:8000').href);
    }
  });

  it('agrees with the URL parser on random targets', () => {
    const alphabet = [
      '/',
      '/',
      'a',
      'B',
      '0',
      '.',
      '..',
      '%2e',
      '%',
      '?',
      '&',
      '=',
      '#',
      ' ',
      "'",
      '\\',
      '~',
      '-',
      '_',
      ':',
      '@',
      '+',
      ',',
      ';',
      '(',
      '!',
      '*',
      '$',
      'é',
      '"',
      '<',
      '{',
      '|',
      '^',
      '`',
    ];
    let seed = 42;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 5000; i += 1) {
      const length = 1 + Math.floor(next() * 12);
      const raw = `/${Array.from({ length }, () => alphabet[Math.floor(next() * alphabet.length)]).join('')}`;
      if (!URL.canParse(raw, 'http://127.0.0.1:8000') || new URL(raw, 'http://127.0.0.1:8000').host !== '127.0.0.1:8000') continue; // not a path (`//host`, `/\\host`)
      const target = requestTarget(nodeLike(raw));
      expect({ pathname: target.pathname, search: target.search }, raw).toEqual(parsed(raw));
    }
  });

  it('parses the URL of a request without a raw target', () => {
    const target = requestTarget(new Request('http://localhost/a/../b?x=1'));
    expect([target.pathname, target.search, target.url.href]).toEqual(['/b', '?x=1', 'http://localhost/b?x=1']);
  });
});
