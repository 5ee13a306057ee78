// Entry of the optional-SDK test's child bundle: the oracle's public entry plus the kernel to start it in.
export * from '../../src/index';
export * as testKernel from '@vajra-stream/core';
