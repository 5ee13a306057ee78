import { z } from 'zod';
import { THEME_NAMES } from '../theme/themes';

/**
 * Largest width or height of a picture, px.
 *
 * @example
 * ```ts
 * sriYantra({ size: Math.min(requested, MAX_PICTURE_SIZE) });
 * ```
 */
export const MAX_PICTURE_SIZE = 4096;

const colorSchema = z
  .string()
  .max(64)
  .regex(/^(#[0-9a-fA-F]{3,4}|#[0-9a-fA-F]{6}|#[0-9a-fA-F]{8}|[a-zA-Z]{3,24}|(rgb|rgba|hsl|hsla)\([-0-9.,%\s/a-z]{1,48}\))$/, 'a CSS colour (#hex, a name, rgb() or hsl())');
const hexColorSchema = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a #rrggbb colour');

/**
 * A theme option: a built-in theme's name, or some colours over one (`base`, default `light`).
 *
 * @example
 * ```ts
 * themeSchema.parse({ base: 'dark', accent: '#ff9933' });
 * ```
 */
export const themeSchema = z.union([
  z.enum(THEME_NAMES),
  z
    .object({
      base: z.enum(THEME_NAMES).optional(),
      background: colorSchema.optional(),
      foreground: colorSchema.optional(),
      muted: colorSchema.optional(),
      grid: colorSchema.optional(),
      accent: colorSchema.optional(),
      palette: z.array(colorSchema).min(4).max(16).optional(),
      ramp: z.array(hexColorSchema).min(2).max(16).optional(),
      fontFamily: z
        .string()
        .regex(/^[\w\s,'"-]{1,200}$/, 'font names, commas and quotes')
        .optional(),
    })
    .strict(),
]);

/** Options every picture accepts. */
export const pictureOptionsShape = {
  theme: themeSchema.optional(),
  /** `<title>` of the picture (its accessible name); each picture has a default. */
  title: z.string().max(200).optional(),
  /** `<desc>` of the picture; each picture has a default that says what it shows. */
  description: z.string().max(2000).optional(),
  /** Prefix of the ids inside the SVG (default: derived from the input, so two different pictures inlined in one page never clash). */
  idPrefix: z
    .string()
    .regex(/^[A-Za-z][\w-]{0,40}$/)
    .optional(),
};

/** The `size` option of square pictures (px, default 512). */
export const sizeSchema = z.number().int().min(16).max(MAX_PICTURE_SIZE).default(512);
/** The `width` / `height` options of plots (px). */
export const dimensionSchema = (fallback: number) => z.number().int().min(64).max(MAX_PICTURE_SIZE).default(fallback);
