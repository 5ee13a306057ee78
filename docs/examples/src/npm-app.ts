// An app on the npm packages: a durable kernel with the audio, astrology and oracle plugins plans a
// session offline, plays it with a prayer wheel attached, and prints what happens.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { astrologyPlugin } from '@vajra-stream/astrology';
import { audioPlugin } from '@vajra-stream/audio';
import { createConsoleLogger, createVajra } from '@vajra-stream/core';
import { oraclePlugin } from '@vajra-stream/oracle';
import { createSqliteStore } from '@vajra-stream/store-sqlite';

const dataDir = process.env.VAJRA_DATA_DIR ?? './data';
mkdirSync(dataDir, { recursive: true });
const store = createSqliteStore({ path: join(dataDir, 'app.db') });
const vajra = createVajra({
  store,
  plugins: [audioPlugin(), astrologyPlugin(), oraclePlugin()],
  config: { audio: { spectrumRate: 4 } },
  logger: createConsoleLogger({ level: 'warn' }),
});
await vajra.start();

const moon = vajra.plugin('astrology').currentMoonPhase();
const plan = await vajra.plugin('oracle').plan({ intention: 'peace for all beings', duration: Number(process.env.SESSION_SECONDS ?? 60) });
console.log(`moon: ${moon.name}; plan: "${plan.title}", ${plan.program.layers.length} audio layers, mantra ${plan.mantra.text}`);

const session = await vajra.sessions.create({ intention: plan.intention, duration: plan.duration, program: plan.program });
const wheel = await vajra.wheels.create({ mantra: 'chenrezig', copiesPerRotation: 1000, rpm: 60, sessionId: session.id });
let loudest = 0;
vajra.events.on('audio:spectrum', (frame) => {
  loudest = Math.max(loudest, frame.peaks[0]?.frequency ?? 0);
});
const completed = new Promise<void>((done) => vajra.events.once('session:completed', () => done()));
await vajra.sessions.start(session.id);
await completed;

const stats = await vajra.wheels.stats(wheel.id);
console.log(`session completed after ${(await vajra.sessions.get(session.id)).elapsedTime} s`);
console.log(`wheel: ${stats.rotations} rotations, ${stats.recitations} recitations; strongest partial heard ${loudest.toFixed(1)} Hz`);
console.log(`dedication: ${(await vajra.wheels.dedicate(wheel.id, plan.dedication)).text}`);
await vajra.stop();
await store.close();
