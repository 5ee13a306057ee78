import type { Random } from './random';

/** Named alternatives; each alternative may reference `{rule}` or `{$variable}`; `{^rule}` capitalises. */
export type Rules = Record<string, readonly string[]>;

/**
 * A tiny generative grammar. Alternatives of a rule are drawn without replacement within one
 * composition (a deck per rule, reshuffled when empty), so a text does not repeat itself.
 */
export interface Grammar {
  /** Expands a template string. */
  expand(template: string): string;
  /** Expands one rule by name. */
  rule(name: string): string;
  /** Whether a rule exists (with the variant suffix applied). */
  has(name: string): boolean;
}

/**
 * Creates a grammar over `rules` with variables; `variant` (e.g. `secular`) prefers `name.variant`
 * rules where they exist.
 *
 * @example
 * ```ts
 * const g = createGrammar({ greet: ['Hello {$name}', 'Welcome, {$name}'] }, { name: 'friend' }, createRandom(1));
 * g.rule('greet');
 * ```
 */
export function createGrammar(rules: Rules, variables: Record<string, string>, random: Random, variant?: string): Grammar {
  const decks = new Map<string, string[]>();
  const resolve = (name: string): string | undefined => {
    if (variant && rules[`${name}.${variant}`]) return `${name}.${variant}`;
    return rules[name] ? name : undefined;
  };
  const draw = (name: string): string => {
    const key = resolve(name);
    if (key === undefined) throw new Error(`unknown grammar rule "${name}"`);
    let deck = decks.get(key);
    if (!deck || deck.length === 0) {
      deck = random.shuffle(rules[key]!);
      decks.set(key, deck);
    }
    return deck.pop()!;
  };
  const expand = (template: string, depth = 0): string => {
    if (depth > 12) throw new Error('grammar recursion too deep');
    return template.replace(/\{(\^?)(\$?)([a-zA-Z][\w.]*)\}/g, (_match, caps: string, isVariable: string, name: string) => {
      let value: string;
      if (isVariable) {
        value = variables[name] ?? '';
      } else {
        value = expand(draw(name), depth + 1);
      }
      return caps && value ? value[0]!.toUpperCase() + value.slice(1) : value;
    });
  };
  return {
    expand: (template) => tidy(expand(template)),
    rule: (name) => tidy(expand(`{${name}}`)),
    has: (name) => resolve(name) !== undefined,
  };
}

/** Collapses doubled spaces and stray spaces before punctuation left by empty variables. */
export function tidy(text: string): string {
  return text
    .replace(/[ \t]{2,}/g, ' ')
    .replace(/ ([,.;:!?])/g, '$1')
    .replace(/,,/g, ',')
    .replace(/\.\./g, '.')
    .replace(/^ +| +$/gm, '');
}
