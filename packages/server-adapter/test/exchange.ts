import { request } from 'node:http';

/**
 * One HTTP/1.1 exchange through `node:http` (unlike `fetch`, any header may be set, `Host` included):
 * the status, the content type and the raw body.
 */
export function exchange(url: string, method: string, headers: Record<string, string>, body?: string): Promise<{ status: number; contentType: string | null; bytes: Uint8Array }> {
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { method, headers: body === undefined ? headers : { ...headers, 'content-length': String(Buffer.byteLength(body)) } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, contentType: response.headers['content-type'] ?? null, bytes: new Uint8Array(Buffer.concat(chunks)) }));
      response.on('error', reject);
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}
