import { z } from 'zod';
import { pictureContext } from '../options/picture-context';
import { pictureOptionsShape, sizeSchema } from '../options/picture-options';
import { createRandom } from '../random/create-random';
import { hashToken } from '../random/hash-string';
import { element } from '../svg/element';
import { svgDocument } from '../svg/svg-document';
import { drawMotif, MOTIFS, type Motif } from './mandala-motifs';

const SYMMETRIES = [6, 8, 9, 10, 12, 16, 18, 24] as const;

/**
 * Options of {@link mandala}.
 *
 * @example
 * ```ts
 * mandalaOptionsSchema.parse({ intention: 'peace for all beings', size: 600 });
 * ```
 */
export const mandalaOptionsSchema = z
  .object({
    /** The intention the picture is grown from: the same words (after Unicode normalisation and whitespace folding) always give the same mandala. */
    intention: z.string().trim().min(1).max(500),
    size: sizeSchema,
    /** Fold of rotational symmetry (default: chosen by the intention among 6, 8, 9, 10, 12, 16, 18, 24). */
    symmetry: z.number().int().min(3).max(48).optional(),
    /** Rings around the centre (default: chosen by the intention, 4–7). */
    rings: z.number().int().min(1).max(12).optional(),
    ...pictureOptionsShape,
  })
  .strict();

/**
 * What {@link mandala} accepts (validated by {@link mandalaOptionsSchema}).
 *
 * @example
 * ```ts
 * const options: MandalaOptions = { intention: 'may all beings be happy', size: 800, symmetry: 12, rings: 6, theme: 'saffron', title: 'Mandala of loving-kindness' };
 * const svg = mandala(options);
 * ```
 */
export type MandalaOptions = z.input<typeof mandalaOptionsSchema>;

/** The intention as hashed: NFC, whitespace folded. */
export function normaliseIntention(intention: string): string {
  return intention.normalize('NFC').trim().replace(/\s+/g, ' ');
}

/**
 * A mandala grown from an intention: a stable hash of the words seeds a PRNG that chooses the fold of
 * symmetry, the rings and their widths, a motif for each ring (petals, rounded petals, dots, zigzag,
 * scallops, lattice, rays, circles), their rotations and colours from the theme. The same intention
 * always gives the same picture, byte for byte; every ring has the chosen n-fold symmetry.
 *
 * @example
 * ```ts
 * import { mandala } from '@vajra-stream/visuals';
 * const svg = mandala({ intention: 'May all beings be free from suffering', theme: 'dark' });
 * ```
 */
export function mandala(options: MandalaOptions): string {
  // normalised before anything else, so the same words give the same bytes (ids included)
  const input = typeof options?.intention === 'string' ? { ...options, intention: normaliseIntention(options.intention) } : options;
  const { options: o, theme, idPrefix } = pictureContext('mandala', mandalaOptionsSchema, input);
  const intention = o.intention;
  const random = createRandom(`mandala\u0000${intention}`);
  const symmetry = o.symmetry ?? random.pick(SYMMETRIES);
  const rings = o.rings ?? random.integer(4, 7);
  const centre = o.size / 2;
  const outer = o.size / 2 - o.size * 0.04;
  const core = outer * random.between(0.08, 0.14);
  const weights = Array.from({ length: rings }, () => random.between(0.7, 1.5));
  const total = weights.reduce((sum, w) => sum + w, 0);
  const paletteOffset = random.integer(0, theme.palette.length - 1);
  const strokeWidth = Math.max(0.5, o.size / 400);
  const body: string[] = [];
  const chosen: Motif[] = [];
  let inner = core;
  weights.forEach((weight, index) => {
    const width = ((outer - core) * weight) / total;
    const motif = random.pick(MOTIFS.filter((m) => m !== chosen.at(-1)));
    chosen.push(motif);
    const fold = symmetry * (index > 1 && random.next() < 0.3 ? 2 : 1);
    const band = {
      cx: centre,
      cy: centre,
      inner: inner + width * 0.06,
      outer: inner + width * 0.94,
      count: fold,
      phase: index % 2 === 1 ? Math.PI / fold : 0,
      color: theme.palette[(paletteOffset + index) % theme.palette.length]!,
      stroke: theme.foreground,
      strokeWidth,
    };
    body.push(drawMotif(motif, band, random));
    body.push(element('circle', { cx: centre, cy: centre, r: inner + width, fill: 'none', stroke: theme.muted, 'stroke-width': strokeWidth }));
    inner += width;
  });
  body.unshift(element('circle', { cx: centre, cy: centre, r: core, fill: theme.palette[paletteOffset]!, 'fill-opacity': 0.35, stroke: theme.foreground, 'stroke-width': strokeWidth }));
  body.push(element('circle', { cx: centre, cy: centre, r: core * 0.25, fill: theme.accent }));
  body.push(element('circle', { cx: centre, cy: centre, r: outer + o.size * 0.012, fill: 'none', stroke: theme.foreground, 'stroke-width': strokeWidth * 2 }));
  return svgDocument({
    width: o.size,
    height: o.size,
    theme,
    idPrefix,
    title: o.title ?? `Mandala for “${intention}”`,
    description: o.description ?? `A mandala grown from the intention “${intention}”: ${symmetry}-fold symmetry, ${rings} ring${rings === 1 ? '' : 's'} (${chosen.join(', ')}) around the bindu.`,
    body,
    data: { symmetry, seed: hashToken(intention) },
  });
}
