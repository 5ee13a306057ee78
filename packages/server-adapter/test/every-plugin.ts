import { astrologyPlugin } from '@vajra-stream/astrology';
import { audioPlugin } from '@vajra-stream/audio';
import { createVajra, silentLogger, type Vajra } from '@vajra-stream/core';
import { hardwarePlugin } from '@vajra-stream/hardware';
import { oraclePlugin } from '@vajra-stream/oracle';
import { visualsPlugin } from '@vajra-stream/visuals';

/**
 * A started kernel with every plugin whose routes the server mounts (oracle offline, hardware on its
 * simulated room, no default place unless `place` is given), so that the server has all its operations.
 */
export async function startEveryPlugin(place?: { latitude: number; longitude: number }): Promise<Vajra> {
  const vajra = createVajra({
    logger: silentLogger,
    env: {},
    plugins: [audioPlugin(), astrologyPlugin(), oraclePlugin(), visualsPlugin(), hardwarePlugin()],
    config: { wheels: { tickIntervalMs: 20 }, astrology: { events: false, ...place }, hardware: { level: 1, amplifierConnected: true } },
  });
  await vajra.start();
  await vajra.plugin('hardware').hardware.whenConnected('relay');
  return vajra;
}
