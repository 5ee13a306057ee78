import { isAdmin, type Principal } from './authenticator';

/**
 * What a principal may see: ownership rules shared by HTTP routes and the WebSocket.
 *
 * @example
 * ```ts
 * const note = defineRoute({
 *   method: 'GET',
 *   path: '/api/v1/sessions/{id}/note',
 *   summary: "A session's intention",
 *   params: z.object({ id: z.string() }),
 *   handler: async ({ params, vajra, access }) => {
 *     const session = await vajra.sessions.get(params.id);
 *     if (!access.canSee(session.owner)) throw new VajraError('SESSION_NOT_FOUND', 'No such session', { status: 404 }); // never 403
 *     return { intention: session.intention };
 *   },
 * });
 * ```
 */
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

/** Options of {@link accessOf}. */
export interface AccessOptions {
  /**
   * Whether anonymous callers see unowned records (`owner: null`: made by anonymous callers or by scripts
   * through the kernel). True by default; servers pass false whenever the request needs credentials
   * (exposed, behind a proxy, `require: 'always'`), so unowned records are then visible to admins only.
   */
  unownedVisible?: boolean;
}

/** Owner filter no record can match (principal ids are `key:…` or `jwt:…`): an empty listing. */
const NO_RECORDS = 'none:';

/**
 * The access rules of a principal: admins see all, others see what they own (owner = `Principal.id`);
 * anonymous callers see only unowned records, and only while the server asks no credentials.
 *
 * @example
 * ```ts
 * accessOf({ id: 'key:alice', name: 'alice', scopes: [], via: 'api-key' }).canSee('jwt:alice'); // false
 * accessOf(null, { unownedVisible: false }).canSee(null); // false: the server is exposed
 * ```
 */
export function accessOf(principal: Principal | null, { unownedVisible = true }: AccessOptions = {}): Access {
  const admin = isAdmin(principal);
  const owner = principal?.id ?? null;
  const blind = owner === null && !unownedVisible;
  return {
    principal,
    admin,
    owner,
    listOwner: admin ? undefined : blind ? NO_RECORDS : owner,
    canSee: (recordOwner) => admin || (!blind && (recordOwner ?? null) === owner),
  };
}
