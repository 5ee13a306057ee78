// Requests that drive every operation of the served document: per operationId, a success and at least
// one 4xx that the operation declares. A new operation without an entry here fails the conformance test.
export const KEYS = { user: 'pema-user-key-0123456789', other: 'tenzin-user-key-0123456789', admin: 'lama-admin-key-0123456789' } as const;

/** A request for one case; `token` defaults to the user's key (`null`: none). */
export interface FixtureRequest {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  /** A body sent as is (not JSON-encoded). */
  raw?: string;
  token?: string | null;
  headers?: Record<string, string>;
}

/** What a case may prepare through the API before its request. */
export interface FixtureContext {
  /** A session of the user's (started when `start`). */
  session(start?: boolean): Promise<string>;
  /** A prayer wheel of the user's. */
  wheel(): Promise<string>;
  /** Any preparing request (user's key unless `token` says otherwise); fails the test unless it succeeds. */
  send(method: string, path: string, body?: unknown, token?: string): Promise<unknown>;
}

export interface FixtureCase {
  name: string;
  status: number;
  request?(context: FixtureContext): FixtureRequest | Promise<FixtureRequest>;
}

const ok = (request?: FixtureCase['request'], status = 200): FixtureCase => ({ name: 'success', status, request });
const refused = (status: number, name: string, request?: FixtureCase['request']): FixtureCase => ({ name, status, request });
const anonymous = refused(401, 'no credentials', () => ({ token: null }));
const wrongKey = refused(401, 'wrong key', () => ({ token: 'not-a-key-of-this-server' }));
const badId = (status = 404) => refused(status, 'unknown id', () => ({ params: { id: 'nope' } }));
const notJson = refused(415, 'not JSON', () => ({ headers: { 'content-type': 'text/plain' } }));
const unacceptable = refused(406, 'Accept refuses pictures', () => ({ headers: { accept: 'application/json' } }));

const place = { latitude: '27.7', longitude: '85.3', date: '2024-06-21T12:00:00Z' };
const tone = { duration: 1, sampleRate: 8000, layers: [{ kind: 'tone', frequency: 440 }] };
const program = { duration: 2, layers: [{ kind: 'tone', frequency: 528 }] };
const admin = { token: KEYS.admin };

/** The picture kinds' GET and POST forms: a success and a 406. */
function picture(kind: string, query: Record<string, string>, body: unknown): Record<string, FixtureCase[]> {
  const pascal = kind.replace(/(^|-)(\w)/g, (_, _dash: string, c: string) => c.toUpperCase());
  return {
    [`getVisuals${pascal}`]: [
      ok(() => ({ query })),
      { ...unacceptable, request: () => ({ query, headers: { accept: 'application/json' } }) },
      refused(422, 'invalid option', () => ({ query: { ...query, size: 'big' } })),
    ],
    [`postVisuals${pascal}`]: [
      ok(() => ({ body })),
      { ...unacceptable, request: () => ({ body, headers: { accept: 'application/json' } }) },
      refused(422, 'unknown option', () => ({ body: { ...(body as object), colour: 'red' } })),
    ],
  };
}

export const fixtures: Record<string, FixtureCase[]> = {
  getRoot: [ok(), wrongKey],
  getHealth: [ok(), wrongKey],
  getReady: [ok(), wrongKey],
  getOpenapiJson: [ok(), wrongKey],
  getDocs: [ok(), refused(403, 'Host not allowed', () => ({ headers: { host: 'rebound.attacker.example' } }))],
  getDocsAssetsByFile: [ok(() => ({ params: { file: 'docs-init.js' } })), ok(() => ({ params: { file: 'favicon-32x32.png' } })), refused(422, 'unknown file', () => ({ params: { file: 'nope.js' } }))],

  postSessions: [
    ok(() => ({ body: { intention: 'peace', duration: 600 } }), 201),
    refused(422, 'no intention', () => ({ body: { duration: 600 } })),
    anonymous,
    refused(400, 'malformed JSON', () => ({ raw: '{"intention":' })),
    refused(413, 'larger than 1 MiB', () => ({ raw: JSON.stringify({ intention: 'om '.repeat(400_000), duration: 600 }) })),
  ],
  getSessions: [ok(() => ({ query: { status: 'created,running', limit: '5' } })), refused(422, 'unknown status', () => ({ query: { status: 'sleeping' } }))],
  getSessionsById: [
    ok(async ({ session }) => ({ params: { id: await session() } })),
    badId(),
    refused(404, 'someone else’s', async ({ session }) => ({ params: { id: await session() }, token: KEYS.other })),
  ],
  putSessionsById: [
    ok(async ({ session }) => ({ params: { id: await session() }, body: { intention: 'compassion' } })),
    refused(422, 'negative duration', async ({ session }) => ({ params: { id: await session() }, body: { duration: -1 } })),
    { ...badId(), request: () => ({ params: { id: 'nope' }, body: { intention: 'x' } }) },
  ],
  patchSessionsById: [
    ok(async ({ session }) => ({ params: { id: await session() }, body: { duration: 900 } })),
    { ...badId(), request: () => ({ params: { id: 'nope' }, body: { duration: 900 } }) },
    notJson,
  ],
  deleteSessionsById: [ok(async ({ session }) => ({ params: { id: await session() } })), refused(409, 'running', async ({ session }) => ({ params: { id: await session(true) } })), badId()],
  postSessionsByIdStart: [ok(async ({ session }) => ({ params: { id: await session() } })), refused(409, 'already running', async ({ session }) => ({ params: { id: await session(true) } })), badId()],
  postSessionsByIdPause: [ok(async ({ session }) => ({ params: { id: await session(true) } })), refused(409, 'not running', async ({ session }) => ({ params: { id: await session() } })), anonymous],
  postSessionsByIdResume: [
    ok(async ({ session, send }) => {
      const id = await session(true);
      await send('POST', `/api/v1/sessions/${id}/pause`);
      return { params: { id } };
    }),
    refused(409, 'not paused', async ({ session }) => ({ params: { id: await session() } })),
  ],
  postSessionsByIdStop: [ok(async ({ session }) => ({ params: { id: await session(true) } })), badId()],

  getPrayersMantras: [ok(), wrongKey],
  postPrayersWheels: [
    ok(() => ({ body: { mantra: 'green-tara', copiesPerRotation: 1, rpm: 1 } }), 201),
    refused(404, 'unknown mantra', () => ({ body: { mantra: 'nope', copiesPerRotation: 1, rpm: 1 } })),
    refused(422, 'no rpm', () => ({ body: { mantra: 'green-tara', copiesPerRotation: 1 } })),
  ],
  getPrayersWheels: [ok(() => ({ query: { status: 'stopped' } })), refused(422, 'limit too high', () => ({ query: { limit: '5000' } }))],
  getPrayersWheelsById: [ok(async ({ wheel }) => ({ params: { id: await wheel() } })), badId()],
  deletePrayersWheelsById: [
    ok(async ({ wheel }) => ({ params: { id: await wheel() } })),
    refused(409, 'spinning', async ({ wheel, send }) => {
      const id = await wheel();
      await send('POST', `/api/v1/prayers/wheels/${id}/start`);
      return { params: { id } };
    }),
    badId(),
  ],
  postPrayersWheelsByIdStart: [ok(async ({ wheel }) => ({ params: { id: await wheel() } })), badId()],
  postPrayersWheelsByIdStop: [ok(async ({ wheel }) => ({ params: { id: await wheel() } })), badId()],
  putPrayersWheelsByIdRpm: [
    ok(async ({ wheel }) => ({ params: { id: await wheel() }, body: { rpm: 12 } })),
    refused(422, 'negative rpm', async ({ wheel }) => ({ params: { id: await wheel() }, body: { rpm: -1 } })),
  ],
  postPrayersWheelsByIdDedicate: [
    ok(async ({ wheel }) => ({ params: { id: await wheel() }, body: { text: 'May all beings be happy' } })),
    { ...badId(), request: () => ({ params: { id: 'nope' }, body: { text: 'x' } }) },
  ],
  getPrayersWheelsByIdDedications: [ok(async ({ wheel }) => ({ params: { id: await wheel() } })), badId()],
  getPrayersWheelsByIdStats: [ok(async ({ wheel }) => ({ params: { id: await wheel() } })), badId()],
  getPrayersStats: [ok(), wrongKey],

  postAudioGenerate: [
    ok(() => ({ body: { program: tone } })),
    ok(() => ({ body: { format: 'json', program: { ...tone, duration: 0.05 } } })),
    refused(422, 'too long as JSON', () => ({ body: { format: 'json', program: { ...tone, duration: 60 } } })),
  ],
  postAudioPlay: [
    refused(409, 'someone else plays', async ({ send }) => {
      await send('POST', '/api/v1/audio/stop', undefined, KEYS.admin); // the sessions started above play the user's audio
      await send('POST', '/api/v1/audio/play', { program }, KEYS.other);
      return { body: { program } };
    }),
    ok(async ({ send }) => {
      await send('POST', '/api/v1/audio/stop', undefined, KEYS.other);
      return { body: { program } };
    }),
    refused(422, 'unknown field', () => ({ body: { colour: 'red' } })),
  ],
  postAudioPause: [
    ok(),
    refused(409, 'nothing plays', async ({ send }) => {
      await send('POST', '/api/v1/audio/stop');
      return {};
    }),
  ],
  postAudioResume: [
    ok(async ({ send }) => {
      await send('POST', '/api/v1/audio/play', { program });
      await send('POST', '/api/v1/audio/pause');
      return {};
    }),
    refused(409, 'nothing plays', async ({ send }) => {
      await send('POST', '/api/v1/audio/stop');
      return {};
    }),
  ],
  postAudioStop: [ok(), anonymous],
  getAudioStatus: [ok(), wrongKey],
  getAudioSpectrum: [ok(), wrongKey],
  getAudioFrequencies: [ok(), wrongKey],

  getAstrologyChart: [
    ok(() => ({ query: { ...place, houseSystem: 'whole-sign', zodiac: 'sidereal' } })),
    refused(422, 'unknown house system', () => ({ query: { ...place, houseSystem: 'topocentric' } })),
    refused(422, 'no place', () => ({ query: { date: place.date } })),
  ],
  getAstrologyMoon: [ok(() => ({ query: { date: place.date } })), refused(422, 'not a date', () => ({ query: { date: 'yesterday-ish' } }))],
  getAstrologySun: [ok(() => ({ query: place })), ok(() => ({ query: { ...place, latitude: '80' } })), refused(422, 'latitude out of range', () => ({ query: { ...place, latitude: '91' } }))],
  getAstrologyPlanetaryHours: [ok(() => ({ query: place })), refused(422, 'empty longitude', () => ({ query: { ...place, longitude: '' } }))],
  getAstrologyPanchanga: [ok(() => ({ query: place })), refused(422, 'no longitude', () => ({ query: { latitude: '27.7' } }))],
  getAstrologyFrequencies: [ok(() => ({ query: place })), refused(422, 'no place', () => ({}))],
  getAstrologyTibetan: [ok(() => ({ query: { date: '2024-02-10T12:00:00Z', utcOffsetMinutes: '480' } })), refused(422, 'offset out of range', () => ({ query: { utcOffsetMinutes: '2000' } }))],
  postAstrologyWindows: [
    ok(() => ({ body: { from: '2024-06-21T00:00:00Z', to: '2024-06-23T00:00:00Z', location: { latitude: 27.7, longitude: 85.3 }, where: { moon: 'waxing' } } })),
    refused(422, 'no span', () => ({ body: { where: {} } })),
  ],

  postLlmGenerate: [ok(() => ({ body: { kind: 'prayer', intention: 'peace' } })), refused(422, 'unknown kind', () => ({ body: { kind: 'limerick', intention: 'peace' } }))],
  postLlmStream: [ok(() => ({ body: { kind: 'blessing', intention: 'peace' } })), refused(422, 'no intention', () => ({ body: { kind: 'blessing' } }))],
  postLlmPlan: [ok(() => ({ body: { intention: 'peace', duration: 1200 } })), refused(422, 'too long', () => ({ body: { intention: 'peace', duration: 24 * 3600 + 1 } }))],
  getLlmHealth: [ok(), anonymous],

  getVisuals: [ok(), wrongKey],
  getVisualsSriYantraGeometry: [ok(() => ({ query: { construction: 'concentric' } })), refused(422, 'unknown construction', () => ({ query: { construction: 'spiral' } }))],
  ...picture('seed-of-life', {}, {}),
  ...picture('flower-of-life', { rings: '2' }, { rings: 2 }),
  ...picture('metatrons-cube', {}, {}),
  ...picture('sri-yantra', { construction: 'classical' }, { construction: 'classical' }),
  ...picture('mandala', { intention: 'peace' }, { intention: 'peace' }),
  ...picture('chladni', { frequency: '200', resolution: '60' }, { frequency: 200, resolution: 60 }),
  ...picture('lunar-month', place, { latitude: 27.7, longitude: 85.3, date: place.date }),
  ...picture('chart-wheel', place, { latitude: 27.7, longitude: 85.3, date: place.date }),
  postVisualsSpectrum: [
    ok(() => ({ body: { program, at: 0.25, fftSize: 4096 } })),
    { ...unacceptable, request: () => ({ body: { spectrum: { bands: [1, 2] } }, headers: { accept: 'application/json' } }) },
    refused(422, 'both spectrum and program', () => ({ body: { program, spectrum: { bands: [1, 2] } } })),
  ],
  postVisualsSpectrogram: [ok(() => ({ body: { program, frameCount: 8, fftSize: 1024 } })), refused(422, 'neither frames nor program', () => ({ body: {} }))],

  getHardware: [ok(), anonymous],
  getHardwareDevicesById: [ok(() => ({ params: { id: 'relay' } })), badId()],
  postHardwareDevicesByIdDisconnect: [
    ok(() => ({ params: { id: 'wheel' }, ...admin })),
    refused(403, 'not an admin', () => ({ params: { id: 'wheel' } })),
    refused(404, 'unknown device', () => ({ params: { id: 'nope' }, ...admin })),
  ],
  postHardwareDevicesByIdConnect: [
    ok(() => ({ params: { id: 'wheel' }, ...admin })),
    refused(403, 'not an admin', () => ({ params: { id: 'wheel' } })),
    refused(404, 'unknown device', () => ({ params: { id: 'nope' }, ...admin })),
  ],
  postHardwareDevicesByIdCommands: [
    ok(() => ({ params: { id: 'relay' }, body: { type: 'relay', channel: 1, on: true }, ...admin })),
    refused(403, 'not an admin', () => ({ params: { id: 'relay' }, body: { type: 'relay', channel: 1, on: true } })),
    refused(422, 'channel out of range', () => ({ params: { id: 'relay' }, body: { type: 'relay', channel: 9, on: true }, ...admin })),
  ],
  getHardwareRng: [ok(() => ({ query: { device: 'rng', windows: '3' } })), refused(404, 'unknown device', () => ({ query: { device: 'nope' } }))],
  putHardwareLevel: [
    ok(() => ({ body: { level: 1, amplifierConnected: true }, ...admin })),
    refused(403, 'not an admin', () => ({ body: { level: 2 } })),
    refused(422, 'level 4', () => ({ body: { level: 4 }, ...admin })),
  ],
};
