import type { ComposeContext } from '../compose-context';
import type { Rules } from '../grammar';

/** Grammar of contemplations: a frame, questions held in silence, a closing. */
export const contemplationRules: Rules = {
  'contemplation.frame': [
    'This is a contemplation, not an exam. Read each question slowly, then let it sink in, the way a stone sinks through clear water. You do not need to answer quickly, or at all.',
    'Sit comfortably and let a few breaths pass. We will hold your wish, {$intentionYou}, and look at it from several sides.',
    'Take your time with what follows. Let each reflection open something rather than settle something.',
  ],
  'contemplation.bridge': ['Stay with this for a while.', 'Notice what arises, in the mind and in the body.', 'Let the question do its work.', 'There is no wrong answer.'],
  'contemplation.insight': ['Consider, too, that {insight}.', 'The teachers remind us that {insight}.'],
  'contemplation.closing': [
    'Whatever you found, or did not find, is enough for today. Let the questions keep working quietly in the background, like yeast in bread.',
    'Close by resting a few breaths without any question at all. {$mantra}.',
  ],
  'contemplation.closing.secular': [
    'Whatever you found, or did not find, is enough for today. Let the questions keep working quietly, like yeast in bread.',
    'Close by resting a few breaths without any question at all.',
  ],
};

/** Composes a contemplation (questions separated by short pauses). */
export function composeContemplation(c: ComposeContext): string {
  const g = c.grammar;
  const count = { short: 2, medium: 3, long: 4 }[c.length];
  const frame = [c.moment.sentence ? `${c.moment.sentence}.` : '', g.rule('contemplation.frame')].filter(Boolean).join(' ');
  const paragraphs = [frame];
  for (let i = 0; i < count; i++) paragraphs.push(`${g.rule('question')} ${g.rule('contemplation.bridge')}\n[pause ${c.length === 'long' ? 45 : 30}s]`);
  if (c.length !== 'short') paragraphs.push(g.rule('contemplation.insight'));
  paragraphs.push(g.rule('contemplation.closing'));
  return paragraphs.join('\n\n');
}
