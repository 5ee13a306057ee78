/**
 * The colours and font of a picture.
 *
 * @example
 * ```ts
 * const theme: Theme = THEMES.saffron;
 * document.body.style.background = theme.background; // the page around the picture in the picture's colours
 * const svg = sriYantra({ size: 600, theme: 'saffron' });
 * ```
 */
export interface Theme {
  /** Fill behind the picture; `none` leaves it transparent. */
  background: string;
  /** Main lines and text. */
  foreground: string;
  /** Secondary lines and labels. */
  muted: string;
  /** Grid and guide lines. */
  grid: string;
  /** Highlights: peaks, the bindu, retrograde marks. */
  accent: string;
  /** Colours for families of elements (fire/earth/air/water, mandala rings); at least four. */
  palette: readonly string[];
  /** Anchors of the colour ramp of heat maps, low to high (`#rrggbb`). */
  ramp: readonly string[];
  /** CSS font-family list for text and glyphs. */
  fontFamily: string;
}

/**
 * Names of the built-in themes.
 *
 * @example
 * ```ts
 * for (const theme of THEME_NAMES) flowerOfLife({ theme });
 * ```
 */
export const THEME_NAMES = ['light', 'dark', 'saffron'] as const;

/**
 * The name of a built-in theme (see {@link THEMES}).
 *
 * @example
 * ```ts
 * const theme: ThemeName = window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
 * const svg = seedOfLife({ size: 256, theme });
 * ```
 */
export type ThemeName = (typeof THEME_NAMES)[number];

// DejaVu Sans first: it carries every astrological glyph used here and is what the PNG tests load.
const FONTS = "'DejaVu Sans', 'Noto Sans Symbols', 'Segoe UI Symbol', 'Noto Sans', sans-serif";

/**
 * The built-in themes: `light` (ink on paper), `dark` (for screens at night), `saffron` (the red, gold
 * and maroon of painted yantras).
 *
 * @example
 * ```ts
 * const { accent } = THEMES.saffron; // '#d81b1b': page elements in the colours of the pictures
 * flowerOfLife({ theme: { base: 'dark', accent: '#ff9933' } }); // the dark theme with another accent
 * ```
 */
export const THEMES: Readonly<Record<ThemeName, Theme>> = {
  light: {
    background: '#fdfbf7',
    foreground: '#1f2430',
    muted: '#6b7080',
    grid: '#d9d6cf',
    accent: '#c2410c',
    palette: ['#c2410c', '#4d7c0f', '#0e7490', '#6d28d9', '#b45309', '#be185d'],
    ramp: ['#fdfbf7', '#f3d9a4', '#e59a4c', '#c2410c', '#6b1d0e', '#1f0a05'],
    fontFamily: FONTS,
  },
  dark: {
    background: '#0f1117',
    foreground: '#e8e6e1',
    muted: '#9aa0ad',
    grid: '#2b2f3a',
    accent: '#f5b942',
    palette: ['#f87171', '#a3e635', '#67e8f9', '#c4b5fd', '#fbbf24', '#f9a8d4'],
    ramp: ['#0f1117', '#2a1848', '#6a1d6e', '#b8324f', '#f07f2c', '#fbe36b'],
    fontFamily: FONTS,
  },
  saffron: {
    background: '#fff4d6',
    foreground: '#7a1212',
    muted: '#a4582a',
    grid: '#efd08a',
    accent: '#d81b1b',
    palette: ['#d81b1b', '#e08a00', '#1d6b3a', '#1e3a8a', '#7a1212', '#c026d3'],
    ramp: ['#fff4d6', '#ffd166', '#f4842a', '#d81b1b', '#7a1212', '#2b0505'],
    fontFamily: FONTS,
  },
};
