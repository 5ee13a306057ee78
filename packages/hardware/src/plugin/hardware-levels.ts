/**
 * Which outputs a session drives.
 *
 * @example
 * ```ts
 * const profile: HardwareProfile = vajra.plugin('hardware').setLevel({ level: 2, amplifierConnected: false });
 * // { level: 2, amplifierConnected: false, amplifier: false, transducer: true, lights: false }
 * ```
 */
export interface HardwareProfile {
  /** 0 speakers only; 1 + amplifier relay; 2 + transducer; 3 + lights. */
  level: 0 | 1 | 2 | 3;
  amplifierConnected: boolean;
  /** Switch the amplifier relay on before a session's audio and off after its fade-out. */
  amplifier: boolean;
  /** Switch the transducer (bed or chair shaker) relay with the session. */
  transducer: boolean;
  /** Lights follow the session's state and its audio. */
  lights: boolean;
}

/**
 * The seed's `HARDWARE_LEVEL` (0–3) and `AMPLIFIER_CONNECTED` as a profile: level 0 plays through the
 * computer's speakers only; level 1 adds the amplifier relay (when an amplifier is connected), with
 * pre-roll and post-roll; level 2 adds the transducer; level 3 adds the lights.
 *
 * @example
 * ```ts
 * hardwareProfile(2, { amplifierConnected: true }); // { level: 2, amplifier: true, transducer: true, lights: false, … }
 * ```
 */
export function hardwareProfile(level: 0 | 1 | 2 | 3, options: { amplifierConnected: boolean }): HardwareProfile {
  return {
    level,
    amplifierConnected: options.amplifierConnected,
    amplifier: level >= 1 && options.amplifierConnected,
    transducer: level >= 2,
    lights: level >= 3,
  };
}
