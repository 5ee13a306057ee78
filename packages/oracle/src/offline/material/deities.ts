/** A deity whose mantra is commonly loaded into prayer wheels. */
export interface Deity {
  id: string;
  name: string;
  /** Short epithets used in address ("Lord of Compassion"). */
  epithets: readonly string[];
  /** Relative clauses after "you who …". */
  deeds: readonly string[];
  mantra: string;
  /** Colour of the light in visualisations, with a simile. */
  lights: readonly string[];
  /** Visual appearance for guided meditations. */
  forms: readonly string[];
  quality: string;
}

/**
 * The deities and mantras of the practice material (the common Tibetan transliterations).
 *
 * @example
 * ```ts
 * deities.chenrezig.mantra; // 'Om Mani Padme Hum'
 * ```
 */
export const deities = {
  chenrezig: {
    id: 'chenrezig',
    name: 'Chenrezig',
    epithets: ['Avalokiteshvara, Lord of Compassion', 'the one who hears the cries of the world', 'Great Compassionate One'],
    deeds: ['hear every cry in every realm', 'look on all beings as a mother looks on her only child', 'reach toward suffering with a thousand arms'],
    mantra: 'Om Mani Padme Hum',
    lights: ['white light, soft as moonlight on snow', 'clear white light, cool and gentle', 'a white radiance like the full moon rising'],
    forms: [
      'seated on a lotus and a moon disc, white as a snow mountain lit by the sun, four arms, two hands joined at the heart around a wish-fulfilling jewel',
      'white and luminous, smiling, eyes full of tenderness, holding a crystal mala and a white lotus',
    ],
    quality: 'compassion',
  },
  tara: {
    id: 'tara',
    name: 'Green Tara',
    epithets: ['swift mother who rises to help', 'liberator from the eight fears', 'mother of all the Buddhas'],
    deeds: ['step down from your throne the moment you are called', 'protect travellers on every road', 'turn fear into fearlessness'],
    mantra: 'Om Tare Tuttare Ture Soha',
    lights: ['green light, bright as young barley in spring', 'an emerald light, fresh and quick', 'green light like sunlight through new leaves'],
    forms: [
      'emerald green, seated on a lotus with her right leg extended, ready to rise and help',
      'youthful and radiant, her right hand open in the gesture of giving, her left at her heart holding a blue utpala flower',
    ],
    quality: 'protection',
  },
  medicineBuddha: {
    id: 'medicine-buddha',
    name: 'the Medicine Buddha',
    epithets: ['Sangye Menla, King of Lapis Light', 'Bhaishajyaguru, master of healing', 'healer of body and mind'],
    deeds: ['hold the bowl of healing nectar for all who are ill', 'know the medicine for every sickness of body and mind', 'vowed that your name alone would ease suffering'],
    mantra: 'Tayata Om Bekandze Bekandze Maha Bekandze Radza Samudgate Soha',
    lights: ['deep blue light, like lapis lazuli held up to the sun', 'a clear blue radiance, cool as mountain water', 'lapis-blue light, calm and deep as the evening sky'],
    forms: [
      'deep blue, seated in meditation, the right hand resting on the knee holding the healing arura plant, the left in the lap holding a bowl of nectar',
      'the colour of lapis lazuli, serene, surrounded by a soft halo of blue light',
    ],
    quality: 'healing',
  },
  guruRinpoche: {
    id: 'guru-rinpoche',
    name: 'Guru Rinpoche',
    epithets: ['Padmasambhava, the Lotus-Born', 'precious teacher', 'the Second Buddha'],
    deeds: ['turned every obstacle into the path', 'tamed the forces that block the way', 'promised to come to anyone who calls with faith'],
    mantra: 'Om Ah Hum Vajra Guru Padma Siddhi Hum',
    lights: ['rainbow light, clear and vivid', 'light of five colours, bright as a rainbow after rain', 'golden-red light, warm and unshakable'],
    forms: [
      'seated on a lotus amid rainbow light, holding a vajra at his heart and a skull cup of long-life nectar',
      'smiling and fierce at once, his gaze steady, surrounded by light of five colours',
    ],
    quality: 'courage',
  },
  manjushri: {
    id: 'manjushri',
    name: 'Manjushri',
    epithets: ['Lord of Wisdom', 'gentle glorious one', 'the youthful prince of wisdom'],
    deeds: ['cut through confusion with a flaming sword', 'hold the book of perfect wisdom at your heart', 'open the minds of all who study'],
    mantra: 'Om A Ra Pa Tsa Na Dhih',
    lights: ['golden-orange light, like the sun at first light', 'saffron light, clear and sharp', 'golden light like a lamp lit in a dark room'],
    forms: [
      'golden orange, youthful, his right hand raising a flaming sword, his left holding the stem of a lotus that carries a book of wisdom',
      'radiant gold, seated cross-legged, the sword above his head blazing with clear flame',
    ],
    quality: 'wisdom',
  },
  vajrasattva: {
    id: 'vajrasattva',
    name: 'Vajrasattva',
    epithets: ['Dorje Sempa, the purifier', 'embodiment of the purity of all Buddhas', 'diamond being'],
    deeds: ['wash away every wrong done in every lifetime', 'promised that no mistake is beyond purification', 'pour down nectar that cleanses body, speech and mind'],
    mantra: 'Om Vajrasattva Hum',
    lights: ['white nectar-light, like moonlit milk', 'clear white light, like a crystal held to the sun', 'white light flowing down like a gentle waterfall'],
    forms: [
      'white as a conch shell, seated above the crown of your head, holding a vajra at his heart and a bell at his hip',
      'luminous white, crowned with jewels, a stream of nectar flowing from his heart',
    ],
    quality: 'purification',
  },
  amitabha: {
    id: 'amitabha',
    name: 'Amitabha',
    epithets: ['Buddha of Boundless Light', 'Opame, lord of the western pure land', 'Buddha of Infinite Light'],
    deeds: ['welcome all who call your name into the land of bliss', 'shine your light without limit', 'vowed that none who trust you would be lost'],
    mantra: 'Om Ami Dewa Hrih',
    lights: ['ruby-red light, like the setting sun', 'warm red light, deep as a glowing ember', 'red-gold light, like evening sun on the mountains'],
    forms: [
      'ruby red, seated in meditation, his hands resting in his lap holding a begging bowl of long-life nectar',
      'vast and radiant red, seated in the western sky, his light reaching everywhere',
    ],
    quality: 'boundless light',
  },
} as const satisfies Record<string, Deity>;

/** Id of one of the {@link deities}. */
export type DeityId = keyof typeof deities;
