import { getEventListeners } from "node:events";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIUserAbortError,
  InternalServerError,
} from "../../src/index.js";
import { client, details, fakeFetch, hangingFetch, ok, PEER, rejection } from "../fake-fetch.js";

afterEach(() => {
  vi.useRealTimers();
});

describe("timeout", () => {
  it("applies to each attempt and is retried, then throws APIConnectionTimeoutError", async () => {
    vi.useFakeTimers();
    const fetch = hangingFetch();
    const result = rejection(details(client(fetch, { timeout: 1000, maxRetries: 1 })));
    await vi.advanceTimersByTimeAsync(999);
    expect(fetch).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    // First attempt timed out; the second starts after the 0.5-1 s backoff and gets its own full second.
    await vi.advanceTimersByTimeAsync(1000);
    expect(fetch).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1000);
    const error = await result;
    expect(error).toBeInstanceOf(APIConnectionTimeoutError);
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(error.name).toBe("APIConnectionTimeoutError");
    expect(error.message).toBe("Request timed out.");
    expect(vi.getTimerCount()).toBe(0);
  });

  it("a call's timeout overrides the client's", async () => {
    vi.useFakeTimers();
    const fetch = hangingFetch();
    const result = rejection(details(client(fetch, { timeout: 60_000, maxRetries: 0 }), { timeout: 50 }));
    await vi.advanceTimersByTimeAsync(50);
    expect(await result).toBeInstanceOf(APIConnectionTimeoutError);
  });

  it("covers a body that stalls after the headers", async () => {
    vi.useFakeTimers();
    const stalled = (request: Request) => {
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"success":true,'));
          request.signal.addEventListener("abort", () => controller.error(request.signal.reason));
        },
      });
      return new Response(body, { status: 200 });
    };
    const { fetch } = fakeFetch(stalled, ok());
    const result = details(client(fetch, { timeout: 200 }));
    await vi.advanceTimersByTimeAsync(200);
    await vi.advanceTimersByTimeAsync(1000);
    await expect(result).resolves.toMatchObject({ success: true });
    expect(fetch).toHaveBeenCalledTimes(2);
  });
});

describe("abort", () => {
  it("an aborted signal rejects with APIUserAbortError and sends nothing", async () => {
    const { fetch } = fakeFetch(ok());
    const error = await rejection(details(client(fetch), { signal: AbortSignal.abort() }));
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect(error.name).toBe("APIUserAbortError");
    expect(fetch).not.toHaveBeenCalled();
  });

  it("aborting during a request rejects at once, with no further attempt", async () => {
    vi.useFakeTimers();
    const fetch = hangingFetch();
    const controller = new AbortController();
    const result = rejection(details(client(fetch), { signal: controller.signal }));
    await vi.advanceTimersByTimeAsync(10);
    controller.abort();
    expect(await result).toBeInstanceOf(APIUserAbortError);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("aborting during a backoff wait rejects at once, with no further attempt", async () => {
    vi.useFakeTimers();
    const { fetch } = fakeFetch({ status: 503, headers: { "retry-after": "30" } });
    const controller = new AbortController();
    const result = rejection(details(client(fetch), { signal: controller.signal }));
    await vi.advanceTimersByTimeAsync(100);
    expect(fetch).toHaveBeenCalledTimes(1);
    controller.abort();
    const error = await result;
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect(error).not.toBeInstanceOf(InternalServerError);
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it("aborting a raw call through its signal works the same way", async () => {
    vi.useFakeTimers();
    const fetch = hangingFetch();
    const controller = new AbortController();
    const rtk = client(fetch);
    const result = rejection(
      rtk.raw.GET("/accounts/{account_id}/realtime/kit/{app_id}/sessions/peer-report/{peer_id}", {
        params: { path: { account_id: "a", app_id: "b", peer_id: PEER } },
        signal: controller.signal,
      }),
    );
    await vi.advanceTimersByTimeAsync(10);
    controller.abort();
    expect(await result).toBeInstanceOf(APIUserAbortError);
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});

describe("nothing outlives a call", () => {
  const scenarios = {
    success: [ok()],
    "error after retries": [{ status: 500, headers: { "retry-after-ms": "5" } }],
    "not retried error": [{ status: 404 }],
    "connection error": [new TypeError("fetch failed")],
  };

  it.each(Object.entries(scenarios))("no timer is left after %s (fake timers)", async (_name, script) => {
    vi.useFakeTimers();
    const { fetch } = fakeFetch(...script);
    const result = details(client(fetch)).catch(() => undefined);
    await vi.runAllTimersAsync();
    await result;
    expect(vi.getTimerCount()).toBe(0);
  });

  it.each(Object.entries(scenarios))(
    "no abort listener is left on the caller's signal after %s",
    async (_name, script) => {
      vi.useFakeTimers();
      const { fetch } = fakeFetch(...script);
      const controller = new AbortController();
      const result = details(client(fetch), { signal: controller.signal }).catch(() => undefined);
      await vi.runAllTimersAsync();
      await result;
      expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
    },
  );

  it("no listener is left after an abort during backoff", async () => {
    vi.useFakeTimers();
    const { fetch } = fakeFetch({ status: 503 });
    const controller = new AbortController();
    const result = details(client(fetch), { signal: controller.signal }).catch(() => undefined);
    await vi.advanceTimersByTimeAsync(0);
    controller.abort();
    await result;
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("no real timer is pending once calls settle, even with a 60 s timeout", async () => {
    // Counting the process's active timers would also count the test runner's own; so only ours are watched.
    const setTimeoutSpy = vi.spyOn(globalThis, "setTimeout");
    const options = { timeout: 59_999 };
    // 700 ms, past any first backoff (at most 500 ms), so the wait is exactly the server's.
    const retried = fakeFetch({ status: 503, headers: { "retry-after-ms": "700" } }, ok());
    const waiting = fakeFetch({ status: 503, headers: { "retry-after-ms": "30000" } });
    const controller = new AbortController();
    const aborted = details(client(waiting.fetch, options), { signal: controller.signal }).catch(
      () => undefined,
    );
    await Promise.all([
      details(client(retried.fetch, options)),
      details(client(fakeFetch(ok()).fetch, options), { signal: new AbortController().signal }),
    ]);
    controller.abort();
    await aborted;
    const ours = setTimeoutSpy.mock.calls.flatMap(([, ms], i) =>
      // An attempt's timer is its timeout less any time the rate-limit pacer held it: a millisecond or so.
      (ms !== undefined && ms > 59_000 && ms <= 59_999) || ms === 700 || ms === 30_000
        ? [setTimeoutSpy.mock.results[i]?.value as { _destroyed: boolean }]
        : [],
    );
    setTimeoutSpy.mockRestore();
    // Attempts: 2 + 1 + 1, waits: 700 ms and 30 s.
    expect(ours).toHaveLength(6);
    // Node marks a timer destroyed once it has fired or been cleared; a pending one would hold the process open.
    expect(ours.filter((timer) => !timer._destroyed)).toEqual([]);
  });
});
