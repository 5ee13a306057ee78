/**
 * `@vajra-stream/audio`: a deterministic synthesis engine for singing bowls, tones, binaural, monaural
 * and isochronic beats and noise. One JSON program renders offline, streams as WAV, plays live and
 * runs in an AudioWorklet. This entry is browser-safe; Node-only parts live in `@vajra-stream/audio/node`.
 *
 * @example
 * ```ts
 * import { renderToWav, analyzeSpectrum, renderToBuffer } from '@vajra-stream/audio';
 * const program = { duration: 10, layers: [{ kind: 'bowl', frequency: 221 }, { kind: 'binaural', carrier: 200, beat: 7.83, gain: 0.3 }] };
 * const wav = renderToWav(program, { format: 'pcm16' });
 * const peaks = analyzeSpectrum(renderToBuffer(program).channels[0], 48000).peaks;
 * ```
 * @module @vajra-stream/audio
 */
export { paramSchema, keyframeSchema, curveSchema, type Param, type Keyframe } from './program/param-schema';
export {
  programSchema,
  layerSchema,
  toneLayerSchema,
  bowlLayerSchema,
  bowlModeSchema,
  binauralLayerSchema,
  monauralLayerSchema,
  isochronicLayerSchema,
  noiseLayerSchema,
  strikesSchema,
  rimSchema,
  type Program,
  type ProgramInput,
  type Layer,
  type BowlLayer,
} from './program/program-schema';
export { parseProgram } from './program/parse-program';
export { createLimiter, type Limiter, type LimiterOptions } from './dsp/create-limiter';
export { createNoiseGenerator, type NoiseColor, type NoiseGenerator } from './dsp/noise-generator';
export { createProgramRenderer, type ProgramRenderer, type ProgramRendererOptions } from './render/create-program-renderer';
export {
  renderBlocks,
  renderBlocksAsync,
  renderToBuffer,
  type AudioBlock,
  type AudioBuffer,
  type RenderBlocksOptions,
  type RenderBlocksAsyncOptions,
  type RenderedBuffer,
} from './render/render-blocks';
export { renderInfo, BOWL_MODE_LIMIT, type RenderInfo, type DroppedBowlMode } from './render/render-info';
export type { ValidationIssue } from './validation/validation-failed';
export type { ActiveFrequency } from './render/voice';
export { encodeWavSamples, type WavFormat } from './wav/wav-format';
export { encodeWav, renderToWav, wavChunks, wavChunksAsync, wavReadableStream, wavByteLength, type WavOptions } from './wav/encode-wav';
export {
  analyzeSpectrum,
  type AnalyzeSpectrumOptions,
  type Spectrum,
  type SpectrumPeak,
  type SpectrumWindow,
} from './analysis/analyze-spectrum';
export type { AudioSink, SinkSource } from './engine/audio-sink';
export { createAudioEngine, type AudioEngine, type AudioEngineOptions, type EngineState, type EngineStatus } from './engine/create-audio-engine';
export { nullSink, type PacedSinkOptions } from './engine/null-sink';
export { pcmStreamSink, type PcmChunk, type PcmStreamSink } from './engine/pcm-stream-sink';
export { bowlModePresets, bowlModePresetNames, type BowlMode, type BowlModePresetName } from './presets/bowl-modes';
export {
  solfeggioFrequencies,
  schumannResonances,
  brainwaveBands,
  blessingFrequencies,
  intentionFrequencies,
  tuningReferences,
  type BrainwaveBand,
} from './presets/frequency-sets';
export { cosmicOctave, cosmicPeriods, octaveTone, type CosmicBody, type CosmicPeriod } from './presets/cosmic-octave';
export {
  programFromSeed,
  programFromSession,
  seedRequestSchema,
  SEED_MAX_VOLUME,
  type SeedRequest,
  type SessionAudioFields,
} from './presets/program-from-seed';
export {
  audioPlugin,
  audioPluginConfigSchema,
  type AudioPluginApi,
  type AudioPluginConfig,
  type AudioPluginOptions,
  type PlayOptions,
  type SpectrumFrame,
  type AudioEndedEvent,
} from './plugin/audio-plugin';
export { programFromSbagen, type SbagenOptions } from './presets/program-from-sbagen';
