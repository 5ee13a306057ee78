import type { Theme } from '../theme/themes';
import { element } from './element';
import { escapeXml } from './escape-xml';

/** What {@link svgDocument} wraps. */
export interface SvgDocumentInput {
  width: number;
  height: number;
  theme: Theme;
  title: string;
  description: string;
  idPrefix: string;
  /** Serialised elements drawn over the background. */
  body: string | readonly string[];
  /** Serialised `<defs>` content (clip paths, gradients). */
  defs?: string;
  /** `data-*` attributes on the root (figures a reader or a test may want: the Sri Yantra's residual, a Chladni mode). */
  data?: Record<string, string | number>;
}

/**
 * A complete, standalone SVG document: `role="img"` with `<title>` and `<desc>` referenced by
 * `aria-labelledby`, the theme's background, and the body.
 *
 * @example
 * ```ts
 * svgDocument({ width: 64, height: 64, theme: THEMES.light, title: 'Dot', description: 'One dot', idPrefix: 'dot', body: '<circle cx="32" cy="32" r="4"/>' });
 * ```
 */
export function svgDocument(input: SvgDocumentInput): string {
  const { width, height, theme, idPrefix } = input;
  const data = Object.fromEntries(Object.entries(input.data ?? {}).map(([key, value]) => [`data-${key}`, value]));
  const root = {
    xmlns: 'http://www.w3.org/2000/svg',
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    role: 'img',
    'aria-labelledby': `${idPrefix}-title ${idPrefix}-desc`,
    'font-family': theme.fontFamily,
    ...data,
  };
  const parts = [
    `<title id="${idPrefix}-title">${escapeXml(input.title)}</title>`,
    `<desc id="${idPrefix}-desc">${escapeXml(input.description)}</desc>`,
    input.defs ? `<defs>${input.defs}</defs>` : '',
    theme.background === 'none' ? '' : element('rect', { width, height, fill: theme.background }),
    typeof input.body === 'string' ? input.body : input.body.join(''),
  ];
  return `${element('svg', root, parts)}\n`;
}
