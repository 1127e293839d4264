/**
 * A `fetch` that rejects on an error status with the response attached, as ky's `HTTPError` does (and
 * `ofetch`, `wretch` and many in-house wrappers alike): a response did arrive, so the call must end as
 * that status's error, retried or not by the status and the server's wait, never as "Connection error."
 * retried on the client's own backoff. Before, a 429 asking for 120 s was sent three times in 1.2 s, and a
 * 404 was retried.
 */
import ky from "ky";
import { describe, expect, test } from "vitest";
import { type Fetch, InternalServerError, NotFoundError, RateLimitError } from "../../src/index.js";
import { expectFault, faultClient, guardConsole, peerReport, slack } from "../reliability/harness.js";
import { loopbackServerForFile, sendJson } from "../support/loopback-server.js";

guardConsole();

const server = loopbackServerForFile();

// ky as most people plug it in: its own retries off, so ours decide.
const kyFetch: Fetch = (url, init) => ky(url, { ...init, retry: 0 });

const envelope = (message: string) => ({ success: false, errors: [{ code: 7, message }] });

describe("a wrapper fetch that throws its own error holding the response (ky)", () => {
  test("404 → NotFoundError with the API's message, one attempt", async () => {
    server.handle((_req, res) => sendJson(res, 404, envelope("peer not found"), { "cf-ray": "8f0-AMS" }));
    const error = await expectFault(
      () => peerReport(faultClient(server.baseURL, { fetch: kyFetch })),
      server,
      {
        error: NotFoundError,
        attempts: 1,
        underMs: slack,
      },
    );
    expect(error.message).toBe("404 peer not found");
    expect(error.requestId).toBe("8f0-AMS");
  });

  test("429 with retry-after: 120 → RateLimitError at once, retryAfter 120000, not retried sooner", async () => {
    server.handle((_req, res) => sendJson(res, 429, envelope("slow down"), { "retry-after": "120" }));
    const error = await expectFault(
      () => peerReport(faultClient(server.baseURL, { fetch: kyFetch })),
      server,
      {
        error: RateLimitError,
        attempts: 1,
        underMs: slack,
      },
    );
    expect(error.retryAfter).toBe(120_000);
  });

  test("503 then 200 → retried on the backoff, and the answer", async () => {
    server.handle((_req, res, index) =>
      index === 0
        ? sendJson(res, 503, envelope("busy"))
        : sendJson(res, 200, { success: true, data: { peer_report: { quality: "good" } } }),
    );
    await expect(peerReport(faultClient(server.baseURL, { fetch: kyFetch }))).resolves.toMatchObject({
      data: { peer_report: { quality: "good" } },
    });
    expect(server.hits).toHaveLength(2);
  });

  test("500 twice → InternalServerError after both attempts", async () => {
    server.handle((_req, res) => sendJson(res, 500, envelope("broken")));
    const error = await expectFault(
      () => peerReport(faultClient(server.baseURL, { fetch: kyFetch })),
      server,
      {
        error: InternalServerError,
        attempts: 2,
        underMs: slack,
      },
    );
    expect(error.message).toBe("500 broken");
  });
});
