/**
 * A route's answer already serialised: the handler vouches that `text` is the JSON of a value that fits
 * the route's `response` schema. The server writes it as it is, where it would write `JSON.stringify` of
 * a returned value (`validateResponses: true` parses it and checks it the same way).
 *
 * @example
 * ```ts
 * defineRoute({ method: 'GET', path: '/api/v1/sessions', summary: 'List sessions', handler: ({ vajra }) => vajra.sessions.listJson().then(jsonText) });
 * ```
 */
export class JsonText {
  constructor(readonly text: string) {}
}

/**
 * Wrap JSON text a handler serialised itself (see {@link JsonText}).
 *
 * @example
 * ```ts
 * handler: ({ vajra, query }) => vajra.sessions.listJson({ limit: query.limit }).then(jsonText),
 * ```
 */
export function jsonText(text: string): JsonText {
  return new JsonText(text);
}
