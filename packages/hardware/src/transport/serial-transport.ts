import { access } from 'node:fs/promises';
import { SerialPortStream } from '@serialport/stream';
import { SerialPort } from 'serialport';
import type { FdLease } from './fd-lease';
import { leasingBinding } from './leasing-binding';
import type { Connection, SerialBinding, SerialSettings, Transport } from './transport';

/**
 * Options of {@link serialTransport}: the port and any line settings that win over the driver's.
 *
 * @example
 * ```ts
 * const options: SerialTransportOptions = { path: '/dev/serial/by-id/usb-FTDI_FT232R_USB_UART_A50285BI-if00-port0', baudRate: 115_200 };
 * const device = { id: 'lights', transport: serialTransport(options), driver: enttecDmxPro() };
 * ```
 */
export interface SerialTransportOptions extends Partial<SerialSettings> {
  /** The device path; prefer a stable `/dev/serial/by-id/…` link over `/dev/ttyUSB0`. */
  path: string;
  /**
   * The serialport binding: the operating system's by default (`SerialPort.binding`), or another, such
   * as `SerialPortMock.binding` in unit tests.
   */
  binding?: SerialBinding;
}

/**
 * A serial port through serialport 13. Settings given here win over the driver's defaults.
 *
 * @example
 * ```ts
 * const transport = serialTransport({ path: '/dev/serial/by-id/usb-1a86_USB_Serial-if00-port0' });
 * const connection = await transport.open({ baudRate: 9600, dataBits: 8, stopBits: 1, parity: 'none' });
 * ```
 */
export function serialTransport(options: SerialTransportOptions): Transport {
  const { path, binding = SerialPort.binding as SerialBinding, ...overrides } = options;
  const mocked = binding !== (SerialPort.binding as SerialBinding);
  return {
    kind: 'serial',
    address: path,
    present: () =>
      mocked
        ? Promise.resolve(true)
        : access(path).then(
            () => true,
            () => false,
          ),
    open: (settings) => openSerial({ ...settings, ...definedOnly(overrides), path, binding }),
  };
}

const definedOnly = <T extends object>(value: T): Partial<T> => Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as Partial<T>;

function openSerial(options: SerialSettings & { path: string; binding: SerialBinding }): Promise<Connection> {
  return new Promise((resolve, reject) => {
    let lease: FdLease | undefined;
    const binding = leasingBinding(options.binding, (given) => (lease = given));
    const port = new SerialPortStream({ ...options, binding, autoOpen: false, endOnClose: false } as never) as SerialPortStream;
    port.on('error', () => {
      // Errors also arrive as `close` (with a DisconnectedError) or through the write callback.
    });
    port.open((error) => {
      if (error) {
        reject(error);
        return;
      }
      resolve(wrapStream(port, lease));
    });
  });
}

function wrapStream(port: SerialPortStream, lease: FdLease | undefined): Connection {
  const closeListeners: Array<(error?: Error) => void> = [];
  let ended = false;
  let requested = false;
  const finish = (error?: Error): void => {
    if (ended) return;
    ended = true;
    for (const listener of closeListeners) listener(requested ? undefined : (error ?? new Error('the serial port closed')));
  };
  port.on('close', (error: Error | null) => finish(error ?? undefined));
  port.on('end', () => {
    // A zero-byte read: the other end hung up. Close our side too.
    if (port.isOpen && !port.closing) port.close(undefined, new Error('the serial port reached end of file'));
    else finish(new Error('the serial port reached end of file'));
  });
  return {
    ...(lease === undefined ? {} : { fdLease: lease }),
    write: (bytes) =>
      new Promise((resolve, reject) => {
        if (ended || !port.isOpen) {
          reject(new Error('the serial port is closed'));
          return;
        }
        port.write(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), (error) => (error ? reject(error) : resolve()));
      }),
    setBaudRate: (baudRate) =>
      new Promise((resolve, reject) => {
        if (ended || !port.isOpen) {
          reject(new Error('the serial port is closed'));
          return;
        }
        port.update({ baudRate }, (error) => (error ? reject(error) : resolve()));
      }),
    onData: (listener) => void port.on('data', (chunk: Buffer) => listener(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength))),
    onClose: (listener) => void closeListeners.push(listener),
    close: () =>
      new Promise<void>((resolve) => {
        requested = true;
        if (ended || !port.isOpen || port.closing) {
          finish();
          resolve();
          return;
        }
        port.close(() => {
          finish();
          resolve();
        });
      }),
  };
}
