export { enttecDmxPro, type DmxOutputStats, type EnttecDmxProApi, type EnttecDmxProOptions } from './enttec-dmx-pro';
export type { DmxLevels, DmxUniverse, FadeResult } from './dmx-universe';
export type { DmxFrameTime } from './shared-dmx-frame';
