import { describe, expect, it } from 'vitest';
import { jsonDepth } from './json-depth';

describe('jsonDepth', () => {
  it('counts the deepest nesting of arrays and objects', () => {
    expect(jsonDepth('1', 64)).toBe(0);
    expect(jsonDepth('{"a":[1,[2]],"b":{}}', 64)).toBe(3);
    expect(jsonDepth('[[],[[]],[]]', 64)).toBe(3);
  });

  it('ignores brackets inside strings, escaped quotes included', () => {
    expect(jsonDepth('{"a":"[[[{{{","b":"\\"[[["}', 64)).toBe(1);
    expect(jsonDepth('["\\\\",[1]]', 64)).toBe(2);
  });

  it('stops once past the limit', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    expect(jsonDepth(deep, 64)).toBe(65);
    expect(jsonDepth('['.repeat(64) + ']'.repeat(64), 64)).toBe(64);
  });
});
