import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SerialPortMock } from 'serialport';
import { afterEach, describe, expect, it } from 'vitest';
import { listSerialPorts } from './list-serial-ports';
import { serialTransport } from './serial-transport';
import { defaultSerialSettings } from './transport';

afterEach(() => SerialPortMock.binding.reset());

describe('serialTransport with an injected binding', () => {
  it('opens with the driver settings overridden by the transport options, and moves bytes both ways', async () => {
    SerialPortMock.binding.createPort('/dev/ttyMOCK0', { echo: true, record: true });
    const transport = serialTransport({ path: '/dev/ttyMOCK0', baudRate: 115200, binding: SerialPortMock.binding });
    expect(await transport.present()).toBe(true);
    const connection = await transport.open({ ...defaultSerialSettings, baudRate: 9600, parity: 'even' });
    // A mocked port has no fd to lend (a DMX driver writes its frames from the main thread there).
    expect(connection.fdLease).toBeUndefined();
    const received: number[] = [];
    connection.onData((bytes) => received.push(...bytes));
    let closedWith: Error | undefined | null = null;
    connection.onClose((error) => (closedWith = error));
    await connection.write(Uint8Array.of(0xa0, 0x01, 0x01, 0xa2));
    await expect.poll(() => received).toEqual([0xa0, 0x01, 0x01, 0xa2]);
    await connection.close();
    expect(closedWith).toBeUndefined();
    await expect(connection.write(Uint8Array.of(1))).rejects.toThrow(/closed/);
  });

  it('rejects the open of a port that is not there', async () => {
    const transport = serialTransport({ path: '/dev/ttyNOPE', binding: SerialPortMock.binding });
    await expect(transport.open(defaultSerialSettings)).rejects.toThrow();
  });
});

describe('listSerialPorts', () => {
  it('falls back to /dev/serial/by-id and configured paths when enumeration throws (no udev)', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'vajra-list-'));
    try {
      const byId = join(folder, 'by-id');
      const configured = join(folder, 'ttyUSB7');
      await writeFile(configured, '');
      await import('node:fs/promises').then(({ mkdir }) => mkdir(byId));
      await symlink(configured, join(byId, 'usb-1a86_USB_Serial-if00-port0'));
      const failing = { list: () => Promise.reject(new Error('udevadm: not found')) };
      const ports = await listSerialPorts({ binding: failing, byIdFolder: byId, configuredPaths: [configured, join(folder, 'missing')] });
      expect(ports).toEqual([
        { path: join(byId, 'usb-1a86_USB_Serial-if00-port0'), source: 'by-id' },
        { path: configured, source: 'configured' },
      ]);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('lists what the binding enumerates with its vendor fields', async () => {
    SerialPortMock.binding.createPort('/dev/ttyMOCK1', { manufacturer: 'Arduino (www.arduino.cc)', vendorId: '2341', productId: '0043' });
    const ports = await listSerialPorts({ binding: SerialPortMock.binding, byIdFolder: '/nonexistent' });
    expect(ports).toEqual([expect.objectContaining({ path: '/dev/ttyMOCK1', source: 'system', manufacturer: 'Arduino (www.arduino.cc)', vendorId: '2341', productId: '0043' })]);
  });
});
