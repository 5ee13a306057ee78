/**
 * Test helpers for Vajra.Stream: a manual clock and the store contract suite.
 * @module @vajra-stream/core/testing
 */
export { createManualClock, type ManualClock } from './create-manual-clock';
export { runStoreContract, type ContractRunner } from './store-contract';
export { runBusContract, type BusContractFixture } from './bus-contract';
