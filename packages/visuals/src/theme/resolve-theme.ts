import { THEMES, type Theme, type ThemeName } from './themes';

/**
 * A theme by name, or a partial theme over a named one (`base`, default `light`).
 *
 * @example
 * ```ts
 * const theme = { base: 'saffron', accent: '#b91c1c', fontFamily: 'Noto Serif, serif' } satisfies ThemeInput;
 * const svg = sriYantra({ size: 600, theme });
 * ```
 */
export type ThemeInput = ThemeName | (Partial<Theme> & { base?: ThemeName });

/**
 * The full theme for a theme option.
 *
 * @example
 * ```ts
 * resolveTheme({ base: 'dark', accent: '#ff9933' }).background; // '#0f1117'
 * ```
 */
export function resolveTheme(input: ThemeInput | undefined): Theme {
  if (input === undefined) return THEMES.light;
  if (typeof input === 'string') return THEMES[input];
  const { base, ...overrides } = input;
  const defined = Object.fromEntries(Object.entries(overrides).filter(([, value]) => value !== undefined));
  return { ...THEMES[base ?? 'light'], ...defined };
}
