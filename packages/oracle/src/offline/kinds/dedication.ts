import type { ComposeContext } from '../compose-context';
import type { Rules } from '../grammar';

/** Grammar of dedications of merit. */
export const dedicationRules: Rules = {
  'dedication.open': [
    'By the merit of this practice, and all the goodness gathered by ourselves and others in the past, present and future,',
    'Whatever virtue has come from this moment, however small, we do not keep it for ourselves;',
    'All the good that has been done here, every breath and every word of the mantra,',
  ],
  'dedication.open.secular': ['Whatever good has come from this time of practice,', 'All the good that has been done here, every breath and every kind thought,'],
  'dedication.wish': ['we dedicate it to this wish: {$Intention}.', 'we offer it so that this may come to pass: {$Intention}.'],
  'dedication.line': [
    'May all beings have happiness and the causes of happiness.',
    'May all beings be free from suffering and the causes of suffering.',
    'May those who suffer from {affliction} find {gift}.',
    'May precious bodhicitta arise where it has not yet arisen, and where it has arisen, may it never fade but grow ever greater.',
    'Just as {$deity} {deedPast}, may we too become a refuge for others.',
    'May this merit be like a drop of water placed in the ocean, never used up until the ocean itself runs dry.',
    'May the teachers live long and the teachings flourish in every land.',
  ],
  'dedication.line.secular': [
    'May all beings be happy.',
    'May all beings be free from suffering.',
    'May those who suffer from {affliction} find {gift}.',
    'May this good not end here, but pass from hand to hand like a lamp lighting lamps.',
    'May we meet whatever comes with patience and an open heart.',
  ],
  'dedication.close': ['May it be so.', 'Sarva Mangalam.', 'May all be auspicious.'],
  'dedication.close.secular': ['May it be so.'],
  deedPast: ['has vowed to help every being without exception', 'never turns away from those who call', 'holds all beings in mind'],
};

/** Composes a dedication of merit. */
export function composeDedication(c: ComposeContext): string {
  const g = c.grammar;
  const count = { short: 2, medium: 3, long: 5 }[c.length];
  const open = g.rule('dedication.open');
  const first = c.moment.opening && c.length !== 'short' ? `${c.moment.opening} ${open[0]!.toLowerCase()}${open.slice(1)}` : open;
  const lines: string[] = [];
  for (let i = 0; i < count; i++) lines.push(g.rule('dedication.line'));
  return [`${first} ${g.rule('dedication.wish')}`, lines.join('\n'), g.rule('dedication.close')].join('\n\n');
}
