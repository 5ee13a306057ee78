// Throughput of the offline composer and planner (no network). Prints one JSON line.
import { createOracle, offline, textKinds } from '../src/index';

const oracle = createOracle({ fallback: offline() });
const intentions = ['healing for my sister', 'peace in the world', 'clarity for my exams', 'courage for a new job', 'I am grieving my father'];

async function timeIt(rounds: number, fn: (i: number) => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 20; i++) await fn(i); // warm-up
  const started = performance.now();
  for (let i = 0; i < rounds; i++) await fn(i);
  return (performance.now() - started) / rounds;
}

const perKind: Record<string, number> = {};
for (const kind of textKinds) {
  const ms = await timeIt(300, (i) => oracle.generate({ kind, intention: intentions[i % intentions.length]!, length: 'long' }));
  perKind[kind] = Math.round((1000 / ms) * 10) / 10;
}
const planMs = await timeIt(200, (i) => oracle.plan({ intention: intentions[i % intentions.length]!, duration: 60 * (5 + (i % 60)) }));
const streamMs = await timeIt(200, async (i) => {
  let n = 0;
  for await (const part of oracle.stream({ kind: 'meditation', intention: intentions[i % intentions.length]!, duration: 1200 })) if (part.type === 'delta') n++;
  return n;
});
console.log(
  JSON.stringify({ bench: 'oracle-offline', textsPerSecond: perKind, planMs: Math.round(planMs * 1000) / 1000, streamMeditationMs: Math.round(streamMs * 1000) / 1000, node: process.version }),
);
