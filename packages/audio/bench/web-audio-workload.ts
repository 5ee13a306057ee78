import { BINAURAL, BOWL_FUNDAMENTAL, BOWL_MODES, SUSTAINED_T60 } from './workload';

export const RATE = 48_000;

/**
 * The sustained workload as node-web-audio-api's OfflineAudioContext renders it: one OscillatorNode per
 * partial with a gain envelope (1.5 ms attack, then the partial's T60 decay), a bus at the bowl's gain, and
 * the binaural pair on a channel merger. Resolves when the render is done.
 */
export async function renderWebAudio(duration: number, bowlGain: number): Promise<void> {
  const { OfflineAudioContext } = await import('node-web-audio-api');
  const context = new OfflineAudioContext({ numberOfChannels: 2, length: duration * RATE, sampleRate: RATE });
  const total = BOWL_MODES.reduce((sum, mode) => sum + mode.gain, 0);
  const bowlBus = context.createGain();
  bowlBus.gain.value = bowlGain;
  bowlBus.connect(context.destination);
  BOWL_MODES.forEach((mode, index) => {
    for (const sign of [-1, 1]) {
      const oscillator = context.createOscillator();
      oscillator.frequency.value = BOWL_FUNDAMENTAL * mode.ratio * 2 ** ((sign * mode.split) / 2400);
      const gain = context.createGain();
      gain.gain.setValueAtTime(0, 0);
      gain.gain.setTargetAtTime((0.5 * mode.gain) / total, 0, 0.0015);
      gain.gain.setTargetAtTime(0, 0.01, SUSTAINED_T60[index]! / Math.log(1000));
      oscillator.connect(gain).connect(bowlBus);
      oscillator.start(0);
    }
  });
  const merger = context.createChannelMerger(2);
  const binauralGain = context.createGain();
  binauralGain.gain.value = BINAURAL.gain;
  for (const [channel, frequency] of [
    [0, BINAURAL.carrier],
    [1, BINAURAL.carrier + BINAURAL.beat],
  ] as const) {
    const oscillator = context.createOscillator();
    oscillator.frequency.value = frequency;
    oscillator.connect(merger, 0, channel);
    oscillator.start(0);
  }
  merger.connect(binauralGain).connect(context.destination);
  await context.startRendering();
}
