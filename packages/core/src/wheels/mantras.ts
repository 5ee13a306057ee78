import * as z from 'zod';

/**
 * A mantra a wheel can hold. `text` is what is printed on the wheel's copies (a transliteration).
 *
 * @example
 * ```ts
 * const whiteTara: Mantra = {
 *   id: 'white-tara',
 *   name: 'Mantra of White Tara',
 *   deity: 'White Tara',
 *   text: 'Om Tare Tuttare Ture Mama Ayur Punye Jnana Pushtim Kuru Soha',
 *   transliteration: 'oṃ tāre tuttāre ture mama āyuḥ puṇye jñāna puṣṭiṃ kuru svāhā',
 *   meaning: 'Long life, merit and wisdom.',
 * };
 * const vajra = createVajra({ mantras: [whiteTara] });
 * ```
 */
export interface Mantra {
  id: string;
  name: string;
  deity: string;
  text: string;
  transliteration: string;
  meaning: string;
}

/**
 * Schema of an app-supplied mantra.
 *
 * @example
 * ```ts
 * mantraSchema.parse({ id: 'white-tara', name: 'White Tara', deity: 'White Tara', text: 'Om Tare Tuttare Ture Mama Ayur Punye Jnana Pushtim Kuru Soha', transliteration: '…', meaning: '…' });
 * ```
 */
export const mantraSchema = /* @__PURE__ */ z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'lowercase letters, digits and dashes'),
    name: z.string().trim().min(1).max(120),
    deity: z.string().trim().max(120).default(''),
    text: z.string().trim().min(1).max(2000),
    transliteration: z.string().trim().max(2000).optional(),
    meaning: z.string().trim().max(4000).default(''),
  })
  .strict()
  .transform((m): Mantra => ({ ...m, transliteration: m.transliteration ?? m.text }));

/**
 * The mantras most commonly loaded into prayer wheels (see the practice notes), each with its deity,
 * transliteration and a plain meaning.
 *
 * @example
 * ```ts
 * builtInMantras.find((m) => m.id === 'chenrezig')?.text; // 'Om Mani Padme Hum'
 * ```
 */
export const builtInMantras: readonly Mantra[] = Object.freeze([
  {
    id: 'chenrezig',
    name: 'Six-syllable mantra of compassion',
    deity: 'Avalokiteshvara (Chenrezig)',
    text: 'Om Mani Padme Hum',
    transliteration: 'oṃ maṇi padme hūṃ',
    meaning: 'The jewel in the lotus: compassion (the jewel) joined with wisdom (the lotus), purifying the six realms of existence.',
  },
  {
    id: 'green-tara',
    name: 'Mantra of Green Tara',
    deity: 'Green Tara',
    text: 'Om Tare Tuttare Ture Soha',
    transliteration: 'oṃ tāre tuttāre ture svāhā',
    meaning: 'Homage to Tara, the swift liberator, who frees beings from fear and danger and carries them across suffering.',
  },
  {
    id: 'medicine-buddha',
    name: 'Mantra of the Medicine Buddha',
    deity: 'Medicine Buddha (Bhaisajyaguru)',
    text: 'Tayata Om Bekandze Bekandze Maha Bekandze Radza Samudgate Soha',
    transliteration: 'tadyathā oṃ bhaiṣajye bhaiṣajye mahābhaiṣajye rāja samudgate svāhā',
    meaning: 'Healer, healer, great healer, king of healing, arisen: for the healing of body and mind and the end of all illness.',
  },
  {
    id: 'vajra-guru',
    name: 'Vajra Guru mantra',
    deity: 'Guru Rinpoche (Padmasambhava)',
    text: 'Om Ah Hum Vajra Guru Padma Siddhi Hum',
    transliteration: 'oṃ āḥ hūṃ vajra guru padma siddhi hūṃ',
    meaning: 'Body, speech and mind of the vajra teacher Padmasambhava: grant all ordinary and supreme accomplishments.',
  },
  {
    id: 'manjushri',
    name: 'Mantra of Manjushri',
    deity: 'Manjushri',
    text: 'Om A Ra Pa Tsa Na Dhih',
    transliteration: 'oṃ a ra pa ca na dhīḥ',
    meaning: 'The syllables of the wisdom alphabet; dhīḥ, the seed of wisdom, sharpens understanding and cuts through confusion.',
  },
  {
    id: 'vajrasattva',
    name: 'Short mantra of Vajrasattva',
    deity: 'Vajrasattva',
    text: 'Om Vajrasattva Hum',
    transliteration: 'oṃ vajrasattva hūṃ',
    meaning: 'Invocation of the indestructible being of purity, for the purification of harmful actions and broken commitments.',
  },
  {
    id: 'amitabha',
    name: 'Mantra of Amitabha',
    deity: 'Amitabha',
    text: 'Om Ami Dewa Hrih',
    transliteration: 'oṃ amideva hrīḥ',
    meaning: 'Homage to the Buddha of Boundless Light, for rebirth in his pure land and a peaceful death.',
  },
]);
