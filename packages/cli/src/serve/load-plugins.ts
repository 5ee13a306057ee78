import type { Logger, VajraPlugin } from '@vajra-stream/core';

type AnyPlugin = VajraPlugin<string, unknown, never>;

/**
 * Every plugin package that is installed and built: audio, astrology, oracle (offline by default),
 * visuals and hardware (simulated devices unless `VAJRA_HARDWARE__PORTS__*` names real ports).
 * A missing one is logged and skipped, so the server runs with whatever is there.
 *
 * @example
 * ```ts
 * const plugins = await loadPlugins(logger);
 * ```
 */
export async function loadPlugins(logger: Logger): Promise<AnyPlugin[]> {
  const candidates: Array<[string, () => Promise<AnyPlugin>]> = [
    ['audio', async () => (await import('@vajra-stream/audio')).audioPlugin() as unknown as AnyPlugin],
    ['astrology', async () => (await import('@vajra-stream/astrology')).astrologyPlugin() as unknown as AnyPlugin],
    ['oracle', async () => (await import('@vajra-stream/oracle')).oraclePlugin() as unknown as AnyPlugin],
    ['visuals', async () => (await import('@vajra-stream/visuals')).visualsPlugin() as unknown as AnyPlugin],
    ['hardware', async () => (await import('@vajra-stream/hardware')).hardwarePlugin() as unknown as AnyPlugin],
  ];
  const plugins: AnyPlugin[] = [];
  for (const [id, load] of candidates) {
    try {
      plugins.push(await load());
    } catch (error) {
      logger.warn('plugin not available, skipping it', { plugin: id, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return plugins;
}
