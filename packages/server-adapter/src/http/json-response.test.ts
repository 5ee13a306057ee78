import { describe, expect, it } from 'vitest';
import { type StringResponse, addMissingHeaders, stringResponse } from './json-response';

const listOf = (response: Response): string[] | undefined => (response as unknown as StringResponse).headerList;
const pairs = (list: string[]): [string, string][] => list.flatMap((value, i) => (i % 2 === 0 ? [[value, list[i + 1]!] as [string, string]] : []));

describe('StringResponse headers', () => {
  it('adds only the headers it lacks, names compared without case, in the written list and in Headers alike', () => {
    const cors = { 'access-control-allow-origin': 'http://localhost:5173', vary: 'Origin', 'Content-Type': 'text/plain' };
    const written = stringResponse('{"ok":true}', 200, { 'content-type': 'application/json', VARY: 'Accept', 'content-length': '999' });
    addMissingHeaders(written, cors);
    // the writer counts the body itself: a stale content-length is left out, the response's own headers win
    expect(pairs(listOf(written)!)).toStrictEqual([
      ['content-type', 'application/json'],
      ['VARY', 'Accept'],
      ['access-control-allow-origin', 'http://localhost:5173'],
    ]);
    const read = stringResponse('{"ok":true}', 200, { 'content-type': 'application/json', VARY: 'Accept' });
    addMissingHeaders(read, cors);
    expect([...read.headers]).toStrictEqual([
      ['access-control-allow-origin', 'http://localhost:5173'],
      ['content-type', 'application/json'],
      ['vary', 'Accept'],
    ]);
    expect(listOf(read)).toBeUndefined(); // once Headers exist, they are what is written
    addMissingHeaders(read, { 'x-later': '1', vary: 'Origin' });
    expect(read.headers.get('x-later')).toBe('1');
    expect(read.headers.get('vary')).toBe('Accept');
    expect(cors).toStrictEqual({ 'access-control-allow-origin': 'http://localhost:5173', vary: 'Origin', 'Content-Type': 'text/plain' }); // kept, not changed
  });

  it('merges headers added twice and keeps a body-less answer’s own content-length', () => {
    const response = stringResponse(null, 204, { 'Content-Length': '0' });
    addMissingHeaders(response, { vary: 'Origin' });
    addMissingHeaders(response, { VARY: 'Accept', 'x-b': '2' });
    expect(pairs(listOf(response)!)).toStrictEqual([
      ['Content-Length', '0'],
      ['vary', 'Origin'],
      ['x-b', '2'],
    ]);
    addMissingHeaders(response, {});
    expect(response.headers.get('vary')).toBe('Origin');
    expect(response.headers.get('x-b')).toBe('2');
  });
});
