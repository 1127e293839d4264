import { afterEach, describe, expect, it, vi } from "vitest";
import { APIConnectionError, type APIError, InternalServerError, RateLimitError } from "../../src/index.js";
import { client, details, fakeFetch, ok, rejection, type Step } from "../fake-fetch.js";

const failing = (status: number, headers: Record<string, string> = {}): Step => ({
  status,
  body: { success: false, error: { code: status, message: "failed" } },
  headers,
});

// A wait of 0 no longer skips the backoff, so the count tests run the backoff on fake time.
const settled = async <T>(promise: Promise<T>): Promise<T> => {
  await vi.runAllTimersAsync();
  return promise;
};

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe("what is retried", () => {
  it.each([408, 409, 429, 500, 503])(
    "%i is retried up to maxRetries (2 by default): 3 attempts",
    async (status) => {
      vi.useFakeTimers();
      const { fetch } = fakeFetch(failing(status));
      const error = (await settled(rejection(details(client(fetch))))) as APIError;
      expect(error.status).toBe(status);
      expect(fetch).toHaveBeenCalledTimes(3);
    },
  );

  it.each([400, 401, 403, 404, 422])("%i is never retried", async (status) => {
    const { fetch } = fakeFetch(failing(status));
    await rejection(details(client(fetch)));
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it("stops as soon as an attempt succeeds", async () => {
    vi.useFakeTimers();
    const { fetch } = fakeFetch(failing(503), failing(429), ok({ participant: null }));
    await expect(settled(details(client(fetch)))).resolves.toEqual({
      success: true,
      data: { participant: null },
    });
    expect(fetch).toHaveBeenCalledTimes(3);
  });

  it("throws the last attempt's error", async () => {
    vi.useFakeTimers();
    const { fetch } = fakeFetch(failing(503), failing(503), failing(429));
    expect(await settled(rejection(details(client(fetch))))).toBeInstanceOf(RateLimitError);
  });

  it("x-should-retry: false stops a retry of a 503", async () => {
    const { fetch } = fakeFetch(failing(503, { "x-should-retry": "false" }));
    expect(await rejection(details(client(fetch)))).toBeInstanceOf(InternalServerError);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it("x-should-retry: true retries a 400", async () => {
    vi.useFakeTimers();
    const { fetch } = fakeFetch(failing(400, { "x-should-retry": "true" }), ok());
    await settled(details(client(fetch)));
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it("honours maxRetries of the client and of the call", async () => {
    vi.useFakeTimers();
    const a = fakeFetch(failing(500));
    await settled(rejection(details(client(a.fetch, { maxRetries: 5 }))));
    expect(a.fetch).toHaveBeenCalledTimes(6);

    const b = fakeFetch(failing(500));
    await rejection(details(client(b.fetch, { maxRetries: 5 }), { maxRetries: 0 }));
    expect(b.fetch).toHaveBeenCalledTimes(1);
  });

  it("retries connection errors, then throws APIConnectionError with a plain copy of the cause", async () => {
    vi.useFakeTimers();
    const reset = new TypeError("fetch failed", { cause: new Error("ECONNRESET") });
    const { fetch } = fakeFetch(reset);
    const result = rejection(details(client(fetch)));
    await vi.runAllTimersAsync();
    const error = await result;
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(error.name).toBe("APIConnectionError");
    expect(error.cause).toEqual({
      name: "TypeError",
      message: "fetch failed",
      cause: { name: "Error", message: "ECONNRESET", cause: undefined },
    });
    expect(fetch).toHaveBeenCalledTimes(3);
  });

  it("recovers from a connection error", async () => {
    vi.useFakeTimers();
    const { fetch } = fakeFetch(new TypeError("fetch failed"), ok());
    const result = details(client(fetch));
    await vi.runAllTimersAsync();
    await expect(result).resolves.toMatchObject({ success: true });
    expect(fetch).toHaveBeenCalledTimes(2);
  });
});

describe("how long it waits", () => {
  // Advances fake time to just before `ms` and then to `ms`, checking the attempt waits exactly that long.
  async function expectNextAttemptAfter(fetch: { mock: { calls: unknown[] } }, ms: number) {
    const before = fetch.mock.calls.length;
    await vi.advanceTimersByTimeAsync(ms - 1);
    expect(fetch.mock.calls.length).toBe(before);
    await vi.advanceTimersByTimeAsync(1);
    expect(fetch.mock.calls.length).toBe(before + 1);
  }

  it("waits retry-after-ms", async () => {
    vi.useFakeTimers();
    const { fetch } = fakeFetch(failing(429, { "retry-after-ms": "1500" }), ok());
    const result = details(client(fetch));
    await vi.advanceTimersByTimeAsync(0);
    expect(fetch).toHaveBeenCalledTimes(1);
    await expectNextAttemptAfter(fetch, 1500);
    await result;
  });

  it("waits retry-after seconds", async () => {
    vi.useFakeTimers();
    const { fetch } = fakeFetch({ status: 503, headers: { "retry-after": "3" } }, ok());
    const result = details(client(fetch));
    await vi.advanceTimersByTimeAsync(0);
    await expectNextAttemptAfter(fetch, 3000);
    await result;
  });

  it("waits until a retry-after HTTP date", async () => {
    vi.useFakeTimers();
    vi.setSystemTime(Date.parse("2026-03-01T12:00:00Z"));
    const { fetch } = fakeFetch(
      { status: 429, headers: { "retry-after": "Sun, 01 Mar 2026 12:00:07 GMT" } },
      ok(),
    );
    const result = details(client(fetch));
    await vi.advanceTimersByTimeAsync(0);
    await expectNextAttemptAfter(fetch, 7000);
    await result;
  });

  it("never retries sooner than the server said, even when the backoff is shorter", async () => {
    vi.useFakeTimers();
    vi.spyOn(Math, "random").mockReturnValue(0);
    const { fetch } = fakeFetch(
      { status: 503, headers: { "retry-after": "0" } },
      { status: 503, headers: { "retry-after-ms": "700" } },
      ok(),
    );
    const result = details(client(fetch));
    await vi.advanceTimersByTimeAsync(0);
    // retry-after: 0 is a floor of 0, not a burst: the backoff still applies.
    await expectNextAttemptAfter(fetch, 500);
    await expectNextAttemptAfter(fetch, 1000);
    await result;
  });

  it("fails at once when the server asks for more than maxRetryAfter, with the wait as retryAfter", async () => {
    // Changed: a retry-after past 60 s was ignored for a backoff, which only spent the quota sooner.
    const { fetch } = fakeFetch({ status: 429, headers: { "retry-after": "3600" } });
    const error = (await rejection(details(client(fetch, { maxRetries: 3 })))) as RateLimitError;
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.retryAfter).toBe(3_600_000);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it("jitters the backoff down by up to 25%", async () => {
    vi.useFakeTimers();
    vi.spyOn(Math, "random").mockReturnValue(0.8);
    const { fetch } = fakeFetch({ status: 500 }, ok());
    const result = details(client(fetch));
    await vi.advanceTimersByTimeAsync(0);
    await expectNextAttemptAfter(fetch, 400);
    await result;
  });
});
