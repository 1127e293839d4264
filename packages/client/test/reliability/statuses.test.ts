/**
 * Statuses the client retries (408, 409, 500, 502 with Cloudflare's HTML page, 503, 504), one test each:
 * the exact error class after maxRetries + 1 attempts, the wait between them (a short `retry-after-ms`, or
 * the backoff where the server names none), and the body kept. Then `x-should-retry`, which overrides the
 * status both ways.
 */
import { describe, expect, test } from "vitest";
import {
  APIError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  NotFoundError,
  RateLimitError,
} from "../../src/index.js";
import { loopbackServerForFile, sendJson } from "../support/loopback-server.js";
import {
  details,
  expectConforming,
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

const envelope = (status: number) => ({
  success: false,
  error: { code: status, message: `failed with ${status}` },
});

/** Roughly Cloudflare's own error page, as its edge serves it for an unreachable origin. */
const cloudflare502 = `<!DOCTYPE html>
<html lang="en-US"><head><title>api.cloudflare.com | 502: Bad gateway</title>
<meta charset="UTF-8" /><meta name="robots" content="noindex, nofollow" />
<link rel="stylesheet" id="cf_styles-css" href="/cdn-cgi/styles/main.css" /></head>
<body><div id="cf-wrapper"><div id="cf-error-details" class="p-0">
<header class="mx-auto pt-10 lg:pt-6 lg:px-8 w-240 lg:w-full mb-8">
<h1 class="inline-block sm:block sm:mb-2 font-light text-60 lg:text-4xl text-black-dark leading-tight mr-2">
<span class="inline-block">Bad gateway</span><span class="code-label">Error code 502</span></h1>
</header>${"<p>The web server reported a bad gateway error.</p>\n".repeat(200)}
<span>Cloudflare Ray ID: <strong>8f3c2b1a0d9e7f6c</strong></span></div></div></body></html>`;

/** Asked of the client so that a retry is quick, yet provably waited for. */
const retryAfterMs = 50;

describe("retried statuses: 2 attempts with the wait between, then the status's class", () => {
  test.each([
    { status: 408, ErrorClass: APIError, name: "APIError" },
    { status: 409, ErrorClass: ConflictError, name: "ConflictError" },
    { status: 500, ErrorClass: InternalServerError, name: "InternalServerError" },
    { status: 503, ErrorClass: InternalServerError, name: "InternalServerError" },
  ])("$status → $name", async ({ status, ErrorClass }) => {
    server.handle((_req, res) =>
      sendJson(res, status, envelope(status), { "retry-after-ms": String(retryAfterMs) }),
    );
    const error = await expectFault(() => details(faultClient(server.baseURL)), server, {
      error: ErrorClass,
      attempts: 2,
      atLeastMs: retryAfterMs,
      underMs: retryAfterMs + slack,
    });
    expect(error.status).toBe(status);
    expect(error.errors).toEqual([envelope(status).error]);
    expect(error.message).toBe(`${status} failed with ${status}`);
  });

  test("502 with Cloudflare's HTML page, no wait named → a backoff, then InternalServerError", async () => {
    server.handle((_req, res) =>
      res
        .writeHead(502, { "content-type": "text/html; charset=UTF-8", "cf-ray": "8f3c2b1a0d9e7f6c-SJC" })
        .end(cloudflare502),
    );
    const error = await expectFault(() => peerReport(faultClient(server.baseURL)), server, {
      error: InternalServerError,
      attempts: 2,
      atLeastMs: firstBackoff,
      underMs: firstBackoffMax + slack,
    });
    expect(error.status).toBe(502);
    expect(error.requestId).toBe("8f3c2b1a0d9e7f6c-SJC");
    expect(error.errors).toEqual([]);
    expect(error.message).toMatch(/^502 .*502: Bad gateway/);
    expect(error.message).not.toMatch(/[<>\n]/);
    expect(error.body).toBe(cloudflare502);
  });

  test("504 in the gateway's v4 envelope → InternalServerError with its errors", async () => {
    const body = {
      success: false,
      errors: [{ code: 10_504, message: "Gateway timeout" }],
      messages: [],
      result: null,
    };
    server.handle((_req, res) => sendJson(res, 504, body, { "retry-after-ms": String(retryAfterMs) }));
    const error = await expectFault(() => details(faultClient(server.baseURL)), server, {
      error: InternalServerError,
      attempts: 2,
      atLeastMs: retryAfterMs,
      underMs: retryAfterMs + slack,
    });
    expect(error.errors).toEqual(body.errors);
    expect(error.message).toBe("504 Gateway timeout");
  });

  test("three 503s with maxRetries: 3, then a 200 → the 200's body, after 4 attempts", async () => {
    const ok = { success: true, data: { participant: { id: "recovered" } } };
    server.handle((_req, res, index) =>
      index < 3 ? sendJson(res, 503, envelope(503), { "retry-after-ms": "20" }) : sendJson(res, 200, ok),
    );
    await expect(details(faultClient(server.baseURL, { maxRetries: 3 }))).resolves.toEqual(ok);
    expect(server.hits).toHaveLength(4);
    expectConforming(server);
  });
});

type Row = { status: number; ErrorClass: typeof APIError; name: string; headers?: Record<string, string> };

describe("x-should-retry overrides the status", () => {
  test.each<Row>([
    { status: 401, ErrorClass: AuthenticationError, name: "AuthenticationError" },
    { status: 404, ErrorClass: NotFoundError, name: "NotFoundError" },
    { status: 400, ErrorClass: BadRequestError, name: "BadRequestError" },
  ])("true on a $status → retried: 2 attempts, then $name", async ({ status, ErrorClass }) => {
    server.handle((_req, res) =>
      sendJson(res, status, envelope(status), {
        "x-should-retry": "true",
        "retry-after-ms": String(retryAfterMs),
      }),
    );
    await expectFault(() => peerReport(faultClient(server.baseURL)), server, {
      error: ErrorClass,
      attempts: 2,
      atLeastMs: retryAfterMs,
      underMs: retryAfterMs + slack,
    });
  });

  test.each<Row>([
    { status: 408, ErrorClass: APIError, name: "APIError", headers: {} },
    { status: 409, ErrorClass: ConflictError, name: "ConflictError", headers: {} },
    { status: 429, ErrorClass: RateLimitError, name: "RateLimitError", headers: { "retry-after": "0" } },
    { status: 500, ErrorClass: InternalServerError, name: "InternalServerError", headers: {} },
    {
      status: 504,
      ErrorClass: InternalServerError,
      name: "InternalServerError",
      headers: { "retry-after-ms": "0" },
    },
  ])("false on a $status → not retried: 1 attempt, $name", async ({ status, ErrorClass, headers }) => {
    server.handle((_req, res) =>
      sendJson(res, status, envelope(status), { "x-should-retry": "false", ...headers }),
    );
    await expectFault(() => details(faultClient(server.baseURL, { maxRetries: 3 })), server, {
      error: ErrorClass,
      attempts: 1,
      underMs: slack,
    });
  });
});
