export { lcusRelay, type LcusRelayApi, type LcusRelayOptions, type RelayChannelState } from './lcus-relay';
