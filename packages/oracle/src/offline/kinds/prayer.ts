import type { ComposeContext } from '../compose-context';
import type { Rules } from '../grammar';

/** Grammar of prayers: invocation, intention, petitions, widening to all beings, mantra, closing. */
export const prayerRules: Rules = {
  'prayer.invocation': [
    '{^epithet}, {$deity}, you who {deed}, turn your gaze toward us now.',
    'We take refuge in the Buddha, the Dharma and the Sangha until awakening, and we call upon {$deity}, {epithet}.',
    'To {$deity}, {epithet}, we bow with body, speech and mind.',
    '{$Deity}, embodiment of {$quality}, you who {deed}: we turn to you with open hands.',
  ],
  'prayer.invocation.secular': [
    'Let us pause, gather our attention, and bring to mind all that is good and wise in the world.',
    'With a quiet mind and an open heart, we turn toward what is deepest in us.',
    'May the kindness of all who have walked this way before us be with us now.',
  ],
  'prayer.intention': [
    'We come before you carrying this wish: {$Intention}.',
    'In our hearts we hold one wish, and we place it in your care: {$Intention}.',
    'This is what we ask, simply and with our whole heart: {$Intention}.',
  ],
  'prayer.intention.secular': ['We hold in our hearts this wish: {$Intention}.', 'Here is what we bring to this moment: {$Intention}.'],
  'prayer.petition': [
    'Where there is {affliction}, may there be {gift}.',
    'Shine on all we hold in mind with {light}, and let {affliction} dissolve in it like frost in the morning sun.',
    'Grant {gift}, and grant {gift} as well, not because we have earned them but because your compassion knows no conditions.',
    'When {affliction} returns, may we remember this moment and turn again toward {gift}.',
    'May those who give care be given patience and skill, and may no one walk through this alone.',
  ],
  'prayer.petition.secular': [
    'Where there is {affliction}, may there be {gift}.',
    'May all we hold in mind be bathed in {light}, and may {affliction} melt in it like frost in the morning sun.',
    'May {gift} come, and {gift} with it, freely, as rain falls on every field alike.',
    'When {affliction} returns, may we remember this moment and turn again toward {gift}.',
    'May those who give care be given patience and skill, and may no one walk through this alone.',
  ],
  'prayer.widening': [
    'And not for us alone: may every being who knows {affliction}, in every land and every realm, find {gift} as well.',
    'Just as we wish this for the ones we love, may it come to all beings without exception, friend, stranger and enemy alike.',
    'May this wish travel outward like ripples on a still lake, until it touches every shore.',
  ],
  'prayer.reflection': ['We know that {insight}.', 'We remember that {insight}, and so we do not ask for the world to be other than it is; we ask for the strength to meet it well.'],
  'prayer.mantra': [
    'With trust, we recite your mantra: {$mantra}. {$mantra}. {$mantra}.',
    'We join our voices to the sound of your mantra and let it carry what words cannot: {$mantra}.',
    'Turning the wheel of your mantra, we say: {$mantra}.',
  ],
  'prayer.mantra.secular': ['We rest for a few breaths in silence, letting the wish settle into the heart.', 'Breathing in, we receive this wish; breathing out, we send it into the world.'],
  'prayer.closing': ['May it be so.', 'May all be auspicious. Sarva Mangalam.', 'May it be so, for the benefit of all beings.'],
  'prayer.closing.secular': ['May it be so.', 'May all beings be happy.'],
};

/** Composes a prayer. */
export function composePrayer(c: ComposeContext): string {
  const g = c.grammar;
  const petitions = { short: 1, medium: 2, long: 4 }[c.length];
  const paragraphs: string[] = [];
  paragraphs.push([g.rule('prayer.invocation'), c.length !== 'short' && c.moment.sentence ? `${c.moment.sentence}.` : ''].filter(Boolean).join(' '));
  const middle = [g.rule('prayer.intention')];
  for (let i = 0; i < petitions; i++) middle.push(g.rule('prayer.petition'));
  paragraphs.push(middle.join(' '));
  if (c.length !== 'short') paragraphs.push([c.length === 'long' ? g.rule('prayer.reflection') : '', g.rule('prayer.widening')].filter(Boolean).join(' '));
  paragraphs.push(`${g.rule('prayer.mantra')} ${g.rule('prayer.closing')}`);
  return paragraphs.join('\n\n');
}
