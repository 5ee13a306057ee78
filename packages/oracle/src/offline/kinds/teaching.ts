import type { ComposeContext } from '../compose-context';
import type { Rules } from '../grammar';

/** Grammar of short dharma talks: an opening, an image, what it means, a practice, encouragement. */
export const teachingRules: Rules = {
  'teaching.opening': [
    'Often we come to practice wanting something to change. So let us begin with the wish that brought you here: {$intentionYou}.',
    'There is something simple I would like us to look at together: {insight}.',
    'Let us spend a few minutes with {$quality}, and with your wish, {$intentionYou}.',
  ],
  'teaching.image': [
    'Think of a glass of muddy water. If you keep stirring it, trying to make it clear, it stays cloudy. Set it down, leave it alone, and the mud settles by itself.',
    'Think of the sky. Clouds come and go, storms pass through, and yet the sky is never torn or stained by any of it.',
    'Consider a lamp carried into a room that has been dark for a thousand years. The darkness does not need a thousand years to leave; it leaves the moment the lamp is lit.',
    'Think of a prayer wheel. The one who turns it does not read every mantra inside; each turn sends all of them out at once. Small, faithful actions, repeated, carry more than we can see.',
    'Consider a seed. It does not become a tree in one afternoon of effort. It needs soil, water and time, and it needs to be left alone to grow.',
    'Think of a river meeting a rock. The water does not fight; it goes around, over and through, and in time the rock itself is shaped by the water’s patience.',
  ],
  'teaching.meaning': ['Our minds are like this. {^insight}.', 'This is how {$quality} grows in us. {^insight}.', 'So it is with your wish. {^insight}.'],
  'teaching.deity': [
    '{$Deity} is not only a figure outside us. {$Deity} is a picture of our own {$quality}, fully awake, and when we recite {$mantra} we are remembering who we already are.',
    'The tradition gives us {$deity}, {epithet}, as a mirror: in that face we see the {$quality} we are trying to grow.',
  ],
  'teaching.deity.secular': [
    'None of this needs special beliefs. It asks only that we look honestly, and that we are kind to what we find.',
    'The qualities we admire in the wise are not foreign to us; they are our own, waiting to be practised.',
  ],
  'teaching.practice': [
    'Here is a practice for the coming days. When you notice {affliction} arising, pause. Take one slow breath. Silently recite {$mantra}, and let the mantra hold what you cannot hold by yourself.',
    'Try this: each morning, before the day takes hold of you, sit for three breaths and set your intention. Each evening, look back gently and notice where {gift} appeared, even for a moment.',
    'When {affliction} comes, do not argue with it and do not obey it. Name it softly, feel it in the body, and let a few breaths pass. Then ask what {gift} would look like in this very moment.',
  ],
  'teaching.practice.secular': [
    'Here is a practice for the coming days. When you notice {affliction} arising, pause. Take one slow breath, and silently say: may I meet this with kindness.',
    'Try this: each morning, before the day takes hold of you, sit for three breaths and set your intention. Each evening, look back gently and notice where {gift} appeared, even for a moment.',
    'When {affliction} comes, do not argue with it and do not obey it. Name it softly, feel it in the body, and let a few breaths pass. Then ask what {gift} would look like in this very moment.',
  ],
  'teaching.closing': [
    'Do not expect great changes at once. Practice is like water dripping into a jar: drop by drop, it fills.',
    'Be patient with yourself. The path is walked one breath at a time, and every breath counts.',
    'Whatever you notice, be kind to it. That kindness is already the practice.',
  ],
};

/** Composes a teaching. */
export function composeTeaching(c: ComposeContext): string {
  const g = c.grammar;
  const opening = [c.moment.sentence ? `${c.moment.sentence}.` : '', g.rule('teaching.opening')].filter(Boolean).join(' ');
  const paragraphs = [opening, `${g.rule('teaching.image')} ${g.rule('teaching.meaning')}`];
  if (c.length !== 'short') paragraphs.push(g.rule('teaching.deity'));
  if (c.length === 'long') paragraphs.push(`${g.rule('teaching.image')} ${g.rule('teaching.meaning')}`);
  paragraphs.push(g.rule('teaching.practice'));
  if (c.length === 'long') paragraphs.push(g.rule('teaching.practice'));
  paragraphs.push(g.rule('teaching.closing'));
  return paragraphs.join('\n\n');
}
