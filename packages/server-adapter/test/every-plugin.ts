import { astrologyPlugin } from '@vajra-stream/astrology';
import { audioPlugin } from '@vajra-stream/audio';
import { createVajra, silentLogger, type Vajra } from '@vajra-stream/core';
import { hardwarePlugin } from '@vajra-stream/hardware';
import { oraclePlugin } from '@vajra-stream/oracle';
import { visualsPlugin } from '@vajra-stream/visuals';

/**
 * A started kernel with every plugin whose routes the server mounts (oracle offline, hardware on its
 * simulated room, no default place unless `place` is given), so that the server has all its operations.
 * Fades, crossfades and the amplifier's pre-roll are 0.1 s: every audio play, resume and stop here would
 * otherwise wait out the defaults (3 s, 2 s, 2 s) in real time; what those durations do is proven in the
 * audio and hardware packages' own tests.
 */
export async function startEveryPlugin(place?: { latitude: number; longitude: number }): Promise<Vajra> {
  const vajra = createVajra({
    logger: silentLogger,
    env: {},
    plugins: [audioPlugin(), astrologyPlugin(), oraclePlugin(), visualsPlugin(), hardwarePlugin()],
    config: {
      wheels: { tickIntervalMs: 20 },
      audio: { fadeOut: 0.1, crossfade: 0.1 },
      astrology: { events: false, ...place },
      hardware: { level: 1, amplifierConnected: true, preRoll: 0.1 },
    },
  });
  await vajra.start();
  await vajra.plugin('hardware').hardware.whenConnected('relay');
  return vajra;
}
