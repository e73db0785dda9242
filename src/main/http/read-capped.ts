/**
 * Reads an HTTP answer's body with a byte cap, as a stream that stops at the cap: a flooding or
 * endless endpoint costs at most `maxBytes` of memory, and its connection is let go.
 */

/** Caps per kind of answer: each is many times what a real one needs. */
export const BODY_CAPS = {
  /** An OpenID discovery document (Visma's is about 3 KiB). */
  discovery: 64 * 1024,
  /** A JWKS: a few public keys. */
  jwks: 64 * 1024,
  /** A token answer: three tokens and a few numbers. */
  token: 32 * 1024,
  /** A revocation answer is empty, an error a line. */
  revocation: 8 * 1024,
  /** The ERP API's light calls (organization) and its error bodies. */
  erp: 1024 * 1024,
  /** A DataBridge triggered-job answer: `success` and a message. */
  job: 64 * 1024,
  /** A Severa API page of users (up to 1,000 users of a few KiB each). */
  severa: 16 * 1024 * 1024,
} as const;

export class ResponseTooLarge extends Error {
  constructor(
    readonly url: string,
    readonly maxBytes: number,
  ) {
    super(`The answer from ${safeUrl(url)} was larger than ${describeBytes(maxBytes)}; Bridgekeeper stopped reading it.`);
    this.name = 'ResponseTooLarge';
  }
}

/** Host and path only: a query may carry what does not belong in a message. */
function safeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return 'the server';
  }
}

const describeBytes = (bytes: number) => (bytes >= 1024 * 1024 ? `${bytes / (1024 * 1024)} MiB` : `${bytes / 1024} KiB`);

/** The body as bytes, at most `maxBytes` of them; more throws ResponseTooLarge and cancels the stream. */
export async function readCappedBytes(response: Response, maxBytes: number): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw new ResponseTooLarge(response.url, maxBytes);
  }
  if (!response.body) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new ResponseTooLarge(response.url, maxBytes);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

export async function readCappedText(response: Response, maxBytes: number): Promise<string> {
  return new TextDecoder().decode(await readCappedBytes(response, maxBytes));
}

const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

/** The same answer with its body already read under the cap, for code that reads it itself (openid-client). */
export async function cappedResponse(response: Response, maxBytes: number): Promise<Response> {
  const bytes = await readCappedBytes(response, maxBytes);
  const copy = new Response(NULL_BODY_STATUSES.has(response.status) ? null : bytes, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
  // Response.url is read-only and empty on a constructed Response; openid-client does not need it, messages do.
  Object.defineProperty(copy, 'url', { value: response.url });
  return copy;
}
