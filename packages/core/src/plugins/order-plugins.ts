import { VajraError } from '../errors/vajra-error';

interface Node {
  id: string;
  dependsOn?: readonly string[];
}

/**
 * Sort plugins so each comes after its dependencies. Duplicate ids, missing dependencies and cycles are
 * `VajraError`s naming the plugins involved.
 *
 * @example
 * ```ts
 * orderPlugins([{ id: 'b', dependsOn: ['a'] }, { id: 'a' }]).map((p) => p.id); // ['a', 'b']
 * ```
 */
export function orderPlugins<P extends Node>(plugins: readonly P[]): P[] {
  const byId = new Map<string, P>();
  for (const plugin of plugins) {
    if (byId.has(plugin.id)) throw new VajraError('PLUGIN_DUPLICATE', `Plugin "${plugin.id}" is installed twice`);
    byId.set(plugin.id, plugin);
  }
  for (const plugin of plugins) {
    for (const dependency of plugin.dependsOn ?? []) {
      if (!byId.has(dependency)) {
        throw new VajraError('PLUGIN_DEPENDENCY_MISSING', `Plugin "${plugin.id}" depends on "${dependency}", which is not installed`, {
          details: { plugin: plugin.id, missing: dependency },
        });
      }
    }
  }
  const ordered: P[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (plugin: P, path: string[]): void => {
    const seen = state.get(plugin.id);
    if (seen === 'done') return;
    if (seen === 'visiting') {
      const cycle = [...path.slice(path.indexOf(plugin.id)), plugin.id];
      throw new VajraError('PLUGIN_DEPENDENCY_CYCLE', `Plugin dependencies form a cycle: ${cycle.join(' → ')}`, { details: { cycle } });
    }
    state.set(plugin.id, 'visiting');
    for (const dependency of plugin.dependsOn ?? []) visit(byId.get(dependency) as P, [...path, plugin.id]);
    state.set(plugin.id, 'done');
    ordered.push(plugin);
  };
  for (const plugin of plugins) visit(plugin, []);
  return ordered;
}
