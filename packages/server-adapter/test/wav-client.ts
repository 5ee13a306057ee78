import { request as httpRequest, type ClientRequest, type IncomingMessage } from 'node:http';

/** A `POST /api/v1/audio/generate` held open: the answer's status and first bytes, then read no further until told. */
export interface HeldRender {
  /** Status and headers once they arrive, with the first body chunk (or the problem JSON of a refusal). */
  answered: Promise<{ status: number; headers: IncomingMessage['headers']; first: Buffer }>;
  /** Whether the response ended (a refusal, or a finished render). */
  readonly ended: boolean;
  /** Read the rest at full speed; resolves with the total body length once it ends. */
  drain(): Promise<number>;
  /** Go away mid-answer (the socket is destroyed). */
  abort(): void;
}

/** Start a WAV render of a `duration`-second program as `token`, on a connection of its own. */
export function holdRender(base: string, token: string | undefined, duration: number): HeldRender {
  const body = JSON.stringify({ type: 'prayer_bowl', duration, sampleFormat: 'pcm16' });
  let req: ClientRequest;
  let response: IncomingMessage | undefined;
  let ended = false;
  let length = 0;
  const answered = new Promise<{ status: number; headers: IncomingMessage['headers']; first: Buffer }>((resolve, reject) => {
    req = httpRequest(
      `${base}/api/v1/audio/generate`,
      {
        method: 'POST',
        agent: false,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...(token === undefined ? {} : { authorization: `Bearer ${token}` }) },
      },
      (res) => {
        response = res;
        res.once('end', () => (ended = true));
        res.once('data', (first: Buffer) => {
          res.pause();
          length = first.length;
          resolve({ status: res.statusCode ?? 0, headers: res.headers, first });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
  return {
    answered,
    get ended() {
      return ended;
    },
    async drain() {
      await answered;
      const res = response!;
      return new Promise<number>((resolve, reject) => {
        res.on('data', (chunk: Buffer) => (length += chunk.length));
        res.once('error', reject);
        if (ended) resolve(length);
        else res.once('end', () => resolve(length));
        res.resume();
      });
    },
    abort: () => req.destroy(),
  };
}
