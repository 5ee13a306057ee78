import { execFile } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ip = (...args: string[]) => run('ip', args);

/** A second network host: a network namespace joined to this one by a veth pair, made and removed by the test. */
export interface SecondHost {
  /** This machine's address on the link (listen on it or on 0.0.0.0). */
  localAddress: string;
  /** The namespace's own address: requests from it arrive with this remote address. */
  peerAddress: string;
  /** Run `node -e script` inside the namespace; resolves with its standard output. */
  node(script: string): Promise<string>;
  remove(): Promise<void>;
}

/**
 * Create the namespace and the veth pair on a random 10.231.x.y/30 link (needs root and iproute2's `ip`).
 */
export async function createSecondHost(): Promise<SecondHost> {
  const tag = `${process.pid % 10_000}${randomInt(100, 999)}`;
  const namespace = `vajra-peer-${tag}`;
  const outside = `vjo${tag}`;
  const inside = `vji${tag}`;
  const base = randomInt(0, 16_384) * 4;
  const address = (offset: number) => `10.231.${Math.floor((base + offset) / 256)}.${(base + offset) % 256}`;
  const localAddress = address(1);
  const peerAddress = address(2);
  const remove = async (): Promise<void> => {
    await ip('netns', 'del', namespace).catch(() => undefined); // takes the inside end, and with it the pair
    await ip('link', 'del', outside).catch(() => undefined);
  };
  try {
    await ip('netns', 'add', namespace);
    await ip('link', 'add', outside, 'type', 'veth', 'peer', 'name', inside);
    await ip('link', 'set', inside, 'netns', namespace);
    await ip('addr', 'add', `${localAddress}/30`, 'dev', outside);
    await ip('link', 'set', outside, 'up');
    await ip('netns', 'exec', namespace, 'ip', 'addr', 'add', `${peerAddress}/30`, 'dev', inside);
    await ip('netns', 'exec', namespace, 'ip', 'link', 'set', inside, 'up');
    await ip('netns', 'exec', namespace, 'ip', 'link', 'set', 'lo', 'up');
  } catch (error) {
    await remove();
    throw error;
  }
  return {
    localAddress,
    peerAddress,
    async node(script) {
      const { stdout } = await run('ip', ['netns', 'exec', namespace, process.execPath, '--input-type=module', '-e', script], { timeout: 60_000 });
      return stdout;
    },
    remove,
  };
}
