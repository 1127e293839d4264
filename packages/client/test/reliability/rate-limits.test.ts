/**
 * 429 answers and the wait they ask for: `Retry-After` in seconds and as an HTTP date, `retry-after-ms`,
 * and hints past 60 s (or unreadable), which the client ignores for its own backoff. A wait the server
 * asked for is proven by a gap between attempts longer than any backoff could be (0.5 s); an ignored one
 * by a retry that came after a backoff and long before the hint.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { APIUserAbortError, RateLimitError } from "../../src/index.js";
import { type LoopbackServer, sendJson, startLoopbackServer } from "../support/loopback-server.js";
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

let server: LoopbackServer;
beforeAll(async () => {
  server = await startLoopbackServer();
});
afterAll(async () => {
  await server?.close();
});

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

describe("429 with a wait the client ignores for its own backoff", () => {
  test.each([
    { label: "Retry-After: 120 (past 60 s)", headers: () => ({ "retry-after": "120" }) },
    {
      label: "Retry-After as a date 2 minutes ahead",
      headers: () => ({ "retry-after": new Date(Date.now() + 120_000).toUTCString() }),
    },
    { label: "retry-after-ms: 90000 (past 60 s)", headers: () => ({ "retry-after-ms": "90000" }) },
    { label: "Retry-After: soon (neither seconds nor a date)", headers: () => ({ "retry-after": "soon" }) },
    { label: "Retry-After: -5", headers: () => ({ "retry-after": "-5" }) },
    {
      label: "Retry-After as a date in the past",
      headers: () => ({ "retry-after": new Date(Date.now() - 10_000).toUTCString() }),
    },
  ])("$label → a backoff (≥ 375 ms), not the hint; RateLimitError after 2 attempts", async ({ headers }) => {
    server.handle((_req, res) => sendJson(res, 429, limited, headers()));
    await expectFault(() => details(faultClient(server.baseURL)), server, {
      error: RateLimitError,
      attempts: 2,
      atLeastMs: firstBackoff,
      underMs: firstBackoffMax + slack,
    });
    expect(gap()).toBeGreaterThanOrEqual(firstBackoff - 5);
  });
});
