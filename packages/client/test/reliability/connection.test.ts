/**
 * Faults below HTTP status codes, one per test: nobody listening, a reset in the middle of the headers or
 * of the body, a connection closed before the body is complete, headers that never come, a body that
 * stalls, and a port that does not speak HTTP. Each is retried, then surfaces as an `APIConnectionError`
 * (or its timeout subclass) with the cause the runtime gave, and never with the token in it.
 */
import type { Socket } from "node:net";
import { describe, expect, test } from "vitest";
import { APIConnectionError, APIConnectionTimeoutError } from "../../src/index.js";
import { loopbackServerForFile } from "../support/loopback-server.js";
import { sleep } from "../support/outcome.js";
import { freePort } from "../support/prism-server.js";
import {
  causeChain,
  collectGarbage,
  details,
  expectFault,
  faultClient,
  firstBackoff,
  firstBackoffMax,
  guardConsole,
  peerReport,
  type RawServer,
  sendingWire,
  slack,
  startRawServer,
} from "./harness.js";

guardConsole();

const server = loopbackServerForFile();

/** A raw server per test, closed by the test itself. */
async function withRawServer(
  onRequest: (socket: Socket, head: Buffer, index: number) => void,
  run: (raw: RawServer) => Promise<void>,
) {
  const raw = await startRawServer(onRequest);
  try {
    await run(raw);
  } finally {
    await raw.close();
  }
}

const codes = (error: unknown) =>
  causeChain(error).map((link) => (link as { code?: unknown } | undefined)?.code ?? null);

const jsonHead = (length: number) =>
  `HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: ${length}\r\n\r\n`;

describe("connection faults, each retried once (maxRetries: 1) before it surfaces", () => {
  test("connection refused → APIConnectionError with ECONNREFUSED in its cause, after 2 attempts", async () => {
    const origin = `http://127.0.0.1:${await freePort()}`;
    const wire = sendingWire(origin);
    const rtk = faultClient(`${origin}/client/v4`, { fetch: wire.fetch });
    const error = await expectFault(() => peerReport(rtk), wire, {
      error: APIConnectionError,
      attempts: 2,
      atLeastMs: firstBackoff,
      underMs: firstBackoffMax + slack,
    });
    expect(codes(error)).toContain("ECONNREFUSED");
  });

  test("reset (RST) in the middle of the headers → APIConnectionError after 2 attempts", async () => {
    await withRawServer(
      (socket) => {
        socket.write("HTTP/1.1 200 OK\r\ncontent-type: application/js");
        setTimeout(() => socket.resetAndDestroy(), 10);
      },
      async (raw) => {
        await expectFault(() => details(faultClient(raw.baseURL)), raw, {
          error: APIConnectionError,
          attempts: 2,
          atLeastMs: firstBackoff,
          underMs: firstBackoffMax + slack,
        });
      },
    );
  });

  test("reset (RST) in the middle of the body → APIConnectionError after 2 attempts", async () => {
    await withRawServer(
      (socket) => {
        socket.write(`${jsonHead(400)}{"success":true,"data":{"participant":{"id":"`);
        setTimeout(() => socket.resetAndDestroy(), 10);
      },
      async (raw) => {
        await expectFault(() => details(faultClient(raw.baseURL)), raw, {
          error: APIConnectionError,
          attempts: 2,
          atLeastMs: firstBackoff,
          underMs: firstBackoffMax + slack,
        });
      },
    );
  });

  test("closed (FIN) before the body's content-length → APIConnectionError after 2 attempts", async () => {
    await withRawServer(
      (socket) => {
        // Truncated JSON that the server claims is longer: the body ends early, not the JSON.
        socket.end(`${jsonHead(400)}{"success":true,"data":{"participant":{"id":"`);
      },
      async (raw) => {
        await expectFault(() => details(faultClient(raw.baseURL)), raw, {
          error: APIConnectionError,
          attempts: 2,
          atLeastMs: firstBackoff,
          underMs: firstBackoffMax + slack,
        });
      },
    );
  });

  test("headers that never come → APIConnectionTimeoutError after 2 attempts of `timeout` each", async () => {
    server.handle(() => {});
    const timeout = 150;
    await expectFault(() => details(faultClient(server.baseURL, { timeout })), server, {
      error: APIConnectionTimeoutError,
      attempts: 2,
      atLeastMs: 2 * timeout + firstBackoff,
      underMs: 2 * timeout + firstBackoffMax + slack,
    });
  });

  test("a body that stalls after its first bytes → APIConnectionTimeoutError after 2 attempts", async () => {
    server.handle((_req, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-length": "400" });
      res.write('{"success":true,"data":{"participant":{"id":"');
    });
    const timeout = 150;
    await expectFault(() => peerReport(faultClient(server.baseURL, { timeout })), server, {
      error: APIConnectionTimeoutError,
      attempts: 2,
      atLeastMs: 2 * timeout + firstBackoff,
      underMs: 2 * timeout + firstBackoffMax + slack,
    });
  });

  test("a port that does not speak HTTP and echoes the request → APIConnectionError, token in no cause", async () => {
    // What a misconfigured baseURL or a broken proxy does: the runtime's parser error keeps the bytes it
    // could not parse, which here are the request, Authorization header included.
    await withRawServer(
      (socket, head) => socket.end(head),
      async (raw) => {
        const error = await expectFault(() => peerReport(faultClient(raw.baseURL)), raw, {
          error: APIConnectionError,
          attempts: 2,
          atLeastMs: firstBackoff,
          underMs: firstBackoffMax + slack,
        });
        expect(causeChain(error).length, "the runtime's errors are kept as the cause").toBeGreaterThan(1);
      },
    );
  });

  test("a garbled status line → APIConnectionError after 2 attempts", async () => {
    await withRawServer(
      (socket) => socket.end("HTTP/1.1 2OO OK\r\ncontent-length: 2\r\n\r\n{}"),
      async (raw) => {
        await expectFault(() => details(faultClient(raw.baseURL)), raw, {
          error: APIConnectionError,
          attempts: 2,
          atLeastMs: firstBackoff,
          underMs: firstBackoffMax + slack,
        });
      },
    );
  });
});

describe("a timeout ends the call even when garbage is collected while the attempt waits", () => {
  // Node's fetch copies the Request it is given, and the copy follows the original's signal only while the
  // original lives (nodejs/undici#4068): were the client's Request collected mid-flight, the timeout's abort
  // would never reach the socket, and the call would hang for good. A soak run found this.
  test.each([
    { label: "with the global fetch", fetch: undefined },
    {
      label: "with a fetch option that wraps the init in a Request of its own",
      fetch: (url: string, init: RequestInit) => fetch(new Request(url, init)),
    },
  ])("$label → APIConnectionTimeoutError after `timeout`", async ({ fetch }) => {
    server.handle(() => {});
    const timeout = 400;
    const settled = Promise.race([
      expectFault(() => peerReport(faultClient(server.baseURL, { timeout, maxRetries: 0, fetch })), server, {
        error: APIConnectionTimeoutError,
        attempts: 1,
        atLeastMs: timeout,
        underMs: timeout + slack,
      }).then(() => "settled"),
      sleep(timeout + slack + 1_000).then(() => "still waiting"),
    ]);
    await sleep(100);
    await collectGarbage();
    expect(await settled).toBe("settled");
  });
});
