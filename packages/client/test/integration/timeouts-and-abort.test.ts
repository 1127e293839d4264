/**
 * Slow, hung and reset connections on a real server: a timeout per attempt, the caller's signal aborting
 * at once (also during a backoff wait) with no further attempts, and connection failures.
 */
import { getEventListeners } from "node:events";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  RealtimeKitError,
} from "../../src/index.js";
import { type LoopbackServer, sendJson, startLoopbackServer } from "../support/loopback-server.js";
import { expectInstance, rejectionOf, sleep } from "../support/outcome.js";
import { freePort } from "../support/prism-server.js";
import { clientFor, details, peerReport } from "./client.js";

let server: LoopbackServer;
beforeAll(async () => {
  server = await startLoopbackServer();
});
afterAll(async () => {
  await server?.close();
});

const ok = { data: null, success: true };

async function timed<T>(run: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const value = await run();
  return [value, performance.now() - start];
}

describe("timeout", () => {
  test("a response slower than timeout → APIConnectionTimeoutError after maxRetries + 1 attempts", async () => {
    server.handle((_req, res) => server.later(3_000, () => sendJson(res, 200, ok)));
    const [error, elapsed] = await timed(() =>
      rejectionOf(details(clientFor(server, { timeout: 100, maxRetries: 1 }))),
    );
    expectInstance(error, APIConnectionTimeoutError);
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(error).toBeInstanceOf(RealtimeKitError);
    expect(server.hits).toHaveLength(2);
    // Two attempts of 100 ms and one backoff (≤ 0.5 s); far less than the server's 3 s.
    expect(elapsed).toBeGreaterThanOrEqual(190);
    expect(elapsed).toBeLessThan(1_500);
  });

  test("applies to each attempt: a slow first answer, a quick second one → the body", async () => {
    server.handle((_req, res, index) =>
      index === 0 ? server.later(3_000, () => sendJson(res, 200, ok)) : sendJson(res, 200, ok),
    );
    expect(await peerReport(clientFor(server, { timeout: 150, maxRetries: 1 }))).toEqual(ok);
    expect(server.hits).toHaveLength(2);
  });

  test("a call's timeout overrides the client's", async () => {
    server.handle((_req, res) => server.later(3_000, () => sendJson(res, 200, ok)));
    const [error, elapsed] = await timed(() =>
      rejectionOf(peerReport(clientFor(server, { timeout: 60_000 }), { timeout: 80, maxRetries: 0 })),
    );
    expectInstance(error, APIConnectionTimeoutError);
    expect(server.hits).toHaveLength(1);
    expect(elapsed).toBeLessThan(1_000);
  });

  test("a body that stalls after the headers times out too", async () => {
    server.handle((_req, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-length": "1000" });
      res.write('{"data":');
      server.later(3_000, () => res.end());
    });
    const [error, elapsed] = await timed(() =>
      rejectionOf(peerReport(clientFor(server, { timeout: 100, maxRetries: 0 }))),
    );
    // Reading the body is part of the attempt, or a stalled body would hang the call past its timeout.
    expectInstance(error, APIConnectionTimeoutError);
    expect(elapsed).toBeLessThan(1_000);
  });
});

describe("abort", () => {
  test("a hung response aborted by the caller's signal → APIUserAbortError at once, no further attempts", async () => {
    server.handle(() => {});
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), 100);
    const [error, elapsed] = await timed(() =>
      rejectionOf(
        details(clientFor(server, { timeout: 5_000, maxRetries: 2 }), { signal: controller.signal }),
      ),
    );
    clearTimeout(timer);
    expectInstance(error, APIUserAbortError);
    expect(error).not.toBeInstanceOf(APIConnectionTimeoutError);
    expect(elapsed).toBeLessThan(1_000);
    await sleep(600);
    expect(server.hits).toHaveLength(1);
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
  });

  test("an abort during the backoff wait → APIUserAbortError at once, no further attempts", async () => {
    const controller = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    server.handle((_req, res) => {
      // A 5 s wait before the retry: only an abort that cuts the wait ends the call sooner.
      sendJson(
        res,
        503,
        { success: false, error: { code: 503, message: "busy" } },
        { "retry-after-ms": "5000" },
      );
      timer = setTimeout(() => controller.abort(), 50);
    });
    const [error, elapsed] = await timed(() =>
      rejectionOf(peerReport(clientFor(server, { maxRetries: 2 }), { signal: controller.signal })),
    );
    clearTimeout(timer);
    expectInstance(error, APIUserAbortError);
    expect(elapsed).toBeLessThan(4_000);
    await sleep(700);
    expect(server.hits).toHaveLength(1);
  });

  test("an already aborted signal → APIUserAbortError, nothing sent", async () => {
    server.handle((_req, res) => sendJson(res, 200, ok));
    const error = await rejectionOf(peerReport(clientFor(server), { signal: AbortSignal.abort() }));
    expectInstance(error, APIUserAbortError);
    expect(server.hits).toHaveLength(0);
  });
});

describe("connection failures", () => {
  test("a reset connection (socket.destroy()) → APIConnectionError", async () => {
    server.handle((req) => req.socket.destroy());
    const error = await rejectionOf(details(clientFor(server, { maxRetries: 0 })));
    expectInstance(error, APIConnectionError);
    expect(error).not.toBeInstanceOf(APIConnectionTimeoutError);
    expect(error).not.toBeInstanceOf(APIError);
    expect(server.hits).toHaveLength(1);
  });

  test("a response cut off mid-body → APIConnectionError or APIError, never a raw error", async () => {
    server.handle((_req, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-length": "500" });
      res.write('{"data":{"participant":');
      server.later(20, () => res.socket?.destroy());
    });
    const error = await rejectionOf(details(clientFor(server, { maxRetries: 0 })));
    expect(error).toBeInstanceOf(RealtimeKitError);
    expect(error instanceof APIConnectionError || error instanceof APIError).toBe(true);
  });

  test("a refused connection → APIConnectionError after maxRetries + 1 attempts", async () => {
    const port = await freePort();
    const rtk = clientFor({ ...server, baseURL: `http://127.0.0.1:${port}/client/v4` }, { maxRetries: 0 });
    expectInstance(await rejectionOf(peerReport(rtk)), APIConnectionError);
  });
});
