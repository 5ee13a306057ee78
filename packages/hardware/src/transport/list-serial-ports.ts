import { access, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { SerialPort } from 'serialport';
import type { SerialBinding, SerialPortInfo } from './transport';

/**
 * One serial port found on this machine, as {@link listSerialPorts} lists it.
 *
 * @example
 * ```ts
 * const ports: SerialPortEntry[] = await listSerialPorts();
 * // [{ path: '/dev/ttyUSB0', source: 'system', manufacturer: '1a86', vendorId: '1a86', productId: '7523' },
 * //  { path: '/dev/serial/by-id/usb-1a86_USB_Serial-if00-port0', source: 'by-id' }]
 * const stable = ports.filter((port) => port.source === 'by-id').map((port) => port.path);
 * ```
 */
export interface SerialPortEntry {
  path: string;
  /** Where the entry came from: the operating system's enumeration, `/dev/serial/by-id`, or the configuration. */
  source: 'system' | 'by-id' | 'configured';
  manufacturer?: string;
  serialNumber?: string;
  vendorId?: string;
  productId?: string;
}

/**
 * Options of {@link listSerialPorts}.
 *
 * @example
 * ```ts
 * const options: ListSerialPortsOptions = { configuredPaths: ['/dev/ttyACM0'], byIdFolder: '/dev/serial/by-id' };
 * const ports = await listSerialPorts(options);
 * ```
 */
export interface ListSerialPortsOptions {
  /** Paths named in the configuration: listed when they exist, whatever the enumeration says. */
  configuredPaths?: readonly string[];
  binding?: Pick<SerialBinding, 'list'>;
  /** Folder of stable links (default `/dev/serial/by-id`). */
  byIdFolder?: string;
}

/**
 * The serial ports of this machine. `SerialPort.list()` needs udev and throws in containers and CI;
 * then (and always, in addition) the links in `/dev/serial/by-id` and the configured paths that exist
 * are listed, so a configured device is never reported missing because enumeration failed.
 *
 * @example
 * ```ts
 * const ports = await listSerialPorts({ configuredPaths: ['/dev/ttyUSB0'] });
 * ```
 */
export async function listSerialPorts(options: ListSerialPortsOptions = {}): Promise<SerialPortEntry[]> {
  const { configuredPaths = [], binding = SerialPort.binding, byIdFolder = '/dev/serial/by-id' } = options;
  const found = new Map<string, SerialPortEntry>();
  const system: SerialPortInfo[] = await binding.list().catch(() => []);
  for (const port of system) found.set(port.path, { path: port.path, source: 'system', ...vendorFields(port) });
  const links = await readdir(byIdFolder).catch(() => [] as string[]);
  for (const name of links.sort()) {
    const path = join(byIdFolder, name);
    if (!found.has(path)) found.set(path, { path, source: 'by-id' });
  }
  for (const path of configuredPaths) {
    if (found.has(path)) continue;
    const exists = await access(path).then(
      () => true,
      () => false,
    );
    if (exists) found.set(path, { path, source: 'configured' });
  }
  return [...found.values()];
}

function vendorFields(port: SerialPortInfo): Omit<SerialPortEntry, 'path' | 'source'> {
  const fields: Omit<SerialPortEntry, 'path' | 'source'> = {};
  if (port.manufacturer) fields.manufacturer = port.manufacturer;
  if (port.serialNumber) fields.serialNumber = port.serialNumber;
  if (port.vendorId) fields.vendorId = port.vendorId;
  if (port.productId) fields.productId = port.productId;
  return fields;
}
