// The parts of firmata-io (which ships no types) this package uses.
declare module 'firmata-io' {
  import type { EventEmitter } from 'node:events';

  interface FirmataOptions {
    reportVersionTimeout?: number;
    samplingInterval?: number;
    skipCapabilities?: boolean;
  }

  class Firmata extends EventEmitter {
    constructor(transport: EventEmitter & { write(data: Buffer, callback?: () => void): void }, options?: FirmataOptions);
    readonly isReady: boolean;
    readonly buffer: number[];
    readonly MODES: { INPUT: 0; OUTPUT: 1; ANALOG: 2; PWM: 3; PULLUP: 11 };
    readonly pins: Array<{ supportedModes: number[]; mode?: number; value: number; analogChannel: number }>;
    readonly analogPins: number[];
    firmware: { name?: string; version?: { major: number; minor: number } };
    pinMode(pin: number, mode: number): void;
    digitalWrite(pin: number, value: 0 | 1): void;
    pwmWrite(pin: number, value: number): void;
    reportAnalogPin(pin: number, value: 0 | 1): void;
    reportDigitalPin(pin: number, value: 0 | 1): void;
    queryFirmware(callback: () => void): void;
    setSamplingInterval(interval: number): void;
  }

  const firmataIo: ((transport: unknown) => typeof Firmata) & { Firmata: typeof Firmata };
  export default firmataIo;
}
