import { createFdLease, type FdLease } from './fd-lease';
import type { SerialBinding } from './transport';

/**
 * `binding` whose opened port lends its file descriptor out ({@link FdLease}, given to `onLease`) and
 * revokes that lease — waiting for a write in progress on another thread to end — before it closes the fd,
 * whoever closes it (a requested close, or serialport's own on a hang-up or a read error). A port without
 * a numeric fd (a mocked binding) is returned as it is and `onLease` is not called.
 */
export function leasingBinding(binding: SerialBinding, onLease: (lease: FdLease) => void): SerialBinding {
  return {
    list: () => binding.list(),
    async open(options) {
      const port = (await binding.open(options)) as { fd?: unknown; close(): Promise<void> };
      if (typeof port?.fd !== 'number') return port;
      const lease = createFdLease(port.fd);
      onLease(lease);
      const close = async (): Promise<void> => {
        await lease.revoke();
        return port.close();
      };
      return new Proxy(port, {
        get(target, key) {
          if (key === 'close') return close;
          const value: unknown = Reflect.get(target, key, target);
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
    },
  };
}
