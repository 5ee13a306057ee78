import { aSignal, numberIn, oneOf, type OptionRules } from '../validation/check-options';

/** The WAV sample formats, as accepted in options. */
export const WAV_FORMATS = ['pcm16', 'pcm24', 'float32'] as const;

/** Rules of {@link WavOptions}: only `format` (there is no `bitDepth`: 16-bit is `format: 'pcm16'`). */
export const wavOptionRules: OptionRules = { format: oneOf(WAV_FORMATS) };

/** Rules of the streaming WAV forms: `format` and `blockSize`. */
export const wavStreamOptionRules: OptionRules = { ...wavOptionRules, blockSize: numberIn(1) };

/** Rules of the async WAV form: streaming options plus `signal` and `sliceMs`. */
export const wavAsyncOptionRules: OptionRules = { ...wavStreamOptionRules, signal: aSignal, sliceMs: numberIn(0) };
