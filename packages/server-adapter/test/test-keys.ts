import type { ApiKey } from '../src/index';

/** Three API keys the tests authenticate with: two users and an admin. */
export const KEYS = { alice: 'alice-key-0123456789', bob: 'bob-key-0123456789', root: 'root-key-0123456789' };

/** `auth.apiKeys` for KEYS: alice and bob are users, root is an admin. */
export const API_KEYS = [
  { name: 'alice', key: KEYS.alice },
  { name: 'bob', key: KEYS.bob },
  { name: 'root', key: KEYS.root, scopes: ['admin'] },
] satisfies ApiKey[];
