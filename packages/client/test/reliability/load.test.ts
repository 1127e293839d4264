/**
 * Thousands of concurrent calls through one client against a server that answers in random order, some of
 * them after a retry: every call gets its own answer, every request the server saw is one the spec allows,
 * and afterwards no timer, socket or abort listener is left. In a file of its own so that no other test's
 * resources blur the count.
 */
import { randomUUID } from "node:crypto";
import { getEventListeners, setMaxListeners } from "node:events";
import { afterAll, beforeAll, expect, test } from "vitest";
import { type LoopbackServer, sendJson, startLoopbackServer } from "../support/loopback-server.js";
import { resourcesBeyond, steadyResources } from "../support/resources.js";
import { accountId, appId } from "../support/sample-values.js";
import { expectConforming, faultClient, guardConsole, slack } from "./harness.js";

guardConsole();

/** Concurrent calls; RELIABILITY_CALLS raises it for a heavier local run. */
const calls = Number(process.env.RELIABILITY_CALLS) || 2_000;

let server: LoopbackServer;
beforeAll(async () => {
  server = await startLoopbackServer();
});
afterAll(async () => {
  await server?.close();
});

test(`${calls} concurrent calls, answered in random order, some retried: each gets its own answer, nothing leaks`, async () => {
  const before = await steadyResources();
  const controller = new AbortController();
  // One signal shared by every call, as a service's shutdown signal would be; Node warns past 10 listeners.
  setMaxListeners(calls * 2, controller.signal);

  const arrived: string[] = [];
  const answered: string[] = [];
  const failedOnce = new Set<string>();
  let listenersInFlight = 0; // sampled at the first request, while its call waits for the answer
  server.handle((req, res) => {
    // The last path segment is the call's own id (participant or peer); the answer echoes it back.
    const id = req.url?.split("?")[0]?.split("/").pop() ?? "";
    arrived.push(id);
    if (arrived.length === 1) listenersInFlight = getEventListeners(controller.signal, "abort").length;
    server.later(Math.floor(Math.random() * 30), () => {
      answered.push(id);
      // One in ten fails first with a 503 or a 429 asking for an immediate retry.
      if (!failedOnce.has(id) && id.endsWith("0")) {
        failedOnce.add(id);
        const status = id.endsWith("00") ? 429 : 503;
        sendJson(
          res,
          status,
          { success: false, error: { code: status, message: "busy" } },
          { "retry-after-ms": "0" },
        );
        return;
      }
      const data = req.url?.includes("/peer-report/")
        ? { id, session_id: "s" }
        : { participant: { id, display_name: `participant ${id}` } };
      sendJson(res, 200, { success: true, data });
    });
  });

  // The default timeout (60 s): a timer left armed would show below.
  const rtk = faultClient(server.baseURL, { timeout: undefined, maxRetries: 2 });
  const ids = Array.from({ length: calls }, () => randomUUID());
  const start = performance.now();
  const results = await Promise.all(
    ids.map(async (id, i) => {
      const options = { signal: controller.signal };
      if (i % 2 === 0) {
        const body = await rtk.sessions.getSessionParticipantDetails(
          id,
          { session_id: "182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e", account_id: accountId, app_id: appId },
          options,
        );
        return body.data?.participant?.id;
      }
      const body = await rtk.sessions.getParticipantDataFromPeerId(id, {}, options);
      return body.data?.id;
    }),
  );
  const elapsed = performance.now() - start;

  expect(results).toEqual(ids);
  expect(failedOnce.size, "some calls were retried").toBeGreaterThan(0);
  expect(server.hits).toHaveLength(calls + failedOnce.size);
  expect(answered, "the server answered in an order other than arrival").not.toEqual(arrived);
  expectConforming(server);
  expect(elapsed).toBeLessThan(10 * slack);

  // Listeners were there while calls were in flight, and none is left now.
  expect(listenersInFlight).toBeGreaterThan(0);
  expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);

  // Idle keep-alive sockets belong to the pool, not to a call: end them on the server side, then count.
  server.dropConnections();
  const left = await resourcesBeyond(before, 40);
  expect(left, `resources before: ${JSON.stringify(before)}`).toEqual({});
}, 60_000);
