export { enttecDmxPro, type DmxOutputStats, type EnttecDmxProApi, type EnttecDmxProOptions } from './enttec-dmx-pro';
export { createDmxUniverse, type DmxLevels, type DmxUniverse, type FadeResult } from './dmx-universe';
export { createEnttecParser, enttecDmxFrame, enttecMessage, type EnttecMessage } from './enttec-frame';
