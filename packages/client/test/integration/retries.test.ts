/**
 * Retries against a real server that counts attempts: which statuses are retried, `x-should-retry`, and
 * waits from `retry-after-ms` / `retry-after` instead of the exponential backoff (at least 375 ms).
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  APIConnectionError,
  APIError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  RateLimitError,
} from "../../src/index.js";
import { type LoopbackServer, sendJson, startLoopbackServer } from "../support/loopback-server.js";
import { specOperation } from "../support/openapi-document.js";
import { expectInstance, rejectionOf } from "../support/outcome.js";
import { clientFor, details, peerReport } from "./client.js";

let server: LoopbackServer;
beforeAll(async () => {
  server = await startLoopbackServer();
});
afterAll(async () => {
  await server?.close();
});

const failure = (status: number) => ({
  success: false,
  error: { code: status, message: `failed with ${status}` },
});
// How long the client waits is pinned by the retry unit tests with an injected sleep; here only lower
// bounds are timed, since a loaded machine can make anything slower but nothing faster.
const gapBetweenHits = () => (server.hits[1]?.at ?? 0) - (server.hits[0]?.at ?? 0);

describe("retry-after headers", () => {
  test("503 with retry-after: 0 → maxRetries + 1 attempts, then InternalServerError", async () => {
    server.handle((_req, res) => sendJson(res, 503, failure(503), { "retry-after": "0" }));
    const error = await rejectionOf(details(clientFor(server, { maxRetries: 2 })));
    expect(expectInstance(error, InternalServerError).status).toBe(503);
    expect(server.hits).toHaveLength(3);
  });

  test("429 with retry-after-ms: 0 → maxRetries + 1 attempts, then RateLimitError", async () => {
    server.handle((_req, res) => sendJson(res, 429, failure(429), { "retry-after-ms": "0" }));
    const error = await rejectionOf(peerReport(clientFor(server, { maxRetries: 3 })));
    expectInstance(error, RateLimitError);
    expect(server.hits).toHaveLength(4);
  });

  test("two 500s then a 200 → the body, after three attempts", async () => {
    const example = specOperation("getParticipantDataFromPeerId").example;
    server.handle((_req, res, index) =>
      index < 2 ? sendJson(res, 500, failure(500), { "retry-after-ms": "0" }) : sendJson(res, 200, example),
    );
    expect(await peerReport(clientFor(server, { maxRetries: 2 }))).toEqual(example);
    expect(server.hits).toHaveLength(3);
  });

  test("retry-after-ms wins over retry-after", async () => {
    server.handle((_req, res) =>
      sendJson(res, 503, failure(503), { "retry-after-ms": "1200", "retry-after": "0" }),
    );
    const error = await rejectionOf(details(clientFor(server, { maxRetries: 1 })));
    expectInstance(error, InternalServerError);
    expect(server.hits).toHaveLength(2);
    // retry-after alone would retry at once and a backoff is at most 0.5 s: only retry-after-ms waits this long.
    expect(gapBetweenHits()).toBeGreaterThanOrEqual(1_150);
  });

  test("retry-after as an HTTP date about 2 s ahead → the retry waits for it", async () => {
    server.handle((_req, res) =>
      sendJson(res, 503, failure(503), { "retry-after": new Date(Date.now() + 2_500).toUTCString() }),
    );
    await rejectionOf(details(clientFor(server, { maxRetries: 1 })));
    expect(server.hits).toHaveLength(2);
    // The date has whole seconds, so the wait is 1.5 to 2.5 s; a backoff would be at most 0.5 s.
    expect(gapBetweenHits()).toBeGreaterThan(1_000);
  }, 6_000);
});

describe("which answers are retried", () => {
  test.each([408, 409, 429, 500, 502, 503, 504])("%i is retried", async (status) => {
    server.handle((_req, res) => sendJson(res, status, failure(status), { "retry-after-ms": "0" }));
    const error = expectInstance(await rejectionOf(details(clientFor(server, { maxRetries: 2 }))), APIError);
    expect(error.status).toBe(status);
    expect(server.hits).toHaveLength(3);
  });

  test("409 becomes ConflictError after its retries", async () => {
    server.handle((_req, res) => sendJson(res, 409, failure(409), { "retry-after-ms": "0" }));
    expectInstance(await rejectionOf(details(clientFor(server, { maxRetries: 1 }))), ConflictError);
    expect(server.hits).toHaveLength(2);
  });

  test.each([400, 401, 403, 404, 422])("%i is never retried", async (status) => {
    server.handle((_req, res) => sendJson(res, status, failure(status), { "retry-after-ms": "0" }));
    expectInstance(await rejectionOf(details(clientFor(server, { maxRetries: 2 }))), APIError);
    expect(server.hits).toHaveLength(1);
  });

  test("x-should-retry: false stops retries of a 503", async () => {
    server.handle((_req, res) =>
      sendJson(res, 503, failure(503), { "retry-after-ms": "0", "x-should-retry": "false" }),
    );
    expectInstance(await rejectionOf(details(clientFor(server, { maxRetries: 2 }))), InternalServerError);
    expect(server.hits).toHaveLength(1);
  });

  test("x-should-retry: true retries a 400", async () => {
    server.handle((_req, res) =>
      sendJson(res, 400, failure(400), { "retry-after-ms": "0", "x-should-retry": "true" }),
    );
    expectInstance(await rejectionOf(details(clientFor(server, { maxRetries: 2 }))), BadRequestError);
    expect(server.hits).toHaveLength(3);
  });

  test("a call's maxRetries overrides the client's", async () => {
    server.handle((_req, res) => sendJson(res, 503, failure(503), { "retry-after-ms": "0" }));
    await rejectionOf(details(clientFor(server, { maxRetries: 0 }), { maxRetries: 2 }));
    expect(server.hits).toHaveLength(3);
    server.handle((_req, res) => sendJson(res, 503, failure(503), { "retry-after-ms": "0" }));
    await rejectionOf(details(clientFor(server, { maxRetries: 2 }), { maxRetries: 0 }));
    expect(server.hits).toHaveLength(1);
  });

  test("a reset connection is retried, and the retry's answer returned", async () => {
    const example = specOperation("getParticipantDataFromPeerId").example;
    server.handle((req, res, index) => (index === 0 ? req.socket.destroy() : sendJson(res, 200, example)));
    expect(await peerReport(clientFor(server, { maxRetries: 1 }))).toEqual(example);
    expect(server.hits).toHaveLength(2);
  });

  test("resets on every attempt → APIConnectionError after maxRetries + 1 attempts", async () => {
    server.handle((req) => req.socket.destroy());
    const error = expectInstance(
      await rejectionOf(peerReport(clientFor(server, { maxRetries: 1 }))),
      APIConnectionError,
    );
    expect(error).not.toBeInstanceOf(APIError);
    expect(server.hits).toHaveLength(2);
  });
});
