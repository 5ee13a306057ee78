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
  responses: Record<string, ResponseObject>;
}

/** What was answered, as read off the wire. */
export interface Answer {
  status: number;
  contentType: string | null;
  bytes: Uint8Array;
}

const escape = (segment: string) => segment.replace(/~/g, '~0').replace(/\//g, '~1');
const isJson = (mediaType: string) => mediaType === 'application/json' || mediaType.endsWith('+json');

/** Every operation of `doc`, in document order. */
export function operationsOf(doc: { paths: Record<string, Record<string, { operationId: string; responses: Record<string, ResponseObject> }>> }): DocumentedOperation[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, operation]) => ({ operationId: operation.operationId, method: method.toUpperCase(), path, pointer: `#/paths/${escape(path)}/${method}`, responses: operation.responses })),
  );
}

/**
 * A checker of answers against an OpenAPI 3.1 document with ajv's JSON Schema 2020-12 dialect (the one
 * OpenAPI 3.1 uses) and ajv-formats: the status must be documented (4xx explicitly, not through
 * `default`), the media type must be one the response lists, and the body must validate against its
 * schema (JSON bodies parsed; text bodies as strings; `format: binary` bodies non-empty).
 */
export function createConformance(doc: Record<string, unknown>) {
  const ajv = new Ajv2020({ strict: false, validateSchema: false, allErrors: true });
  addFormats(ajv);
  ajv.addFormat('binary', true);
  ajv.addSchema(doc, 'openapi.json');
  const components = (doc.components ?? {}) as { responses?: Record<string, ResponseObject> };
  const resolve = (response: ResponseObject): ResponseObject =>
    response.$ref === undefined ? response : components.responses![response.$ref.replace('#/components/responses/', '')]!;

  return (operation: DocumentedOperation, answer: Answer): string[] => {
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
    const validate = ajv.getSchema(`openapi.json${base}/content/${escape(mediaType)}/schema`);
    if (validate === undefined) return [`no schema at ${base}`];
    if (validate(value)) return [];
    return (validate.errors ?? []).map((error) => `${error.instancePath || '(body)'} ${error.message} ${JSON.stringify(error.params)}`);
  };
}
