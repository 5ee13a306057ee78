import type { ComposeContext } from '../compose-context';
import type { Rules } from '../grammar';

/** Grammar of blessings: an opening, "may you" lines, the wish itself and a sealing line. */
export const blessingRules: Rules = {
  'blessing.opening': [
    'May the blessings of {$deity}, {epithet}, rest upon you.',
    'Receive this blessing, offered with a whole heart and in the presence of {$deity}.',
    'In the name of {$deity}, {epithet}, may you be blessed.',
  ],
  'blessing.opening.secular': ['Receive this blessing, offered with a whole heart.', 'May this blessing find you wherever you are.'],
  'blessing.line': [
    'May {gift} find you and stay with you.',
    'May you be free from {affliction}.',
    'May you know {gift} in the quiet hours and in the difficult ones.',
    'May you be surrounded by {light}, wherever the road goes.',
    'May the people around you be kind, and may you be kind to them.',
    'May you rest when you are tired, and rise when it is time to rise.',
    'May your heart stay open, even where it is tender.',
    'May what is heavy become light, and what is tangled come loose.',
  ],
  'blessing.intention': ['And may this wish be fulfilled: {$Intention}.', 'May this, above all, come to pass: {$Intention}.'],
  'blessing.seal': ['{$mantra}. May it be so.', 'Sarva Mangalam: may all be auspicious. {$mantra}.', '{$mantra}. May every blessing ripen.'],
  'blessing.seal.secular': ['May it be so.', 'Go gently. May it be so.'],
};

/** Composes a blessing. */
export function composeBlessing(c: ComposeContext): string {
  const g = c.grammar;
  const count = { short: 3, medium: 5, long: 8 }[c.length];
  const lines: string[] = [];
  for (let i = 0; i < count; i++) lines.push(g.rule('blessing.line'));
  const head = [c.moment.opening ? `${c.moment.opening} ${lowerFirst(g.rule('blessing.opening'))}` : g.rule('blessing.opening')];
  return [head.join(' '), lines.join('\n'), `${g.rule('blessing.intention')}\n${g.rule('blessing.seal')}`].join('\n\n');
}

function lowerFirst(text: string): string {
  return /^(May|Receive|In) /.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
}
