/**
 * 429 answers and the wait they ask for: `Retry-After` in seconds and as an HTTP date, `retry-after-ms`,
 * `x-ratelimit-reset`. Each is a floor for the next attempt, never shortened: a wait past `maxRetryAfter`
 * fails the call at once with the wait in `retryAfter`, and a wait of 0 still backs off. A wait the server
 * asked for is proven by a gap between attempts longer than any backoff could be (0.5 s).
 */
import { describe, expect, test } from "vitest";
import { APIUserAbortError, InternalServerError, RateLimitError } from "../../src/index.js";
import { loopbackServerForFile, sendJson } from "../support/loopback-server.js";
import {
  details,
  expectFault,
  faultClient,
  firstBackoff,
  firstBackoffMax,
  guardConsole,
  peerReport,
  slack,
} from "./harness.js";

guardConsole();

const server = loopbackServerForFile();

const limited = {
  success: false,
  errors: [{ code: 10_429, message: "Rate limited" }],
  messages: [],
  result: null,
};

/** Milliseconds between the first and second attempt, as the server saw them. */
const gap = () => (server.hits[1]?.at ?? Number.NaN) - (server.hits[0]?.at ?? Number.NaN);

describe("429 with a wait the client honours", () => {
  test("Retry-After: 1 (seconds) → the retry comes at least 1 s later; RateLimitError after 2 attempts", async () => {
    server.handle((_req, res) => sendJson(res, 429, limited, { "retry-after": "1" }));
    const error = await expectFault(() => details(faultClient(server.baseURL)), server, {
      error: RateLimitError,
      attempts: 2,
      atLeastMs: 1_000,
      underMs: 1_000 + slack,
    });
    expect(gap()).toBeGreaterThanOrEqual(990);
    expect(error.status).toBe(429);
    expect(error.message).toBe("429 Rate limited");
  });

  test("Retry-After as an HTTP date → the retry comes no sooner than that date", async () => {
    // HTTP dates have whole seconds: the next whole second at least 0.8 s away, beyond any backoff.
    let target = 0;
    server.handle((_req, res) => {
      target ||= Math.ceil((Date.now() + 800) / 1_000) * 1_000;
      sendJson(res, 429, limited, { "retry-after": new Date(target).toUTCString() });
    });
    await expectFault(() => peerReport(faultClient(server.baseURL)), server, {
      error: RateLimitError,
      attempts: 2,
      atLeastMs: 700,
      underMs: 1_800 + slack,
    });
    expect(server.hits[1]?.at).toBeGreaterThanOrEqual(target - 20);
    expect(gap()).toBeGreaterThan(firstBackoffMax);
  });

  test("retry-after-ms: 700 → the retry comes at least 700 ms later", async () => {
    server.handle((_req, res) => sendJson(res, 429, limited, { "retry-after-ms": "700" }));
    await expectFault(() => details(faultClient(server.baseURL)), server, {
      error: RateLimitError,
      attempts: 2,
      atLeastMs: 700,
      underMs: 700 + slack,
    });
    expect(gap()).toBeGreaterThanOrEqual(695);
  });

  test("Retry-After: 30 does not hold the caller: an abort during the wait → APIUserAbortError at once", async () => {
    server.handle((_req, res) => sendJson(res, 429, limited, { "retry-after": "30" }));
    await expectFault(
      () => details(faultClient(server.baseURL, { maxRetries: 2 }), { signal: AbortSignal.timeout(200) }),
      server,
      { error: APIUserAbortError, attempts: 1, atLeastMs: 200, underMs: slack },
    );
  });
});

describe("429 with a wait longer than maxRetryAfter (60 s by default): no retry, the wait in retryAfter", () => {
  // Changed: these were retried after a backoff of about 0.5 s, which only spends a blocked token's quota.
  test.each([
    { label: "Retry-After: 120", headers: () => ({ "retry-after": "120" }), wait: 120_000 },
    {
      label: "Retry-After as a date 2 minutes ahead",
      headers: () => ({ "retry-after": new Date(Date.now() + 120_000).toUTCString() }),
      wait: 120_000,
    },
    { label: "retry-after-ms: 90000", headers: () => ({ "retry-after-ms": "90000" }), wait: 90_000 },
    {
      label: "x-ratelimit-reset 5 minutes ahead (Cloudflare's block)",
      headers: () => ({ "x-ratelimit-reset": new Date(Date.now() + 300_000).toUTCString() }),
      wait: 300_000,
    },
  ])("$label → RateLimitError after 1 attempt, at once", async ({ headers, wait }) => {
    server.handle((_req, res) => sendJson(res, 429, limited, headers()));
    const error = await expectFault(() => details(faultClient(server.baseURL, { maxRetries: 2 })), server, {
      error: RateLimitError,
      attempts: 1,
      underMs: slack,
    });
    // HTTP dates have whole seconds.
    expect(error.retryAfter).toBeGreaterThan(wait - 2_000);
    expect(error.retryAfter).toBeLessThanOrEqual(wait);
  });

  test("a 503 asking for 120 s is not retried either: the rule is the wait's, not the status's", async () => {
    server.handle((_req, res) => sendJson(res, 503, limited, { "retry-after": "120" }));
    const error = await expectFault(() => peerReport(faultClient(server.baseURL)), server, {
      error: InternalServerError,
      attempts: 1,
      underMs: slack,
    });
    expect(error.retryAfter).toBe(120_000);
  });

  test("maxRetryAfter raised to 2 s → Retry-After: 1 is waited for, and 3 is not", async () => {
    server.handle((_req, res, i) => sendJson(res, 429, limited, { "retry-after": i === 0 ? "1" : "3" }));
    const error = await expectFault(
      () => details(faultClient(server.baseURL, { maxRetries: 3, maxRetryAfter: 2_000 })),
      server,
      { error: RateLimitError, attempts: 2, atLeastMs: 1_000, underMs: 1_000 + slack },
    );
    expect(error.retryAfter).toBe(3_000);
  });
});

describe("429 with a wait of 0, or one that cannot be read: the backoff, never a burst", () => {
  test.each([
    { label: "Retry-After: 0", headers: () => ({ "retry-after": "0" }), retryAfter: 0 },
    { label: "retry-after-ms: 0", headers: () => ({ "retry-after-ms": "0" }), retryAfter: 0 },
    {
      label: "Retry-After: soon (neither seconds nor a date)",
      headers: () => ({ "retry-after": "soon" }),
      retryAfter: undefined,
    },
    { label: "Retry-After: -5", headers: () => ({ "retry-after": "-5" }), retryAfter: 0 },
    {
      label: "Retry-After as a date in the past",
      headers: () => ({ "retry-after": new Date(Date.now() - 10_000).toUTCString() }),
      retryAfter: 0,
    },
  ])(
    "$label → a backoff (≥ 375 ms) before each retry; RateLimitError after 3 attempts",
    async ({ headers, retryAfter }) => {
      server.handle((_req, res) => sendJson(res, 429, limited, headers()));
      const error = await expectFault(() => details(faultClient(server.baseURL, { maxRetries: 2 })), server, {
        error: RateLimitError,
        attempts: 3,
        atLeastMs: firstBackoff + 2 * firstBackoff,
        underMs: firstBackoffMax + 1_000 + slack,
      });
      expect(gap()).toBeGreaterThanOrEqual(firstBackoff - 5);
      expect((server.hits[2]?.at ?? 0) - (server.hits[1]?.at ?? 0)).toBeGreaterThanOrEqual(
        2 * firstBackoff - 5,
      );
      expect(error.retryAfter).toBe(retryAfter);
    },
  );
});
