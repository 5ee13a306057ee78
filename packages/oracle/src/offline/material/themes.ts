import type { DeityId } from './deities';

/** What an intention is about, with the words the composer uses for it. */
export interface Theme {
  id: string;
  keywords: readonly string[];
  deities: readonly DeityId[];
  /** Frequencies used by the original project for this intention (from its sound reference table): tones ≥ 20 Hz, beat rates below. */
  frequencies: readonly number[];
  /** What is wished for ("where there is X may there be Y"). */
  gifts: readonly string[];
  /** What is wished away. */
  afflictions: readonly string[];
  /** Reflections for contemplations and teachings. */
  questions: readonly string[];
  /** One-sentence truths a teacher might offer on this theme. */
  insights: readonly string[];
}

/**
 * The themes an intention is sorted into, in priority order (first keyword match wins).
 *
 * @example
 * ```ts
 * themes.find((t) => t.id === 'healing')?.frequencies; // [528, 417, 174]
 * ```
 */
export const themes: readonly Theme[] = [
  {
    id: 'grief',
    keywords: ['grief', 'griev', 'loss of', 'death', 'died', 'dying', 'passed away', 'passing', 'mourn', 'funeral', 'bardo', 'ancestor', 'departed', 'memory of', 'bereave'],
    deities: ['amitabha', 'chenrezig'],
    frequencies: [136.1, 528, 7.83],
    gifts: ['peace on the journey', 'a gentle passage', 'the comfort of being held', 'light that does not fade', 'tenderness instead of despair'],
    afflictions: ['the ache of separation', 'fear at the time of death', 'sorrow that has no words', 'loneliness'],
    questions: [
      'What did this love teach you that you still carry?',
      'Where in your body do you feel the grief, and can you let it be there without pushing it away?',
      'What would you wish for the one who has gone, if you could send a single wish?',
      'Can you feel that love does not end where a life ends?',
    ],
    insights: [
      'grief is love that has lost its ordinary way home',
      'everything that is born will one day part, and this is exactly why each meeting is precious',
      'the mind at the moment of death is said to be carried by the love that surrounds it',
    ],
  },
  {
    id: 'healing',
    keywords: ['heal', 'ill', 'sick', 'health', 'recover', 'pain', 'surgery', 'cancer', 'disease', 'body', 'hospital', 'medicine', 'injur', 'well-being', 'wellbeing'],
    deities: ['medicineBuddha'],
    frequencies: [528, 417, 174],
    gifts: ['health', 'renewed strength', 'rest that truly restores', 'ease in every breath', 'the wisdom of skilled healers'],
    afflictions: ['illness', 'pain', 'weariness', 'fear of what the body is going through'],
    questions: [
      'How do you speak to your body when it hurts: as an enemy, or as a friend who is struggling?',
      'What would it be like to rest, just for this breath, exactly as you are?',
      'Who has cared for you when you were ill, and can you feel their care now?',
      'What does healing mean beyond the body?',
    ],
    insights: [
      'healing is not only the end of illness but the return of the mind to its natural ease',
      'the body has been carrying us faithfully for years and deserves our kindness most when it falters',
      'pain shared with awareness is not the same as pain fought alone',
    ],
  },
  {
    id: 'purification',
    keywords: ['forgiv', 'regret', 'guilt', 'shame', 'purif', 'mistake', 'harm i', 'apolog', 'karma', 'anger', 'resent', 'cleans'],
    deities: ['vajrasattva'],
    frequencies: [417, 528, 396],
    gifts: ['a clean heart', 'forgiveness', 'the courage to begin again', 'lightness', 'the freedom of honesty'],
    afflictions: ['regret that weighs on the heart', 'old harm', 'anger held too long', 'shame'],
    questions: [
      'What are you still carrying that you are ready to set down?',
      'Can you regret an action without hating the one who did it?',
      'What would you do differently now, and can you let that wish become a promise?',
      'Who needs your forgiveness, and does that include you?',
    ],
    insights: [
      'no stain is part of the cloth: what was done can be washed, because the mind itself was never soiled',
      'real regret looks forward: it becomes the resolve not to repeat the harm',
      'purification begins the moment we stop hiding from ourselves',
    ],
  },
  {
    id: 'protection',
    keywords: ['protect', 'safe', 'fear', 'afraid', 'danger', 'journey', 'travel', 'courage', 'threat', 'anxious about', 'storm', 'war', 'refugee'],
    deities: ['tara', 'guruRinpoche'],
    frequencies: [396, 7.83, 285],
    gifts: ['safety', 'fearlessness', 'a clear road ahead', 'steady courage', 'shelter'],
    afflictions: ['fear', 'danger on the road', 'harm from others', 'the panic that narrows the mind'],
    questions: [
      'What is your fear trying to protect?',
      'When have you been afraid and come through it, and what carried you?',
      'Where could you offer someone else shelter today?',
      'What would you do if you trusted that you are held?',
    ],
    insights: [
      'fear is a messenger, not a master: we can thank it and still walk forward',
      'true protection is a mind that does not add panic to danger',
      'courage is not the absence of fear but the presence of love larger than the fear',
    ],
  },
  {
    id: 'wisdom',
    keywords: ['wisdom', 'wise', 'clarity', 'clear', 'study', 'exam', 'decision', 'decide', 'understand', 'insight', 'learn', 'focus', 'confus', 'truth', 'knowledge'],
    deities: ['manjushri'],
    frequencies: [852, 963, 40],
    gifts: ['clarity', 'discernment', 'a mind that sees things as they are', 'the right words at the right time', 'understanding that ripens into kindness'],
    afflictions: ['confusion', 'doubt that goes round in circles', 'a restless, scattered mind', 'hasty judgement'],
    questions: [
      'What do you already know, beneath the noise of your thinking?',
      'Which of your certainties could you hold a little more lightly?',
      'What would a wise friend say to you about this?',
      'Is your mind looking for an answer, or for a way to stop feeling uncertain?',
    ],
    insights: [
      'wisdom is not knowing more but seeing more clearly what is already here',
      'a muddy pond becomes clear not by stirring but by being left still',
      'the sharpest sword of Manjushri cuts only one thing: the belief that our confusion is solid',
    ],
  },
  {
    id: 'obstacles',
    keywords: ['obstacle', 'block', 'stuck', 'change', 'transition', 'job', 'lost', 'beginning', 'begin', 'transform', 'success', 'project', 'move', 'moving', 'direction'],
    deities: ['guruRinpoche', 'tara'],
    frequencies: [417, 10, 194.18],
    gifts: ['a path that opens', 'steadiness through change', 'the strength to transform difficulty', 'favourable conditions', 'trust in the way ahead'],
    afflictions: ['obstacles', 'inner resistance', 'circumstances that block the way', 'discouragement'],
    questions: [
      'What is this obstacle asking you to learn?',
      'Which part of the difficulty is outside you, and which part is the story you tell about it?',
      'What is the smallest next step that is truly yours to take?',
      'How might this change be carrying something you cannot see yet?',
    ],
    insights: ['obstacles are the path, not a detour from it', 'the lotus grows from mud, and without the mud there would be no lotus', 'what blocks the river also shapes it'],
  },
  {
    id: 'prosperity',
    keywords: ['prosper', 'abundan', 'money', 'wealth', 'livelihood', 'business', 'work', 'career', 'generos', 'financ', 'harvest'],
    deities: ['tara', 'guruRinpoche'],
    frequencies: [417, 10, 194.18],
    gifts: ['right livelihood', 'enough and more to share', 'generosity that flows both ways', 'meaningful work', 'contentment'],
    afflictions: ['scarcity', 'worry about tomorrow', 'grasping', 'poverty'],
    questions: [
      'What is enough, for you, today?',
      'Where does your work already benefit others?',
      'What would you give if you were not afraid of running out?',
      'What wealth do you have that cannot be counted?',
    ],
    insights: ['generosity is the seed and prosperity the harvest', 'contentment is the greatest wealth, because it is never stolen', 'what we share multiplies; what we clutch grows small'],
  },
  {
    id: 'compassion',
    keywords: [
      'compassion',
      'kind',
      'love',
      'heart',
      'relationship',
      'family',
      'friend',
      'partner',
      'child',
      'mother',
      'father',
      'sister',
      'brother',
      'gratitude',
      'grateful',
      'thank',
      'lonel',
      'connect',
    ],
    deities: ['chenrezig', 'tara'],
    frequencies: [639, 528, 10],
    gifts: ['tenderness', 'warm connection', 'understanding', 'a heart that stays open', 'love without conditions'],
    afflictions: ['loneliness', 'hardness of heart', 'misunderstanding', 'distance between people who love each other'],
    questions: [
      'Who has been kind to you without being asked?',
      'Can you wish for someone difficult the same happiness you wish for yourself?',
      'What does your heart feel like when it is open, and when it closes?',
      'How would you speak to yourself if you were someone you loved?',
    ],
    insights: [
      'every being we meet wants happiness and does not want to suffer, exactly as we do',
      'compassion is not pity from above but recognition from beside',
      'the heart is a muscle that grows stronger each time we let it open',
    ],
  },
  {
    id: 'peace',
    keywords: ['peace', 'calm', 'anxi', 'stress', 'rest', 'sleep', 'quiet', 'stillness', 'world', 'harmony', 'relax', 'overwhelm', 'tension', 'balance', 'serenity'],
    deities: ['chenrezig', 'tara', 'amitabha'],
    frequencies: [528, 639, 7.83],
    gifts: ['peace', 'deep rest', 'a quiet mind', 'ease', 'harmony between all beings'],
    afflictions: ['restlessness', 'anxiety', 'conflict', 'the weight of too many thoughts'],
    questions: [
      'What is already at peace in you, underneath the agitation?',
      'What would you put down if you knew you could pick it up again later?',
      'Is there one breath, right now, in which nothing needs to be fixed?',
      'How does peace in you reach the people around you?',
    ],
    insights: [
      'peace is not made; it is uncovered when we stop adding to the noise',
      'the ocean is restless on the surface and still in its depths, and the mind is the same',
      'peace in the world begins as peace in one heart and spreads like warmth from a fire',
    ],
  },
];

/** The theme used when no keyword matches. */
export const defaultThemeId = 'peace';
