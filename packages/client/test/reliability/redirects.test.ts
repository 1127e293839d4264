/**
 * Redirects. The client leaves them to the runtime's `fetch`, which follows them; what it must never do is
 * carry the token to another origin. Node's fetch drops `Authorization` when a redirect leaves the
 * origin (the Fetch standard's rule); these tests pin that with a second loopback server on another port
 * as the other origin, and show that the same origin keeps the header (so the check is not vacuous).
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { APIConnectionError, AuthenticationError } from "../../src/index.js";
import { type LoopbackServer, sendJson, startLoopbackServer } from "../support/loopback-server.js";
import { specOperation } from "../support/openapi-document.js";
import { apiToken } from "../support/sample-values.js";
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

let server: LoopbackServer;
let otherOrigin: LoopbackServer;
beforeAll(async () => {
  [server, otherOrigin] = await Promise.all([startLoopbackServer(), startLoopbackServer()]);
});
afterAll(async () => {
  await Promise.all([server?.close(), otherOrigin?.close()]);
});

/** The other origin answers as Cloudflare's gateway does: 401 without a token, the example with one. */
function answerLikeTheGateway() {
  otherOrigin.handle((req, res) =>
    req.headers.authorization
      ? sendJson(res, 200, specOperation("getParticipantDataFromPeerId").example)
      : sendJson(res, 401, {
          success: false,
          errors: [{ code: 10_000, message: "Authentication error" }],
          messages: [],
          result: null,
        }),
  );
}

describe("a redirect to another origin", () => {
  test.each([301, 302, 303, 307, 308])(
    "%i → followed without Authorization: the other origin answers 401, AuthenticationError",
    async (status) => {
      answerLikeTheGateway();
      server.handle((req, res) =>
        res.writeHead(status, { location: `${otherOrigin.origin}${req.url}` }).end(),
      );
      await expectFault(() => peerReport(faultClient(server.baseURL)), server, {
        error: AuthenticationError,
        attempts: 1,
        underMs: slack,
      });
      expect(otherOrigin.hits).toHaveLength(1);
      const received = otherOrigin.hits[0]?.headers ?? {};
      expect(received.authorization, "the token followed the redirect").toBeUndefined();
      expect(JSON.stringify(received)).not.toContain(apiToken);
      // The request is still the same, valid one, only without its credentials.
      expectConforming(otherOrigin, { bearer: false });
      expect(otherOrigin.hits[0]?.url).toBe(server.hits[0]?.url);
    },
  );
});

describe("a redirect within the origin", () => {
  test("keeps Authorization, and the call gets the final answer", async () => {
    const example = specOperation("getParticipantDataFromPeerId").example;
    server.handle((req, res, index) =>
      index === 0
        ? res.writeHead(307, { location: `${req.url?.split("?")[0]}?filters=events` }).end()
        : sendJson(res, 200, example),
    );
    await expect(peerReport(faultClient(server.baseURL))).resolves.toEqual(example);
    expect(server.hits).toHaveLength(2);
    expect(server.hits[1]?.url).toMatch(/\?filters=events$/);
    expectConforming(server);
  });

  test("a redirect loop ends with APIConnectionError, retried once", async () => {
    server.handle((req, res) => res.writeHead(302, { location: req.url }).end());
    await expectFault(() => details(faultClient(server.baseURL)), server, {
      error: APIConnectionError,
      // The runtime gives up after 20 redirects: 21 requests for each of the 2 attempts.
      attempts: 2 * 21,
      atLeastMs: firstBackoff,
      underMs: firstBackoffMax + slack,
    });
  });
});
