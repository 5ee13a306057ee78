// A Node script: render a singing bowl over a binaural beat to a WAV file, look at what it contains,
// and print the sky of a day. Run it with `npx tsx node-script.ts practice.wav`.
import { moonPhase, sunTimes } from '@vajra-stream/astrology';
import { analyzeSpectrum, programSchema, renderToBuffer } from '@vajra-stream/audio';
import { writeWavFile } from '@vajra-stream/audio/node';

const file = process.argv[2] ?? 'practice.wav';
const program = programSchema.parse({
  duration: 10,
  layers: [
    { kind: 'bowl', frequency: 221, modes: 'tibetan-180mm', strikes: { every: 5 } },
    { kind: 'binaural', carrier: 200, beat: 7.83, gain: 0.3, fadeIn: 1, fadeOut: 1 },
  ],
});
await writeWavFile(program, file, { format: 'pcm24' });

const oneSecondIn = renderToBuffer(program).channels[0]!.subarray(48_000, 48_000 + 16_384);
const peaks = analyzeSpectrum(oneSecondIn, 48_000, { fftSize: 16_384 }).peaks.slice(0, 3);
console.log(`wrote ${file}: ${program.duration} s at ${program.sampleRate} Hz`);
console.log(`strongest partials (left): ${peaks.map((peak) => `${peak.frequency.toFixed(1)} Hz`).join(', ')}`);

const date = process.argv[3] ?? new Date().toISOString();
const kathmandu = { latitude: 27.7172, longitude: 85.324 };
console.log(`${date}: ${moonPhase(date).name}, sunrise in Kathmandu ${sunTimes(date, kathmandu).sunrise ?? 'none'}`);
