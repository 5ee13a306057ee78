import { connect, type Socket } from 'node:net';
import type { Connection, Transport } from './transport';

/**
 * Options of {@link tcpTransport}.
 *
 * @example
 * ```ts
 * const options: TcpTransportOptions = { host: '192.168.1.50', port: 4001 }; // a ser2net or Moxa NPort TCP server
 * const device = { id: 'amplifier', transport: tcpTransport(options), driver: lcusRelay() };
 * ```
 */
export interface TcpTransportOptions {
  host: string;
  port: number;
}

/**
 * A serial device shared over the network as a raw TCP stream (ser2net, ESP-Link, a Moxa NPort in TCP
 * server mode). Line settings belong to the server; the driver's are ignored.
 *
 * @example
 * ```ts
 * const transport = tcpTransport({ host: 'ser2net.local', port: 3001 });
 * ```
 */
export function tcpTransport(options: TcpTransportOptions): Transport {
  const { host, port } = options;
  return {
    kind: 'tcp',
    address: `${host}:${port}`,
    present: () => Promise.resolve(true),
    open: () =>
      new Promise((resolve, reject) => {
        const socket = connect({ host, port });
        socket.setNoDelay(true);
        const onError = (error: Error) => reject(error);
        socket.once('error', onError);
        socket.once('connect', () => {
          socket.off('error', onError);
          resolve(wrapSocket(socket));
        });
      }),
  };
}

function wrapSocket(socket: Socket): Connection {
  const closeListeners: Array<(error?: Error) => void> = [];
  let lastError: Error | undefined;
  let requested = false;
  socket.on('error', (error) => {
    lastError = error;
  });
  socket.on('end', () => socket.destroy());
  socket.on('close', () => {
    const error = requested ? undefined : (lastError ?? new Error('the connection closed'));
    for (const listener of closeListeners) listener(error);
  });
  return {
    write: (bytes) =>
      new Promise((resolve, reject) => {
        if (socket.destroyed) {
          reject(new Error('the connection is closed'));
          return;
        }
        socket.write(bytes, (error) => (error ? reject(error) : resolve()));
      }),
    onData: (listener) => void socket.on('data', (chunk: Buffer) => listener(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength))),
    onClose: (listener) => void closeListeners.push(listener),
    close: () =>
      new Promise<void>((resolve) => {
        requested = true;
        if (socket.destroyed) {
          resolve();
          return;
        }
        socket.once('close', () => resolve());
        socket.destroy();
      }),
  };
}
