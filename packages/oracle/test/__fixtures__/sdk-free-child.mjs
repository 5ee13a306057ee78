// Child of optional-sdks.test.ts: `node sdk-free-child.mjs <oracle bundle> <mode>`. A module hook records
// every resolution of the vendor SDKs and, in mode `missing`, makes them unresolvable as on a machine
// where they were never installed. Prints one JSON line of what it saw.
import { register } from 'node:module';
import { MessageChannel } from 'node:worker_threads';

const [bundle, mode] = process.argv.slice(2);
const hooks = `
let port;
const SDKS = new Set(['openai', '@anthropic-ai/sdk']);
export function initialize(data) {
  port = data.port;
  // a flush request is answered after every resolution reported before it (one port keeps its order)
  port.on('message', (id) => port.postMessage({ flushed: id }));
  port.unref();
}
export async function resolve(specifier, context, next) {
  const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0];
  if (SDKS.has(name)) {
    port.postMessage(specifier);
    if (${JSON.stringify(mode)} === 'missing') throw Object.assign(new Error("Cannot find package '" + name + "'"), { code: 'ERR_MODULE_NOT_FOUND' });
  }
  return next(specifier, context);
}`;
const { port1, port2 } = new MessageChannel();
const resolved = [];
const flushes = new Map();
port1.on('message', (message) => (typeof message === 'string' ? resolved.push(message) : flushes.get(message.flushed)?.()));
register(`data:text/javascript,${encodeURIComponent(hooks)}`, { data: { port: port2 }, transferList: [port2] });
/** Resolves once every resolution the hook saw so far has been received here: an event, not a guessed delay. */
const turn = () =>
  new Promise((done) => {
    const id = flushes.size + 1;
    flushes.set(id, done);
    port1.postMessage(id);
  });

const oracle = await import(bundle);
const { createVajra } = oracle.testKernel;
const out = { afterImport: [] };
await turn();
out.afterImport = [...resolved];

const offlineOnly = oracle.createOracle();
out.offlineText = (await offlineOnly.generate({ kind: 'blessing', intention: 'a safe journey' })).text.length > 0;
out.offlinePlan = (await offlineOnly.plan({ intention: 'peace', duration: 600 })).duration;
await turn();
out.afterOffline = [...resolved];

if (mode !== 'missing') {
  process.stdout.write(`${JSON.stringify(out)}\n`);
  process.exit(0);
}

const configured = oracle.createOracle({ providers: [oracle.openai({ apiKey: 'sk-proj-0123456789abcdefSECRET' }), oracle.anthropic({ apiKey: 'sk-ant-api03-0123456789SECRET' })], retries: 0 });
out.health = (await configured.health({ probe: false })).map(({ provider, ok, code, message }) => ({ provider, ok, code, message }));
const answer = await configured.generate({ kind: 'prayer', intention: 'healing' });
out.answer = { provider: answer.provider, attempts: answer.attempts.map((a) => `${a.provider}:${a.code}`) };

const warnings = [];
const logger = { debug() {}, info() {}, error() {}, warn: (message, fields) => warnings.push({ message, ...fields }), child: () => logger };
const vajra = createVajra({ plugins: [oracle.oraclePlugin()], logger, env: {}, config: { oracle: { anthropic: { apiKey: 'sk-ant-api03-0123456789SECRET' } } } });
await vajra.start();
out.startWarnings = warnings.filter((w) => w.provider === 'anthropic' && w.code !== undefined).map(({ code, problem }) => ({ code, problem }));
await vajra.stop();
await turn();
out.resolved = [...new Set(resolved)];
process.stdout.write(`${JSON.stringify(out)}\n`);
process.exit(0);
