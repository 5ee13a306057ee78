/**
 * Test helpers for Vajra.Stream: a manual clock, a seeded random generator and the store and bus contract suites.
 * @module @vajra-stream/core/testing
 */
export { createManualClock, type ManualClock } from './create-manual-clock';
export { createSeededRandom } from './create-seeded-random';
export { runStoreContract, type ContractRunner } from './store-contract';
export { runBusContract, type BusContractFixture } from './bus-contract';
export { runBusConnectionLossContract, type BusConnectionLossFixture } from './bus-connection-loss-contract';
