import type { TextTask } from '../spec/oracle-task';
import { createGrammar, type Grammar, type Rules } from './grammar';
import { deities, type Deity } from './material/deities';
import { momentPhrases, type MomentPhrases } from './material/moment';
import { defaultThemeId, themes, type Theme } from './material/themes';
import { createRandom, type Random } from './random';

/** Everything a kind composer needs: chosen material, variables and a seeded grammar. */
export interface ComposeContext {
  random: Random;
  theme: Theme;
  /** Null for secular texts. */
  deity: Deity | null;
  moment: MomentPhrases;
  grammar: Grammar;
  length: 'short' | 'medium' | 'long';
  secular: boolean;
}

const SECULAR = ['secular', 'mindfulness', 'universal', 'none', 'non-religious', 'nonreligious', 'interfaith'];

/**
 * Sorts an intention into a theme by keyword (highest number of matches; earlier themes win ties).
 *
 * @example
 * ```ts
 * themeFor('healing for my sister after surgery').id; // 'healing'
 * ```
 */
export function themeFor(intention: string): Theme {
  const text = intention.toLowerCase();
  let best: Theme | undefined;
  let bestScore = 0;
  for (const theme of themes) {
    const score = theme.keywords.filter((keyword) => new RegExp(`\\b${keyword.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`).test(text)).length;
    if (score > bestScore) {
      best = theme;
      bestScore = score;
    }
  }
  return best ?? themes.find((theme) => theme.id === defaultThemeId)!;
}

/** True when a tradition name asks for texts without deities and mantras. */
export function isSecular(tradition: string | undefined): boolean {
  return tradition !== undefined && SECULAR.includes(tradition.trim().toLowerCase());
}

/**
 * Turns a first-person intention into second person for guided scripts ("my sister" → "your sister").
 *
 * @example
 * ```ts
 * toSecondPerson('I want peace for my family'); // 'you want peace for your family'
 * ```
 */
export function toSecondPerson(text: string): string {
  return text
    .replace(/\bI am\b/g, 'you are')
    .replace(/\bI'm\b/g, "you're")
    .replace(/\bI\b/g, 'you')
    .replace(/\bmyself\b/gi, 'yourself')
    .replace(/\bmy\b/gi, 'your')
    .replace(/\bmine\b/gi, 'yours')
    .replace(/\bme\b/gi, 'you');
}

/** Normalises an intention for use inside sentences: trimmed, no final punctuation, lower-case start. */
export function cleanIntention(intention: string): string {
  const trimmed = intention
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/[.!;,\s]+$/, '');
  if (/^I\b/.test(trimmed)) return trimmed;
  const [first = ''] = trimmed.split(' ');
  const isAcronymOrName = first.length > 1 && first === first.toUpperCase();
  return isAcronymOrName ? trimmed : trimmed[0]!.toLowerCase() + trimmed.slice(1);
}

/** Builds the seeded context for one composition. */
export function createComposeContext(task: TextTask, seed: string, rules: Rules): ComposeContext {
  const random = createRandom(`${seed}|${task.kind}|${task.intention}|${task.tradition ?? ''}|${task.length ?? ''}|${task.duration ?? ''}|${JSON.stringify(task.context ?? {})}`);
  const theme = themeFor(task.intention);
  const secular = isSecular(task.tradition);
  const deity = secular ? null : deities[random.pick(theme.deities)];
  const moment = momentPhrases(task.context, random);
  const cleaned = cleanIntention(task.intention);
  // a first-person statement ("I am grieving…") is quoted rather than woven into the sentence
  const statement = /^(i|i'm|we|we're)\b/i.test(cleaned);
  const intention = statement ? `${theme.gifts[0]} for the heart that says, “${capitalise(cleaned)}”` : cleaned;
  const lists: Rules = {
    gift: theme.gifts,
    affliction: theme.afflictions,
    insight: theme.insights,
    question: theme.questions,
    epithet: deity?.epithets ?? ['source of all goodness'],
    deed: deity?.deeds ?? ['wish all beings well'],
    light: deity?.lights ?? ['a warm, golden light', 'a soft and steady light, like sunlight through a window', 'a gentle light, warm as a hearth fire'],
    form: deity?.forms ?? ['a warm light, soft and golden, like the glow of a candle in a quiet room'],
  };
  const variables: Record<string, string> = {
    deity: deity?.name ?? 'the awakened heart',
    Deity: capitalise(deity?.name ?? 'the awakened heart'),
    mantra: deity?.mantra ?? 'May all beings be well',
    quality: deity?.quality ?? theme.id,
    intention,
    Intention: capitalise(intention),
    intentionYou: statement ? intention : toSecondPerson(intention),
    moment: moment.sentence,
    opening: moment.opening,
    tradition: task.tradition ?? 'Vajrayana',
  };
  const grammar = createGrammar({ ...rules, ...lists }, variables, random, secular ? 'secular' : undefined);
  return { random, theme, deity, moment, grammar, length: task.length ?? 'medium', secular };
}

/** Upper-cases the first letter. */
export function capitalise(text: string): string {
  return text ? text[0]!.toUpperCase() + text.slice(1) : text;
}
