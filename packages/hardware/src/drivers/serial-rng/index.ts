export { serialRng, oneRngModes, trueRngModes, type RngReading, type SerialRngApi, type SerialRngOptions } from './serial-rng';
export {
  createRngStatistics,
  summarizeTrials,
  BITS_PER_TRIAL,
  CHANCE_THRESHOLD,
  type RngPeriod,
  type RngStatistics,
  type RngStatisticsOptions,
  type RngSummary,
  type RngTrial,
  type RngWindow,
} from './rng-statistics';
