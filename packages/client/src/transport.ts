import { APIConnectionError, APIConnectionTimeoutError, APIUserAbortError } from "./errors.js";
import { scrub } from "./internal/redact.js";
import { sleep } from "./internal/sleep.js";
import type { Pacer } from "./pacer.js";
import { retryDelay, serverWait, shouldRetry } from "./retry.js";

/** A `fetch` that takes a `Request`; `globalThis.fetch` is one. */
export type Fetch = (request: Request) => Promise<Response>;

/** What sending one call needs. `sleep` and `random` are there for tests only. */
export interface Settings {
  token: string;
  fetch: Fetch | undefined;
  timeout: number;
  maxRetries: number;
  signal?: AbortSignal | undefined;
  /** Paces attempts by the API's quota and bounds them in flight; none when both are off. */
  pacer?: Pacer | undefined;
  sleep?: typeof sleep;
  random?: () => number;
}

/**
 * What the methods have openapi-fetch build instead of a `Request` when no middleware is there to see it:
 * the request's init with its URL. A `Request` costs an `AbortSignal` and a copy of every header, and
 * `fetch` builds its own anyway.
 */
export type Draft = RequestInit & { url: string };

/**
 * openapi-fetch's `Request` option for a `Draft`: `new` answers the object a constructor returns, here the
 * init openapi-fetch made for this call alone, with the URL added.
 */
// biome-ignore lint/complexity/useArrowFunction: openapi-fetch calls it with `new`, which an arrow function refuses.
export const Draft = function (url: string, init: Draft) {
  init.url = url;
  return init;
} as unknown as typeof Request;

/**
 * Requests handed to a `fetch` option, held until their attempt ends. Node's fetch copies the request it
 * is given, and the copy follows the original's signal only while the original lives (nodejs/undici#4068):
 * one collected in flight would lose the timeout's abort, and its call would never end.
 */
const held = new Set<Request>();

/**
 * Sends `request` with the token, a timeout per attempt and retries. It sits below openapi-fetch as its
 * `fetch`, so middleware sees one request and one response per call and never sees the token.
 * Answers with the last response, or throws an `APIConnectionError` or `APIUserAbortError`. A `Draft` is
 * answered with the response's status, headers and text alone, which is all the methods read.
 */
export const send = async (request: Request | Draft, s: Settings): Promise<Response> => {
  const draft = !(request instanceof Request);
  const signal = s.signal ?? request.signal ?? undefined;
  for (let retries = 0; ; retries++) {
    if (signal?.aborted) throw new APIUserAbortError();
    // Time held for the quota counts toward the attempt's timeout.
    const ready = Date.now();
    const seq = s.pacer ? await s.pacer.acquire(s.timeout, signal) : 0;
    const attempt = new AbortController();
    const abort = () => attempt.abort();
    let timedOut = false;
    const timer = setTimeout(
      () => {
        timedOut = true;
        abort();
      },
      s.timeout - (Date.now() - ready),
    );
    signal?.addEventListener("abort", abort);
    let response: Response | undefined;
    let sent: Request | undefined;
    let failure: unknown;
    try {
      // A draft and its headers are this call's own; a `Request` is copied, so the token stays off it.
      const init: RequestInit = draft ? request : { headers: new Headers(request.headers) };
      const headers = init.headers as Headers;
      // A caller or middleware that sets its own Authorization means it.
      if (!headers.has("authorization")) headers.set("authorization", `Bearer ${s.token}`);
      init.signal = attempt.signal;
      const input = draft ? request.url : request;
      // A `fetch` option gets one `Request`. `fetch` is looked up now, not when the client was made, so one
      // installed later (or mocked) is used; it gets the URL and init, so it builds the only `Request`.
      const custom = s.fetch;
      sent = custom && new Request(input, init);
      if (sent) held.add(sent);
      const answer = await (custom && sent ? custom(sent) : fetch(input, init));
      // The body is read inside the attempt so that a stalled body times out and can be retried too.
      const text = await answer.text();
      const { status, headers: answered } = answer;
      response = draft
        ? ({ ok: answer.ok, status, headers: answered, text: async () => text } as Response)
        : new Response(text || null, { status, headers: answered });
    } catch (error) {
      if (signal?.aborted) throw new APIUserAbortError();
      failure = timedOut ? new APIConnectionTimeoutError() : new APIConnectionError(scrub(error, s.token));
    } finally {
      if (sent) held.delete(sent);
      clearTimeout(timer);
      signal?.removeEventListener("abort", abort);
      // A 429's wait holds every call, within the bounds the retry policy honours.
      const wait = response?.status === 429 ? serverWait(response.headers) : Number.NaN;
      s.pacer?.settle(seq, response?.headers, wait >= 0 && wait <= 60_000 ? wait : undefined);
    }
    if (
      response?.ok ||
      retries >= s.maxRetries ||
      (response && !shouldRetry(response.status, response.headers))
    ) {
      if (response) return response;
      throw failure;
    }
    await (s.sleep ?? sleep)(retryDelay(retries, response?.headers, s.random), signal);
  }
};
