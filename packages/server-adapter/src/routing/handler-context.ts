import type { Vajra } from '@vajra-stream/core';
import type { Access } from '../auth/access';
import type { Principal } from '../auth/authenticator';
import type { RequestTarget } from '../http/request-target';
import type { RouteContext } from './define-route';

/**
 * The {@link RouteContext} a handler receives, as a class: the URL, the abort signal, the access rules and
 * the rate-limit client are worked out on first use (most handlers need none of them), and no closure or
 * accessor is created per request.
 */
export class HandlerContext implements RouteContext {
  readonly request: Request;
  readonly params: unknown;
  readonly query: unknown;
  readonly body: unknown;
  readonly vajra: Vajra;
  #target: RequestTarget;
  #principal: Principal | null;
  #accessFor: (request: Request, principal: Principal | null) => Access;
  #access: Access | undefined;
  #remoteAddress: string | undefined;

  constructor(
    request: Request,
    target: RequestTarget,
    params: unknown,
    query: unknown,
    body: unknown,
    vajra: Vajra,
    principal: Principal | null,
    accessFor: (request: Request, principal: Principal | null) => Access,
    remoteAddress: string | undefined,
  ) {
    this.request = request;
    this.#target = target;
    this.params = params;
    this.query = query;
    this.body = body;
    this.vajra = vajra;
    this.#principal = principal;
    this.#accessFor = accessFor;
    this.#remoteAddress = remoteAddress;
  }
  get url(): URL {
    return this.#target.url;
  }
  get signal(): AbortSignal {
    return this.request.signal;
  }
  /** What the caller may see (whether the request needs credentials is decided here, once). */
  get access(): Access {
    return (this.#access ??= this.#accessFor(this.request, this.#principal));
  }
  get client(): string {
    return this.#principal?.id ?? `address:${this.#remoteAddress ?? 'unknown'}`;
  }
}
