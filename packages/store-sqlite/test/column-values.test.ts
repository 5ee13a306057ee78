import { join } from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { columnValues } from '../src/column-values';
import { createSqliteStore } from '../src/index';
import { createTempDirs } from './temp-dir';

const dirs = createTempDirs();
afterAll(() => dirs.cleanup());

/** Strings JSON.stringify escapes or writes as multi-byte UTF-8: quotes, backslashes, control characters, NUL, astral characters. */
const tricky = ['', 'user_42', '"quoted"', 'back\\slash', 'line\nbreak\ttab\r\b\f', 'nul\u0000inside', '\u001f\u007f', 'é – ☸ 😀', '\u2028\u2029', ' padded '];
/** Values whose columns only SQLite can tell from the stored text. */
const lone = ['\uD800', 'a\uDFFFb', '\uDC00\uD800'];

describe('columnValues', () => {
  it('gives, for every record it accepts, the columns SQLite derives from the stored text (each record stored through the store, then read back beside the SQL derivation)', async () => {
    const member = fc.oneof(fc.constantFrom(...tricky, ...lone, null, undefined, 0, -1.5, true, false, [], ['a'], { id: 'a' }), fc.string(), fc.string({ unit: 'binary' }));
    const record = fc.record({ owner: member, sessionId: member, other: fc.string() }, { requiredKeys: ['other'] });
    const path = join(dirs.make(), 'columns.db');
    const store = createSqliteStore({ path });
    const rows = store.collection<object>('r');
    const values: object[] = fc.sample(record, 400);
    // Not plain: a proxy, a class instance, a null-prototype object, an accessor, a non-enumerable member, toJSON.
    values.push(
      new Proxy({ owner: 'seen' }, { get: (target, key) => (key === 'owner' ? 'other' : Reflect.get(target, key)) }),
      Object.assign(Object.create(null) as object, { owner: 'no prototype', sessionId: 'ses_1' }),
      Object.defineProperty({ sessionId: 'ses_1' }, 'owner', { get: () => 'getter', enumerable: true }),
      Object.defineProperty({ sessionId: 'ses_1' }, 'owner', { value: 'hidden', enumerable: false }),
      { owner: 'ignored', toJSON: () => ({ owner: 'from toJSON', sessionId: 'ses_2' }) },
      { owner: { toJSON: () => 'nested toJSON' } },
      new (class Wheel {
        owner = 'instance';
      })(),
      Object.assign(new String('boxed'), { owner: 'boxed owner' }),
    );
    let computed = 0;
    for (const [index, value] of values.entries()) {
      await rows.put(`id${index}`, value);
      if (columnValues(value) !== undefined) computed += 1;
    }
    const observer = new Database(path, { readonly: true });
    const derived = (field: string): string => `iif(json_type(json, '$.${field}') = 'text', json_extract(json, '$.${field}'), NULL)`;
    const stored = observer
      .prepare(`SELECT id, owner, session_id AS sessionId, ${derived('owner')} AS derivedOwner, ${derived('sessionId')} AS derivedSession FROM vajra_records WHERE collection = 'r'`)
      .all() as Array<Record<string, unknown>>;
    expect(stored).toHaveLength(values.length);
    for (const row of stored) expect({ id: row.id, owner: row.owner, sessionId: row.sessionId }).toEqual({ id: row.id, owner: row.derivedOwner, sessionId: row.derivedSession });
    expect(computed).toBeGreaterThan(values.length / 2); // most records take the computed path
    observer.close();
    await store.close();
  });

  it('computes plain records and leaves the others to SQLite', () => {
    expect(columnValues({ owner: 'user_42', sessionId: null, status: 'running' })).toEqual(['user_42', null]);
    expect(columnValues({ owner: 1, sessionId: true })).toEqual([null, null]);
    expect(columnValues({ owner: undefined, sessionId: 'ses_1' })).toEqual([null, 'ses_1']);
    expect(columnValues({ owner: 'nul\u0000inside 😀' })).toEqual(['nul\u0000inside 😀', null]);
    expect(columnValues(Object.assign(Object.create(null) as object, { owner: 'a' }))).toEqual(['a', null]);
    const unsure: object[] = [
      new Proxy({ owner: 'a' }, {}),
      ['a'],
      Object.assign(new String('x'), { owner: 'a' }),
      new (class Record {
        owner = 'a';
      })(),
      { owner: 'a', toJSON: () => ({}) },
      Object.defineProperty({}, 'owner', { get: () => 'a', enumerable: true }),
      { owner: { id: 'a' } },
      { owner: ['a'] },
      ...lone.map((owner) => ({ owner })),
    ];
    for (const value of unsure) expect(columnValues(value)).toBeUndefined();
  });
});
