import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

type Schema = Record<string, unknown>;
type Content = Record<string, { schema?: Schema }>;
type ResponseObject = { $ref?: string; description?: string; content?: Content };

/** One operation of an OpenAPI document. */
export interface DocumentedOperation {
  operationId: string;
  method: string;
  path: string;
  pointer: string;
  parameters: Array<{ name: string; in: string; required?: boolean }>;
  hasBody: boolean;
  responses: Record<string, ResponseObject>;
}

/** What was answered, as read off the wire. */
export interface Answer {
  status: number;
  contentType: string | null;
  bytes: Uint8Array;
}

const escapePointer = (segment: string) => segment.replace(/~/g, '~0').replace(/\//g, '~1');
const isJson = (mediaType: string) => mediaType === 'application/json' || mediaType.endsWith('+json');

/** Every operation of `doc`, in document order. */
export function operationsOf(doc: {
  paths: Record<string, Record<string, { operationId: string; parameters?: DocumentedOperation['parameters']; requestBody?: unknown; responses: Record<string, ResponseObject> }>>;
}): DocumentedOperation[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, operation]) => ({
      operationId: operation.operationId,
      method: method.toUpperCase(),
      path,
      pointer: `#/paths/${escapePointer(path)}/${method}`,
      parameters: operation.parameters ?? [],
      hasBody: operation.requestBody !== undefined,
      responses: operation.responses,
    })),
  );
}

/** The values a query or path text may stand for (OpenAPI's form style: numbers, booleans, comma-separated lists). */
const readings = (text: string): unknown[] => [
  text,
  ...(text.trim() !== '' && Number.isFinite(Number(text)) ? [Number(text)] : []),
  ...(text === 'true' || text === 'false' ? [text === 'true'] : []),
  text.split(','),
];

/**
 * Checkers of requests and answers against an OpenAPI 3.1 document with ajv's JSON Schema 2020-12 dialect (the one
 * OpenAPI 3.1 uses) and ajv-formats: the status must be documented (4xx explicitly, not through
 * `default`), the media type must be one the response lists, and the body must validate against its
 * schema (JSON bodies parsed; text bodies as strings; `format: binary` bodies non-empty). Requests: every
 * parameter and JSON body sent must be one the document allows (so the document is never stricter than
 * the server), required parameters present.
 */
export function createConformance(doc: Record<string, unknown>) {
  const ajv = new Ajv2020({ strict: false, validateSchema: false, allErrors: true });
  addFormats(ajv);
  ajv.addFormat('binary', true);
  ajv.addSchema(doc, 'openapi.json');
  const components = (doc.components ?? {}) as { responses?: Record<string, ResponseObject> };
  const resolve = (response: ResponseObject): ResponseObject => (response.$ref === undefined ? response : components.responses![response.$ref.replace('#/components/responses/', '')]!);

  /** What the document says a request may be: each parameter and the JSON body checked against their schemas. */
  const request = (operation: DocumentedOperation, sent: { params?: Record<string, string>; query?: Record<string, string>; body?: unknown }): string[] => {
    const problems: string[] = [];
    const given: Record<string, Record<string, string> | undefined> = { path: sent.params, query: sent.query };
    operation.parameters.forEach((parameter, index) => {
      const value = given[parameter.in]?.[parameter.name];
      if (value === undefined) {
        if (parameter.required === true) problems.push(`required ${parameter.in} parameter ${parameter.name} missing`);
        return;
      }
      const validate = ajv.getSchema(`openapi.json${operation.pointer}/parameters/${index}/schema`)!;
      if (!readings(value).some((reading) => validate(reading))) problems.push(`${parameter.in} parameter ${parameter.name}=${value}: ${ajv.errorsText(validate.errors)}`);
    });
    for (const where of ['path', 'query'] as const) {
      for (const name of Object.keys(given[where] ?? {})) if (!operation.parameters.some((p) => p.in === where && p.name === name)) problems.push(`undocumented ${where} parameter ${name}`);
    }
    if (sent.body !== undefined) {
      if (!operation.hasBody) problems.push('a body where the document has none');
      else {
        const validate = ajv.getSchema(`openapi.json${operation.pointer}/requestBody/content/application~1json/schema`)!;
        if (!validate(sent.body)) problems.push(`body: ${ajv.errorsText(validate.errors)}`);
      }
    }
    return problems;
  };

  const answer = (operation: DocumentedOperation, answer: Answer): string[] => {
    const key = String(answer.status);
    const documented = operation.responses[key] ?? (answer.status >= 500 ? operation.responses.default : undefined);
    if (documented === undefined) return [`status ${answer.status} is not documented`];
    const response = resolve(documented);
    const base = operation.responses[key]?.$ref ?? `${operation.pointer}/responses/${key in operation.responses ? key : 'default'}`;
    if (response.content === undefined) return answer.bytes.byteLength === 0 ? [] : [`status ${answer.status} documents no body, got ${answer.bytes.byteLength} bytes`];
    const mediaType = (answer.contentType ?? '').split(';')[0]!.trim().toLowerCase();
    if (!(mediaType in response.content)) return [`content type ${answer.contentType} is not one of ${Object.keys(response.content).join(', ')}`];
    const schema = response.content[mediaType]!.schema;
    if (schema === undefined) return [];
    if (schema.format === 'binary') return answer.bytes.byteLength > 0 ? [] : ['empty binary body'];
    const text = new TextDecoder().decode(answer.bytes);
    let value: unknown = text;
    if (isJson(mediaType)) {
      try {
        value = JSON.parse(text);
      } catch {
        return [`body is not JSON: ${text.slice(0, 80)}`];
      }
    }
    const validate = ajv.getSchema(`openapi.json${base}/content/${escapePointer(mediaType)}/schema`);
    if (validate === undefined) return [`no schema at ${base}`];
    if (validate(value)) return [];
    return (validate.errors ?? []).map((error) => `${error.instancePath || '(body)'} ${error.message} ${JSON.stringify(error.params)}`);
  };
  return { request, answer };
}
