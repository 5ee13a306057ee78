import { describe, expect, it } from 'vitest';
import { orderPlugins } from './order-plugins';

const codeOf = (fn: () => unknown): unknown => {
  try {
    fn();
  } catch (error) {
    return (error as { code?: unknown }).code;
  }
  return undefined;
};

describe('orderPlugins', () => {
  it('puts every plugin after its dependencies', () => {
    const order = orderPlugins([{ id: 'server', dependsOn: ['audio', 'oracle'] }, { id: 'oracle', dependsOn: ['audio'] }, { id: 'audio' }, { id: 'astro' }]).map((p) => p.id);
    expect(order.indexOf('audio')).toBeLessThan(order.indexOf('oracle'));
    expect(order.indexOf('oracle')).toBeLessThan(order.indexOf('server'));
    expect(order).toHaveLength(4);
  });

  it('names missing dependencies, cycles and duplicates', () => {
    expect(codeOf(() => orderPlugins([{ id: 'a', dependsOn: ['ghost'] }]))).toBe('PLUGIN_DEPENDENCY_MISSING');
    expect(() =>
      orderPlugins([
        { id: 'a', dependsOn: ['b'] },
        { id: 'b', dependsOn: ['c'] },
        { id: 'c', dependsOn: ['a'] },
      ]),
    ).toThrowError(/cycle: a → b → c → a/);
    expect(codeOf(() => orderPlugins([{ id: 'a', dependsOn: ['a'] }]))).toBe('PLUGIN_DEPENDENCY_CYCLE');
    expect(codeOf(() => orderPlugins([{ id: 'a' }, { id: 'a' }]))).toBe('PLUGIN_DUPLICATE');
  });
});
