import { APIConnectionError, APIConnectionTimeoutError, APIUserAbortError } from "./errors.js";
import { copyError, hide } from "./internal/redact.js";
import { sleep } from "./internal/sleep.js";
import type { Pacer } from "./pacer.js";
import { retryDelay, serverWait, shouldRetry } from "./retry.js";

/**
 * A `fetch` the client sends with: it is called as `fetch(url, init)`, with the URL as a string and a plain
 * `RequestInit` (the `fetchOptions` merged in), never with a `Request`. `globalThis.fetch` and undici's
 * `fetch` are ones.
 */
export type Fetch = (url: string, init: RequestInit) => Promise<Response>;

/** `RequestInit` fields added to every `fetch`, e.g. undici's `{ dispatcher }`. */
export type FetchOptions = Omit<RequestInit, "body" | "headers" | "method" | "signal"> &
  Record<string, unknown>;

/** Something with console's four methods; `console` is one. */
export interface Logger {
  /** Takes one line at `logLevel` `"error"` and above. */
  error(message: string): void;
  /** Takes one line at `"warn"` and above: drift, by default. */
  warn(message: string): void;
  /** Takes one line at `"info"` and above: a retry or a wait for the quota. */
  info(message: string): void;
  /** Takes one line at `"debug"`: every attempt. */
  debug(message: string): void;
}

/** The levels of `logLevel`, quietest first. */
export const logLevels = ["off", "error", "warn", "info", "debug"] as const;

/** What sending one call needs. `sleep` and `random` are there for tests only. */
export interface Settings {
  /** The credential headers: `authorization`, or `x-auth-email` and `x-auth-key`. */
  headers: [string, string][];
  /** The credentials' values, cut out of everything the client hands back or logs. */
  secrets: string[];
  fetch: Fetch | undefined;
  fetchOptions: FetchOptions | undefined;
  timeout: number;
  maxRetries: number;
  maxRetryAfter: number;
  /** The index of the `logLevel` in `logLevels`. */
  level: number;
  logger: Logger;
  /** Paces attempts by the API's quota and bounds them in flight; none when both are off. */
  pacer?: Pacer | undefined;
  signal?: AbortSignal | undefined;
  sleep?: typeof sleep;
  random?: () => number;
}

/**
 * What the methods have openapi-fetch build instead of a `Request` when no middleware is there to see it:
 * the request's init with its URL. A `Request` costs an `AbortSignal` and a copy of every header, and is
 * taken apart into a URL and an init below anyway.
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
 * Whether `fetch` refused the request before sending anything, so that a retry would fail the same way:
 * the error or its cause is a `TypeError` other than the runtimes' words for a failed connection (Node,
 * browsers, Safari, Deno) — a URL it cannot parse, a header it refuses, a `Request` or a dispatcher it
 * cannot use — or says an argument was invalid (Node's `ERR_INVALID_*`, undici's `UND_ERR_INVALID_ARG`), or
 * is the Fetch standard's "bad port".
 */
const refused = (error: unknown): boolean => {
  try {
    return [error, (error as { cause?: unknown })?.cause].some((e) =>
      e instanceof TypeError
        ? !/fetch failed|failed to fetch|network|load failed|sending request|connect/i.test(e.message)
        : /ERR_INVALID|bad port/.test(`${(e as { code?: unknown })?.code}${(e as Error)?.message}`),
    );
  } catch {
    return false;
  }
};

/**
 * Sends `request` with the credentials, a timeout per attempt and retries. It sits below openapi-fetch as its
 * `fetch`, so middleware sees one request and one response per call and never sees the token. Each
 * attempt calls `fetch(url, init)` and settles by its deadline, or at once on the caller's abort, even when
 * that `fetch` loses the signal it was given. Answers with the last response, or throws an
 * `APIConnectionError` or `APIUserAbortError`. A `Draft` is answered with the response's status, headers and
 * text alone, which is all the methods read.
 */
export const send = async (request: Request | Draft, s: Settings): Promise<Response> => {
  const draft = !(request instanceof Request);
  const { url, method = "GET" } = request;
  const signal = s.signal ?? request.signal ?? undefined;
  // A draft's headers are this call's own; a `Request`'s are copied, so the token stays off it.
  const headers = draft ? (request.headers as Headers) : new Headers(request.headers);
  // A caller or middleware that sets its own Authorization (or X-Auth-Key) means it.
  if (!headers.has("authorization") && !headers.has("x-auth-key")) {
    for (const [name, value] of s.headers) headers.set(name, value);
  }
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
    const start = Date.now();
    let response: Response | undefined;
    let failure: APIConnectionError | undefined;
    let notSent = false;
    let sent = false;
    try {
      // `fetch` is looked up now, not when the client was made, so one installed later (or mocked) is used.
      // The body is read inside the attempt so that a stalled body times out and can be retried too.
      const fetched = (s.fetch ?? fetch)(url, {
        ...s.fetchOptions,
        method,
        headers,
        signal: attempt.signal,
      })
        // A wrapper that rejects on an error status with the response on its error (ky's `HTTPError`, and
        // the like) got an answer: it is read as one, so its status and wait decide, not a connection error.
        .catch((error) => {
          const answer = error?.response;
          if (answer?.status > 0 && typeof answer.text === "function") return answer as Response;
          throw error;
        })
        .then(async (answer) => {
          // Once a response has come, the request was sent: a failure reading its body can be retried.
          sent = true;
          return [answer, await answer.text()] as const;
        });
      // The attempt's own deadline: the timer holds it, so it fires even if `fetch` dropped the signal.
      const deadline = new Promise<never>((_, reject) => attempt.signal.addEventListener("abort", reject));
      const [answer, text] = await Promise.race([fetched, deadline]);
      const { status, headers: answered } = answer;
      response = draft
        ? ({ ok: answer.ok, status, headers: answered, text: async () => text } as Response)
        : new Response(text || null, { status, headers: answered });
    } catch (error) {
      if (signal?.aborted) throw new APIUserAbortError();
      const cause = copyError(error, s.secrets);
      notSent = !(timedOut || sent) && refused(error);
      failure = timedOut
        ? new APIConnectionTimeoutError()
        : new APIConnectionError(cause, notSent ? `Request not sent: ${cause?.message}` : undefined);
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener("abort", abort);
      // In `finally`, so that an abort frees the attempt's place too. A 429's wait holds every call.
      s.pacer?.settle(
        seq,
        response?.headers,
        response?.status === 429 ? serverWait(response.headers) : undefined,
      );
    }
    const wait = response && serverWait(response.headers);
    const tooLong = (wait ?? 0) > s.maxRetryAfter;
    const retry =
      retries < s.maxRetries &&
      !tooLong &&
      (response ? !response.ok && shouldRetry(response.status, response.headers) : !notSent);
    const delay = retry ? retryDelay(retries, wait, s.random) : 0;
    // One line per attempt at `debug`; the ones that lead to a wait, or to none because it is too long, at `info`.
    const at = retry || tooLong ? 3 : 4;
    if (at <= s.level) {
      s.logger[logLevels[at] as "info"](
        hide(
          `realtimekit ${method} ${url}: ${response?.status ?? failure?.name} in ${Date.now() - start} ms${
            retry
              ? `, retry ${retries + 1} in ${Math.round(delay)} ms${wait === undefined ? "" : " (retry-after)"}`
              : tooLong
                ? `, not retried: retry-after ${wait} ms > maxRetryAfter`
                : ""
          }`,
          s.secrets,
        ),
      );
    }
    if (!retry) {
      if (response) return response;
      throw failure;
    }
    await (s.sleep ?? sleep)(delay, signal);
  }
};
