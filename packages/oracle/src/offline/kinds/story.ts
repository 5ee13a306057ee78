import { createGrammar, type Rules } from '../grammar';
import type { ComposeContext } from '../compose-context';

interface Character {
  name: string;
  intro: string;
  they: string;
  them: string;
  their: string;
}

const CHARACTERS: readonly Character[] = [
  { name: 'Pema', intro: 'an old woman named Pema, who kept a small tea house at the foot of the pass', they: 'she', them: 'her', their: 'her' },
  { name: 'Tenzin', intro: 'a young monk named Tenzin, who was quick to learn and quicker to worry', they: 'he', them: 'him', their: 'his' },
  { name: 'Dolma', intro: 'a herder named Dolma, who spent the summers alone with her yaks on the high pastures', they: 'she', them: 'her', their: 'her' },
  { name: 'Karma', intro: 'a ferryman named Karma, who carried travellers across the wide grey river', they: 'he', them: 'him', their: 'his' },
  { name: 'Yeshe', intro: 'a nun named Yeshe, who carved mantras into flat stones and set them by the roadside', they: 'she', them: 'her', their: 'her' },
  { name: 'Norbu', intro: 'a merchant named Norbu, who travelled the salt roads with a string of mules', they: 'he', them: 'him', their: 'his' },
];

/** Grammar of teaching stories: a seeker, a long effort, a meeting, a turn, and what it means for us. */
export const storyRules: Rules = {
  'story.start': ['Long ago, in a valley high in the mountains, there lived {$intro}.', 'There was once {$intro}.', 'In a village where the wind never quite stopped, there lived {$intro}.'],
  'story.longing': [
    'More than anything, {$they} longed for {gift}, for {$their} heart was troubled by {affliction}.',
    '{^$they} carried one wish everywhere, the way others carry a knife or a purse: {gift}.',
  ],
  'story.effort': [
    'Every day {$they} turned the great prayer wheel by the monastery gate, counting the turns on a string of beads.',
    'Every morning {$they} recited {$mantra} thousands of times, until {$their} voice grew hoarse.',
    'Before dawn each day {$they} walked around the stupa, circling it again and again in the cold.',
  ],
  'story.effort.secular': [
    'Every day {$they} sat in silence before dawn, counting breaths as carefully as a merchant counts coins.',
    'Each morning {$they} walked the long path around the lake, repeating good wishes for everyone {$they} knew.',
  ],
  'story.frustration': [
    'But {affliction} did not leave. If anything, {$name} grew more anxious, counting and measuring, wondering whether any of it was working.',
    'Yet the more {$they} tried, the tighter {$their} heart became, as if the wish itself had become one more burden.',
  ],
  'story.meeting': ['One evening {$they} met {teacher}, sitting quietly by the stream.', 'One winter {$they} climbed to the cave of {teacher}, and sat down, and said nothing for a long time.'],
  teacher: ['an old lama who had spent many years in retreat', 'a wandering yogini with laughing eyes', 'a hermit who had not left the mountain in twenty years'],
  'story.question': [
    '“Why do you practise?” the old one asked. “For {gift},” {$name} answered. “And when will you have enough of it?” {$name} could not reply.',
    '“You look like someone carrying water in a sieve,” the old one said kindly. “Tell me what you are trying to hold.”',
  ],
  'story.lesson': [
    'The old one pointed at the stream. “Look. The water does not hurry, and it does not stop. It does not ask whether it is reaching the sea. It simply keeps flowing, and the sea receives it.”',
    'The old one poured tea until the cup overflowed. “A full cup cannot receive. Put down the counting. Let the practice be a gift you give, not a price you pay.”',
    'The old one lit a butter lamp and set it between them. “This little flame does not try to end the darkness of the whole mountain. It only burns. And look: for us, the darkness is gone.”',
  ],
  'story.turn': [
    'From that day {$name} still practised, but differently: without counting, without bargaining, {$their} attention resting on the beings {$they} prayed for rather than on the result.',
    '{$name} went home and began again, slowly, as if each repetition were the first and the only one.',
  ],
  'story.resolution': [
    'Years later, people came from far away just to sit with {$them}, and they said that in {$their} presence {affliction} seemed to lose its grip. {$name} had found {gift}, though not in the way {$they} had expected.',
    'In time {$name} noticed that {gift} had come quietly, like dawn, without announcing itself, and had been there for a while before {$they} even looked for it.',
  ],
  'story.moral': [
    'And so it is with us. As you hold your own wish, {$intention}, remember: {insight}.',
    'May your own practice be like this. Hold your wish, {$intention}, gently, and remember that {insight}.',
  ],
};

/** Composes a teaching story. */
export function composeStory(c: ComposeContext): string {
  const character = c.random.pick(CHARACTERS);
  // the story's own grammar: the shared rules plus the character's pronouns
  const g = c.grammar;
  const cast = createGrammar(
    { ...storyRules, gift: c.theme.gifts, affliction: c.theme.afflictions, insight: c.theme.insights },
    { ...character, name: character.name, mantra: c.deity?.mantra ?? '', intention: g.expand('{$intentionYou}') },
    c.random,
    c.secular ? 'secular' : undefined,
  );
  const paragraphs = [
    `${cast.rule('story.start')} ${cast.rule('story.longing')}`,
    `${cast.rule('story.effort')} ${cast.rule('story.frustration')}`,
    `${cast.rule('story.meeting')} ${cast.rule('story.question')}`,
    cast.rule('story.lesson'),
  ];
  if (c.length === 'long') paragraphs.push(cast.rule('story.lesson'));
  paragraphs.push(c.length === 'short' ? cast.rule('story.resolution') : `${cast.rule('story.turn')} ${cast.rule('story.resolution')}`);
  paragraphs.push(cast.rule('story.moral'));
  return paragraphs.join('\n\n');
}
