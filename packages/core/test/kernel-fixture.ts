import { createVajra, type CreateVajraOptions, type Store, type Vajra, type VajraEventName } from '../src/index';
import { createManualClock, type ManualClock } from '../src/testing/index';
import { createMemoryStore, silentLogger } from '../src/index';

/** A started kernel on a manual clock and a memory store, recording every event it emits. */
export interface Fixture {
  vajra: Vajra;
  clock: ManualClock;
  store: Store;
  events: Array<{ name: VajraEventName; payload: unknown }>;
}

export const START = Date.UTC(2026, 10, 24, 6, 0, 0);

export async function startKernel(options: Partial<CreateVajraOptions> & { clock?: ManualClock } = {}): Promise<Fixture> {
  const clock = options.clock ?? createManualClock(START);
  const store = options.store ?? createMemoryStore();
  const vajra = createVajra({ logger: silentLogger, env: {}, ...options, clock, store });
  const events: Fixture['events'] = [];
  vajra.events.onAny((name, payload) => void events.push({ name, payload: structuredClone(payload) }));
  await vajra.start();
  return { vajra, clock, store, events };
}

export const codeOf = async (work: () => Promise<unknown>): Promise<unknown> => {
  try {
    await work();
  } catch (error) {
    return (error as { code?: unknown }).code;
  }
  return 'no error';
};
