/**
 * `fetch` functions to inject into the client that record every request it sends: one answering from a
 * function (no network), one passing through to the real `fetch` and recording the answer too.
 */

export interface RecordedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
}

export interface RecordedExchange extends RecordedRequest {
  status?: number;
  responseHeaders?: Record<string, string>;
}

function toRequest(input: RequestInfo | URL, init?: RequestInit): Request {
  if (input instanceof Request && init === undefined) return input;
  return new Request(input, init);
}

function record(request: Request): RecordedRequest {
  return { method: request.method, url: request.url, headers: Object.fromEntries(request.headers) };
}

/** A JSON `Response`, `200` unless told otherwise. */
export function jsonResponse(body: unknown, init: ResponseInit = {}): Response {
  const headers = new Headers(init.headers);
  if (!headers.has("content-type")) headers.set("content-type", "application/json");
  return new Response(JSON.stringify(body), { status: 200, ...init, headers });
}

export type Responder = (request: Request, index: number) => Response | Promise<Response>;

/**
 * A `fetch` that records each request and answers with `respond`, after `delayMs` when given; it honours
 * the request's abort signal like the real `fetch` does.
 */
export function recordingFetch(respond: Responder, delayMs = 0) {
  const requests: RecordedRequest[] = [];
  const fetchFn = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = toRequest(input, init);
    const index = requests.length;
    requests.push(record(request));
    const signal = init?.signal ?? request.signal;
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (delayMs <= 0) return Promise.resolve().then(() => respond(request, index));
    return new Promise<Response>((resolve, reject) => {
      const onAbort = () => {
        clearTimeout(timer);
        reject(signal?.reason);
      };
      const timer = setTimeout(() => {
        signal?.removeEventListener("abort", onAbort);
        Promise.resolve()
          .then(() => respond(request, index))
          .then(resolve, reject);
      }, delayMs);
      signal?.addEventListener("abort", onAbort, { once: true });
    });
  };
  return { fetch: fetchFn as typeof fetch, requests };
}

/** A `fetch` that passes each request to the real `fetch` and records the request and the answer. */
export function passThroughFetch() {
  const exchanges: RecordedExchange[] = [];
  const fetchFn = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = toRequest(input, init);
    const exchange: RecordedExchange = record(request);
    exchanges.push(exchange);
    const response = await globalThis.fetch(request);
    exchange.status = response.status;
    exchange.responseHeaders = Object.fromEntries(response.headers);
    return response;
  };
  return { fetch: fetchFn as typeof fetch, exchanges };
}
