import * as z from 'zod/mini';

/**
 * How a keyframe is reached from the previous one.
 *
 * @example
 * curveSchema.parse('exponential');
 */
export const curveSchema = z.enum(['linear', 'exponential', 'step']);

/**
 * One automation point. `at` is in seconds from the start of the layer; `curve` says how the value
 * travels from the previous keyframe to this one.
 *
 * @example
 * keyframeSchema.parse({ at: 10, value: 432, curve: 'exponential' });
 */
export const keyframeSchema = z.strictObject({
  at: z.number().check(z.gte(0)),
  value: z.number(),
  curve: z._default(curveSchema, 'linear'),
});

/**
 * A keyframe as accepted in a program.
 *
 * @example
 * ```ts
 * const rise: Keyframe = { at: 10, value: 432, curve: 'exponential' }; // 432 Hz 10 s into the layer, reached on an exponential path
 * const program: ProgramInput = { duration: 20, layers: [{ kind: 'tone', frequency: [{ at: 0, value: 216, curve: 'linear' }, rise] }] };
 * ```
 */
export type Keyframe = z.infer<typeof keyframeSchema>;

const keyframesSchema = z.array(keyframeSchema).check(
  z.minLength(1),
  z.refine((frames) => frames.every((frame, index) => index === 0 || frame.at >= frames[index - 1]!.at), {
    message: 'keyframes must be sorted by `at`',
  }),
);

/**
 * A numeric parameter: a constant or a list of keyframes.
 *
 * @example
 * paramSchema.parse([{ at: 0, value: 200 }, { at: 30, value: 100, curve: 'exponential' }]);
 */
export const paramSchema = z.union([z.number(), keyframesSchema]);

/**
 * A numeric parameter: a number or keyframes.
 *
 * @example
 * ```ts
 * const glide: Param = [
 *   { at: 0, value: 200, curve: 'linear' },
 *   { at: 30, value: 100, curve: 'exponential' },
 * ]; // Hz; `at` in seconds from the layer's start
 * const wav = renderToWav({ duration: 30, layers: [{ kind: 'tone', frequency: glide }, { kind: 'noise', gain: 0.1 }] });
 * ```
 */
export type Param = z.infer<typeof paramSchema>;

/** A parameter whose every value must be strictly positive (frequencies, rates). */
export function positiveParam() {
  return paramSchema.check(z.refine((param) => (typeof param === 'number' ? param > 0 : param.every((frame) => frame.value > 0)), { message: 'value must be > 0' }));
}

/** A parameter whose every value must be >= 0 (gains). */
export function nonNegativeParam() {
  return paramSchema.check(z.refine((param) => (typeof param === 'number' ? param >= 0 : param.every((frame) => frame.value >= 0)), { message: 'value must be >= 0' }));
}

/** A parameter whose every value must lie in [-1, 1] (pan). */
export function panParam() {
  return paramSchema.check(z.refine((param) => (typeof param === 'number' ? Math.abs(param) <= 1 : param.every((frame) => Math.abs(frame.value) <= 1)), { message: 'pan must be within [-1, 1]' }));
}
