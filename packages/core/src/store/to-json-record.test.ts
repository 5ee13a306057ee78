import { describe, expect, it } from 'vitest';
import { toJsonRecord } from './to-json-record';

const codeOf = (work: () => unknown): unknown => {
  try {
    work();
  } catch (error) {
    return (error as { code?: unknown }).code ?? error;
  }
  return undefined;
};

describe('toJsonRecord', () => {
  it('writes what JSON.stringify writes, toJSON results and undefined members included', () => {
    const session = { id: 'ses_1', frequencies: [432, 528.5], metadata: { bench: true, nested: [{ a: null }, []] }, owner: null, skipped: undefined };
    const withDate = { at: new Date(Date.UTC(2026, 0, 1)), list: [undefined, 'x'], inner: { toJSON: () => ({ shown: 1 }) } };
    const sparse: number[] = [1];
    sparse[2] = 3; // the hole at 1 is written as null, like undefined
    for (const value of [session, withDate, { sparse }, {}, [], Object.assign(Object.create({ inherited: 1 }), { own: 2 })]) {
      expect(toJsonRecord(value)).toBe(JSON.stringify(value));
    }
  });

  it('refuses, at any depth, what JSON would drop, null out or fail on', () => {
    const bad: unknown[] = [
      { n: Number.NaN },
      { deep: { list: [1, Number.POSITIVE_INFINITY] } },
      { big: [{ n: 10n }] },
      { f: () => 1 },
      { list: [Symbol('s')] },
      { viaToJson: { toJSON: () => ({ n: Number.NaN }) } }, // what toJSON returns is checked too
      { date: new Date(0), later: { f: () => 1 } }, // a toJSON anywhere: the whole record is checked by the replacer
      'text',
      null,
      undefined,
    ];
    for (const [index, value] of bad.entries())
      expect(
        codeOf(() => toJsonRecord(value)),
        `value ${index}`,
      ).toBe('STORE_INVALID_VALUE');
  });

  it('checks values nested deeper than its walk goes, and fails on a cycle like JSON.stringify', () => {
    let deep: Record<string, unknown> = { leaf: 1 };
    for (let i = 0; i < 200; i += 1) deep = { deep };
    expect(toJsonRecord(deep)).toBe(JSON.stringify(deep));
    let deepBad: Record<string, unknown> = { leaf: Number.NaN };
    for (let i = 0; i < 200; i += 1) deepBad = { deepBad };
    expect(codeOf(() => toJsonRecord(deepBad))).toBe('STORE_INVALID_VALUE');
    const cycle: Record<string, unknown> = { a: 1 };
    cycle.self = { back: cycle };
    expect(codeOf(() => toJsonRecord(cycle))).toBeInstanceOf(TypeError);
  });
});
