import { z } from 'zod';

const port = z.string().min(1).max(300);

/**
 * Configuration of the hardware plugin (`createVajra({ config: { hardware: {...} } })` or
 * `VAJRA_HARDWARE__*` variables: `VAJRA_HARDWARE__LEVEL=3`, `VAJRA_HARDWARE__AMPLIFIER_CONNECTED=true`,
 * `VAJRA_HARDWARE__PORTS__RELAY=/dev/serial/by-id/usb-1a86_USB_Serial-if00-port0`,
 * `VAJRA_HARDWARE__PORTS__DMX=tcp://ser2net.local:3001`).
 *
 * @example
 * ```ts
 * hardwareConfigSchema.parse({ level: 1, amplifierConnected: true, ports: { relay: '/dev/ttyUSB0' } });
 * ```
 */
export const hardwareConfigSchema = z
  .object({
    /** The seed's HARDWARE_LEVEL: 0 speakers only, 1 amplifier relay, 2 + transducer, 3 + lights. */
    level: z
      .number()
      .int()
      .min(0)
      .max(3)
      .default(0)
      .transform((value) => value as 0 | 1 | 2 | 3),
    /** The seed's AMPLIFIER_CONNECTED. */
    amplifierConnected: z.boolean().default(false),
    /** Seconds the amplifier is on before a session's audio starts (the audio plugin waits for them, however soon a session starts). */
    preRoll: z.number().min(0).max(60).default(2),
    /** Seconds the amplifier stays on after the audio's fade-out. */
    postRoll: z.number().min(0).max(600).default(5),
    /** Seconds of the audio's fade-out after a session ends (the audio plugin's `fadeOut`). */
    fadeOut: z.number().min(0).max(60).default(3),
    /** Seconds a created session may wait for its start with the amplifier on. */
    armFor: z.number().min(0).max(3600).default(60),
    /** Real ports of the standard room (a path, or `tcp://host:port` for ser2net); the rest are simulated. */
    ports: z.object({ relay: port.optional(), dmx: port.optional(), rng: port.optional(), firmata: port.optional() }).strict().default({}),
    /** Simulate the devices of the standard room that have no port (default true). */
    simulate: z.boolean().default(true),
    rngModel: z.enum(['truerng', 'onerng']).default('truerng'),
    dmxChannels: z.number().int().min(24).max(512).default(24),
    /** The `vajra.wheels` wheel the physical prayer wheel's rotations are added to. */
    wheelId: z.string().min(1).max(200).optional(),
    /** Motor speed of the physical wheel while a session runs, 0–1. */
    wheelSpeed: z.number().min(0).max(1).default(0.5),
    /** Seed of the simulated devices. */
    seed: z.number().int().default(1),
  })
  .strict();

/**
 * Parsed hardware plugin configuration (defaults applied).
 *
 * @example
 * ```ts
 * const config: HardwareConfig = hardwareConfigSchema.parse({ level: 1, amplifierConnected: true, ports: { relay: '/dev/ttyUSB0' } });
 * config.preRoll; // 2 (seconds)
 * const { devices, roles } = standardRoom(config, systemClock);
 * ```
 */
export type HardwareConfig = z.output<typeof hardwareConfigSchema>;
/**
 * Hardware plugin configuration as written (`createVajra({ config: { hardware } })` or `VAJRA_HARDWARE__*` variables).
 *
 * @example
 * ```ts
 * const hardware: HardwareConfigInput = { level: 3, amplifierConnected: true, ports: { dmx: 'tcp://ser2net.local:3001' }, dmxChannels: 48, postRoll: 10 };
 * const vajra = createVajra({ plugins: [hardwarePlugin()], config: { hardware } });
 * ```
 */
export type HardwareConfigInput = z.input<typeof hardwareConfigSchema>;
