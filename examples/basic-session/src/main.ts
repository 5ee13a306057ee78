/**
 * The main job until the server lands: a kernel on the SQLite store runs a short session with a
 * prayer wheel attached, and prints what happened. Run it twice: counts accumulate in ./data/vajra.db.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { createConsoleLogger, createVajra } from '@vajra-stream/core';
import { createSqliteStore } from '@vajra-stream/store-sqlite';

const dataDir = resolve(process.env.VAJRA_DATA_DIR ?? 'data');
mkdirSync(dataDir, { recursive: true });
const seconds = Number(process.env.SESSION_SECONDS ?? 5);

const store = createSqliteStore({ path: resolve(dataDir, 'vajra.db') });
const vajra = createVajra({ store, logger: createConsoleLogger({ level: 'warn' }), config: { wheels: { tickIntervalMs: 250 } } });
await vajra.start();

const say = (line: string) => console.log(`${new Date().toISOString().slice(11, 23)}  ${line}`);
vajra.events.on('session:started', ({ session }) => say(`session started: "${session.intention}" for ${session.duration} s`));
vajra.events.on('wheel:started', ({ wheel }) => say(`wheel "${wheel.name}" spinning at ${wheel.rpm} rpm (${wheel.mantra.text})`));
vajra.events.on('wheel:rotated', (e) => say(`  rotations ${e.rotations}  recitations ${e.recitations}`));

const session = await vajra.sessions.create({ intention: 'May all beings be free from suffering', duration: seconds, audioType: 'prayer_bowl', frequencies: [136.1, 528] });
const wheel = await vajra.wheels.create({ mantra: 'chenrezig', copiesPerRotation: 1_000_000, rpm: 120, sessionId: session.id });
const completed = new Promise<void>((done) => vajra.events.once('session:completed', () => done()));
await vajra.sessions.start(session.id);
await completed;

const finished = await vajra.sessions.get(session.id);
const stats = await vajra.wheels.stats(wheel.id);
const dedication = await vajra.wheels.dedicate(wheel.id, 'By this merit may all beings attain enlightenment.');
const totals = await vajra.wheels.stats();
say(`session ${finished.status} at ${finished.completedAt} after ${finished.elapsedTime.toFixed(3)} s`);
say(`wheel: ${stats.rotations} rotations, ${stats.recitations} recitations of ${wheel.mantra.text}`);
say(`dedicated at ${dedication.at}: "${dedication.text}"`);
say(`all wheels in ${store.kind} store: ${totals.wheels} wheels, ${totals.recitations} recitations in all`);
await vajra.stop();
await store.close();
