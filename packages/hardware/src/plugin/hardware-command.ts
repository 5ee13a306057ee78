import { z } from 'zod';

/**
 * A command to one device, checked against its driver by the plugin: a relay channel, DMX levels (at
 * once or faded over `duration` seconds), a blackout, a PWM value, a digital output, a wheel's speed.
 *
 * @example
 * ```ts
 * hardwareCommandSchema.parse({ type: 'dmx', levels: { '1': 255 }, duration: 2 });
 * ```
 */
export const hardwareCommandSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('relay'), channel: z.number().int().min(1).max(8), on: z.boolean() }).strict(),
  z.object({ type: z.literal('dmx'), levels: z.record(z.string().regex(/^[1-9][0-9]{0,2}$/), z.number().int().min(0).max(255)), duration: z.number().min(0).max(3600).default(0) }).strict(),
  z.object({ type: z.literal('blackout'), duration: z.number().min(0).max(3600).default(0) }).strict(),
  z.object({ type: z.literal('pwm'), pin: z.number().int().min(0).max(127), value: z.number().int().min(0).max(255) }).strict(),
  z.object({ type: z.literal('digital'), pin: z.number().int().min(0).max(127), on: z.boolean() }).strict(),
  z.object({ type: z.literal('wheel'), speed: z.number().min(0).max(1) }).strict(),
]);

/**
 * A device command as accepted.
 *
 * @example
 * ```ts
 * const fadeIn: HardwareCommand = { type: 'dmx', levels: { '1': 255, '2': 128 }, duration: 3 }; // seconds
 * await vajra.plugin('hardware').command('dmx', fadeIn);
 * await vajra.plugin('hardware').command('relay', { type: 'relay', channel: 1, on: true });
 * await vajra.plugin('hardware').command('wheel', { type: 'wheel', speed: 0.5 }); // 0–1
 * ```
 */
export type HardwareCommand = z.input<typeof hardwareCommandSchema>;
