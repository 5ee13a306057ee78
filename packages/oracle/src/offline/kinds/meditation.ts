import { countWords, WORDS_PER_MINUTE } from '../../spec/guided-script';
import type { ComposeContext } from '../compose-context';
import type { Rules } from '../grammar';

/** Grammar of guided meditations (second person, with timed pauses). */
export const meditationRules: Rules = {
  'meditation.arrive': [
    'Find a posture that is upright and relaxed, as if your spine were a stack of coins, each one resting easily on the one below. Let your hands rest in your lap. Let your eyes close, or rest your gaze softly on the floor in front of you.',
    'Take a moment to settle. Sit so that you are stable, like a mountain, and at ease, like a mountain is at ease. Let the shoulders drop. Let the jaw soften.',
    'Welcome. Let yourself arrive, here, in this place and this body. Sit comfortably, back straight but not stiff, and let the hands rest wherever they are at ease.',
  ],
  'meditation.breath': [
    'Bring your attention to the breath. Do not change it; simply notice it coming in and going out, the cool air at the nostrils, the gentle rise of the belly.',
    'Feel the breath moving by itself. Each out-breath is a small letting go. Each in-breath arrives without effort, like a gift.',
    'Let your attention rest on the breath the way a bird rests on a branch: lightly, ready to fly, and yet completely there.',
  ],
  'meditation.intention': [
    'Now bring to mind the wish that brought you here today: {$intentionYou}. Hold it gently, as you would hold something fragile and precious.',
    'Recall your intention for this session: {$intentionYou}. Let it be not only for yourself, but for all who share this wish.',
  ],
  'meditation.visualise': [
    'In the space in front of you, imagine {$deity}, {form}. Do not worry about the details; a feeling of presence is enough.',
    'Slowly, in the sky before you, {$deity} appears, {form}, looking at you with complete warmth and without any judgement.',
  ],
  'meditation.visualise.secular': [
    'Imagine in front of you {form}. It is friendly, steady, and it asks nothing of you.',
    'Picture in the space before you {form}. Let it be as clear or as vague as it wants to be.',
  ],
  'meditation.light': [
    'From the heart of {$deity} streams {light}, entering through the crown of your head and filling your whole body. Wherever it touches, {affliction} softens and dissolves.',
    'Now light pours from {$deity}, {light}, and fills you, and then keeps flowing outward, to the people you hold in mind, and further, to all beings everywhere, bringing {gift}.',
  ],
  'meditation.light.secular': [
    'From it streams {light}, filling your whole body. Wherever it touches, {affliction} softens and dissolves.',
    'Now the light flows from you outward, to the people you hold in mind, and further, to all beings everywhere, bringing {gift}.',
  ],
  'meditation.mantra': [
    'Together with the light, let us recite the mantra of {$deity}, softly, at your own pace: {$mantra}. Continue on your own, in a whisper or silently, and let each repetition carry the wish.',
    'Now begin to recite the mantra, {$mantra}, softly, in time with your breath. If the mind wanders, simply return to the sound.',
  ],
  'meditation.mantra.secular': [
    'Silently repeat these phrases, at your own pace: may I be well, may you be well, may all beings be well. Let the words fall into the heart like stones into a still pond.',
    'With each out-breath, silently offer the wish: may all beings be at ease. Let the phrase and the breath become one movement.',
  ],
  'meditation.dissolve': [
    'Now {$deity} melts into light and dissolves into you, and your mind and the mind of {$deity} become one. Rest in this, without doing anything at all.',
    'Let the visualisation dissolve into light, and let that light dissolve into open space. Rest in that openness, aware and relaxed.',
  ],
  'meditation.dissolve.secular': [
    'Let the images and the words dissolve. Rest in simple awareness, without doing anything at all.',
    'Let everything settle, like snow settling in a glass globe. Rest in the quiet that remains.',
  ],
  'meditation.return': [
    'Slowly let your awareness return to the room. Feel the weight of the body, the sounds around you. Move your fingers and toes, and when you are ready, open your eyes.',
    'Begin to come back. Take a deeper breath, stretch if you like, and carry a little of this stillness with you into the rest of the day.',
  ],
  'meditation.dedicate': [
    'Before we finish, let us dedicate the good of this practice: may all beings find {gift}, and may this wish be fulfilled: {$intentionYou}.',
    'We share the merit of this meditation with all beings: may every one of them find {gift}.',
  ],
};

/** Default meditation lengths (minutes) when none is requested. */
export const meditationMinutes = { short: 5, medium: 10, long: 20 } as const;

/** Composes a guided meditation of roughly `duration` seconds, with `[pause Ns]` markers filling the silence. */
export function composeMeditation(c: ComposeContext, duration: number | undefined): string {
  const g = c.grammar;
  const target = Math.round(duration ?? meditationMinutes[c.length] * 60);
  const opening = c.moment.sentence ? `${c.moment.sentence}. ` : '';
  // [speech, pause weight]
  const steps: Array<[string, number]> = [
    [opening + g.rule('meditation.arrive'), 1],
    [g.rule('meditation.breath'), 2],
    [g.rule('meditation.intention'), 1],
    [g.rule('meditation.visualise'), 1.5],
    [g.rule('meditation.light'), 2],
    [g.rule('meditation.mantra'), 5],
    [g.rule('meditation.dissolve'), 3],
    [g.rule('meditation.dedicate'), 0.5],
    [g.rule('meditation.return'), 0],
  ];
  if (target >= 12 * 60) steps.splice(5, 0, [g.rule('meditation.light'), 2]);
  if (target >= 8 * 60) steps.splice(2, 0, [g.rule('meditation.breath'), 2]);
  const speechSeconds = steps.reduce((sum, [text]) => sum + (countWords(text) / WORDS_PER_MINUTE) * 60, 0);
  const budget = Math.max(0, target - speechSeconds);
  const weights = steps.reduce((sum, [, weight]) => sum + weight, 0);
  return steps
    .map(([text, weight]) => {
      if (weight === 0) return text;
      const seconds = Math.max(5, Math.round((budget * weight) / weights / 5) * 5);
      return `${text}\n[pause ${seconds}s]`;
    })
    .join('\n\n');
}
