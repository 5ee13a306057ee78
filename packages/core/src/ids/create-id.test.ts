import { describe, expect, it } from 'vitest';
import { createId } from './create-id';

describe('createId', () => {
  it('is prefixed, URL-safe, unique and sorts in creation order', () => {
    const ids = Array.from({ length: 2000 }, (_, i) => createId('ses', 1_700_000_000_000 + Math.floor(i / 10)));
    for (const id of ids) expect(id).toMatch(/^ses_[0-9a-f]{28}$/);
    expect(new Set(ids).size).toBe(ids.length);
    const byTime = ids.filter((_, i) => i % 10 === 0);
    expect([...byTime].sort()).toEqual(byTime);
    expect(createId('whl', 0 + 1).slice(4, 16)).toBe('000000000001');
  });
});
