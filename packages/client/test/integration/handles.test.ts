/**
 * No timer, socket or listener outlives its call: after calls that succeeded, failed, timed out, were
 * retried, reset and aborted, the only resources left are those there were before (the server's own).
 * In a file of its own so no other test's resources blur the count.
 */
import { getEventListeners } from "node:events";
import { afterAll, beforeAll, expect, test } from "vitest";
import { type LoopbackServer, sendJson, startLoopbackServer } from "../support/loopback-server.js";
import { rejectionOf } from "../support/outcome.js";
import { resourcesBeyond, steadyResources } from "../support/resources.js";
import { clientFor, details, peerReport } from "./client.js";

let server: LoopbackServer;
beforeAll(async () => {
  server = await startLoopbackServer();
});
afterAll(async () => {
  await server?.close();
});

test("no active resources remain besides the server's after every kind of call", async () => {
  const before = await steadyResources();
  // The default timeout is 60 s: a timer left armed would show here, and keep a process alive for a minute.
  const rtk = clientFor(server, { timeout: undefined });
  const signal = new AbortController().signal;

  server.handle((_req, res) => sendJson(res, 200, { data: null, success: true }));
  await details(rtk, { signal });
  await peerReport(rtk);

  server.handle((_req, res) => sendJson(res, 404, { success: false, error: { code: 404, message: "nope" } }));
  await rejectionOf(details(rtk));

  server.handle((_req, res, index) =>
    index === 0
      ? sendJson(
          res,
          503,
          { success: false, error: { code: 503, message: "busy" } },
          { "retry-after-ms": "0" },
        )
      : sendJson(res, 200, { data: null, success: true }),
  );
  await peerReport(rtk, { maxRetries: 1, signal });

  server.handle((_req, res) => server.later(2_000, () => sendJson(res, 200, {})));
  await rejectionOf(details(rtk, { timeout: 50, maxRetries: 0, signal }));

  server.handle(() => {});
  await rejectionOf(details(rtk, { signal: AbortSignal.timeout(50), maxRetries: 0 }));

  server.handle((req) => req.socket.destroy());
  await rejectionOf(peerReport(rtk, { maxRetries: 0 }));

  expect(getEventListeners(signal, "abort"), "listeners left on the caller's signal").toHaveLength(0);

  // What is left belongs to the server (held and pending sockets, slow answers): end it, then count.
  server.handle(() => {});
  server.dropConnections();
  const left = await resourcesBeyond(before, 20);
  expect(left, `before: ${JSON.stringify(before)}`).toEqual({});
});
