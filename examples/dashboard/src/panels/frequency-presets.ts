import { blessingFrequencies, intentionFrequencies, schumannResonances, solfeggioFrequencies } from '@vajra-stream/audio';
import { capitalize } from '../format';

/** A named set of frequencies offered when creating a session. */
export interface FrequencyPreset {
  id: string;
  group: string;
  label: string;
  frequencies: readonly number[];
}

/**
 * The presets, from the audio package's own frequency sets: intentions, solfeggio tones, the blessing
 * set and the Schumann fundamental (below 20 Hz it becomes a binaural beat on a 200 Hz carrier).
 *
 * @example
 * ```ts
 * FREQUENCY_PRESETS.find((preset) => preset.id === 'intention-peace')?.frequencies; // [528, 639, 7.83]
 * ```
 */
export const FREQUENCY_PRESETS: readonly FrequencyPreset[] = [
  ...Object.entries(intentionFrequencies).map(([name, frequencies]) => ({ id: `intention-${name}`, group: 'Intentions', label: capitalize(name), frequencies })),
  ...solfeggioFrequencies.map((frequency) => ({ id: `solfeggio-${frequency}`, group: 'Solfeggio', label: `${frequency} Hz`, frequencies: [frequency] })),
  { id: 'blessing', group: 'Sets', label: 'Blessing set', frequencies: blessingFrequencies },
  { id: 'schumann', group: 'Sets', label: `Schumann ${schumannResonances[0]} Hz (binaural)`, frequencies: [schumannResonances[0]] },
  { id: 'verdi', group: 'Sets', label: '432 Hz', frequencies: [432] },
];

/**
 * Parse "528, 639 7.83" into frequencies; throws a readable error for anything else.
 *
 * @example
 * ```ts
 * parseFrequencies('528, 7.83'); // [528, 7.83]
 * ```
 */
export function parseFrequencies(text: string): number[] {
  const parts = text.split(/[\s,;]+/).filter(Boolean);
  if (parts.length > 16) throw new Error('At most 16 frequencies');
  return parts.map((part) => {
    const value = Number(part.replace(/hz$/i, ''));
    if (!Number.isFinite(value) || value <= 0 || value > 20_000) throw new Error(`“${part}” is not a frequency between 0 and 20 000 Hz`);
    return value;
  });
}
