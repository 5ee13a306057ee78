import type { FdLease } from './fd-lease';

/**
 * Line settings of a serial device (drivers give defaults, a device definition may override them).
 *
 * @example
 * ```ts
 * const settings: SerialSettings = { baudRate: 57_600, dataBits: 8, stopBits: 1, parity: 'none' }; // baud
 * const connection = await serialTransport({ path: '/dev/ttyUSB1' }).open(settings);
 * ```
 */
export interface SerialSettings {
  baudRate: number;
  dataBits: 5 | 6 | 7 | 8;
  stopBits: 1 | 1.5 | 2;
  parity: 'none' | 'even' | 'odd' | 'mark' | 'space';
}

/**
 * The serial settings most devices use: 9600 8N1.
 * @example
 * ```ts
 * const settings = { ...defaultSerialSettings, baudRate: 115_200 };
 * ```
 */
export const defaultSerialSettings: SerialSettings = { baudRate: 9600, dataBits: 8, stopBits: 1, parity: 'none' };

/**
 * One open link to a device: bytes out, bytes in, and one `close` notice when the link ends for any
 * reason (hang-up, error, or {@link Connection.close}).
 *
 * @example
 * ```ts
 * const connection = await transport.open(defaultSerialSettings);
 * connection.onData((bytes) => console.log(bytes));
 * await connection.write(Uint8Array.of(0xa0, 0x01, 0x01, 0xa2));
 * ```
 */
export interface Connection {
  /** Resolves when the bytes are handed to the operating system. */
  write(bytes: Uint8Array): Promise<void>;
  onData(listener: (bytes: Uint8Array) => void): void;
  /** Called once, when the link ends; `error` is absent for a requested close. */
  onClose(listener: (error?: Error) => void): void;
  /** Ends the link; never rejects. */
  close(): Promise<void>;
  /**
   * Changes the line speed of the open link (a serial port). Links without one (TCP, simulated) leave
   * this out.
   */
  setBaudRate?(baudRate: number): Promise<void>;
  /**
   * The link's file descriptor, lent for writes from another thread (a serial port opened through the
   * operating system's binding has one; TCP, simulated and mocked links leave this out). The link revokes
   * the lease, and waits for a write in progress to end, before it closes the fd.
   */
  readonly fdLease?: FdLease;
}

/**
 * How to reach a device: a serial port, a TCP socket (ser2net), or an in-process simulation.
 *
 * @example
 * ```ts
 * const transport = serialTransport({ path: '/dev/serial/by-id/usb-FTDI_FT232R-if00-port0' });
 * ```
 */
export interface Transport {
  /** `serial`, `tcp`, `simulated`, … */
  readonly kind: string;
  /** Where the device is (a path, `host:port`, …), for status and logs. */
  readonly address: string;
  /**
   * Whether the device is there to open (the path exists). Transports that cannot know say `true`.
   * The supervisor's watchdog polls this: serial ports do not always report an unplug.
   */
  present(): Promise<boolean>;
  /** Opens a link with the driver's serial settings (ignored where they mean nothing, as over TCP). */
  open(settings: SerialSettings): Promise<Connection>;
}

/**
 * A port as a serialport binding lists it.
 *
 * @example
 * ```ts
 * const ports: SerialPortInfo[] = await SerialPort.binding.list();
 * // [{ path: '/dev/ttyUSB0', manufacturer: '1a86', serialNumber: undefined, vendorId: '1a86', productId: '7523' }]
 * ```
 */
export interface SerialPortInfo {
  path: string;
  manufacturer?: string;
  serialNumber?: string;
  vendorId?: string;
  productId?: string;
}

/**
 * A serialport binding: the operating system's (`SerialPort.binding`, the default), `SerialPortMock.binding`
 * in unit tests, or any other `@serialport/bindings-*` implementation.
 *
 * @example
 * ```ts
 * import { SerialPortMock } from 'serialport';
 *
 * SerialPortMock.binding.createPort('/dev/ttyMOCK0', { echo: true });
 * const binding: SerialBinding = SerialPortMock.binding;
 * const transport = serialTransport({ path: '/dev/ttyMOCK0', binding });
 * ```
 */
export interface SerialBinding {
  list(): Promise<SerialPortInfo[]>;
  open(options: never): Promise<unknown>;
}
