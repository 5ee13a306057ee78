import { isAdmin, type Principal } from './authenticator';

/** What a principal may see: ownership rules shared by HTTP routes and the WebSocket. */
export interface Access {
  principal: Principal | null;
  admin: boolean;
  /** Owner recorded on what this principal creates. */
  owner: string | null;
  /** Owner filter for listings: `undefined` lists everything (admin). */
  listOwner: string | null | undefined;
  /** True when a record with this owner is visible (others get 404, never 403). */
  canSee(owner: string | null | undefined): boolean;
}

/**
 * The access rules of a principal: admins see all, others see what they own (owner = `Principal.id`);
 * anonymous callers see only unowned records.
 *
 * @example
 * ```ts
 * accessOf({ id: 'key:alice', name: 'alice', scopes: [], via: 'api-key' }).canSee('jwt:alice'); // false
 * ```
 */
export function accessOf(principal: Principal | null): Access {
  const admin = isAdmin(principal);
  const owner = principal?.id ?? null;
  return {
    principal,
    admin,
    owner,
    listOwner: admin ? undefined : owner,
    canSee: (recordOwner) => admin || (recordOwner ?? null) === owner,
  };
}
