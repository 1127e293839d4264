import { APIConnectionError, APIConnectionTimeoutError, APIUserAbortError } from "./errors.js";
import { sleep } from "./internal/sleep.js";
import { retryDelay, shouldRetry } from "./retry.js";

/** A `fetch` that takes a `Request`; `globalThis.fetch` is one. */
export type Fetch = (request: Request) => Promise<Response>;

/** What sending one call needs. `sleep` and `random` are there for tests only. */
export interface Settings {
  token: string;
  fetch: Fetch | undefined;
  timeout: number;
  maxRetries: number;
  signal?: AbortSignal | undefined;
  sleep?: typeof sleep;
  random?: () => number;
}

/**
 * Sends `request` with the token, a timeout per attempt and retries. It sits below openapi-fetch as its
 * `fetch`, so middleware sees one request and one response per call and never sees the token.
 * Answers with the last response, or throws an `APIConnectionError` or `APIUserAbortError`.
 */
export const send = async (request: Request, s: Settings): Promise<Response> => {
  const signal = s.signal ?? request.signal;
  for (let retries = 0; ; retries++) {
    if (signal.aborted) throw new APIUserAbortError();
    const attempt = new AbortController();
    const abort = () => attempt.abort();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      abort();
    }, s.timeout);
    signal.addEventListener("abort", abort);
    let response: Response | undefined;
    let failure: unknown;
    try {
      const headers = new Headers(request.headers);
      // A caller or middleware that sets its own Authorization means it.
      if (!headers.has("authorization")) headers.set("authorization", `Bearer ${s.token}`);
      // Looked up now, not when the client was made, so a fetch installed later (or mocked) is used.
      const fetch = s.fetch ?? globalThis.fetch;
      const answer = await fetch(new Request(request, { headers, signal: attempt.signal }));
      // The body is read inside the attempt so that a stalled body times out and can be retried too.
      response = new Response((await answer.text()) || null, {
        status: answer.status,
        headers: answer.headers,
      });
    } catch (error) {
      if (signal.aborted) throw new APIUserAbortError();
      failure = timedOut ? new APIConnectionTimeoutError() : new APIConnectionError(error);
    } finally {
      clearTimeout(timer);
      signal.removeEventListener("abort", abort);
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
