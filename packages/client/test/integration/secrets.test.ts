/**
 * The API token reaches the server, and never any error: not its message, stack, `toString()`,
 * `JSON.stringify` or `util.inspect` output, whatever failed, even when the server echoes the request.
 */
import { inspect } from "node:util";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createRealtimeKitClient, RealtimeKitError } from "../../src/index.js";
import { type LoopbackServer, sendJson, startLoopbackServer } from "../support/loopback-server.js";
import { rejectionOf } from "../support/outcome.js";
import { freePort } from "../support/prism-server.js";
import { apiToken } from "../support/sample-values.js";
import { type Client, clientFor, details, peerReport } from "./client.js";

let server: LoopbackServer;
beforeAll(async () => {
  server = await startLoopbackServer();
});
afterAll(async () => {
  await server?.close();
});

function expectNoToken(error: unknown) {
  expect(error).toBeInstanceOf(RealtimeKitError);
  const e = error as Error;
  const outputs = {
    message: e.message,
    stack: e.stack ?? "",
    toString: String(e),
    json: JSON.stringify(e),
    inspect: inspect(e, { depth: Number.POSITIVE_INFINITY }),
    inspectHidden: inspect(e, { depth: 6, showHidden: true }),
  };
  for (const [name, text] of Object.entries(outputs)) expect(text, name).not.toContain(apiToken);
}

const echo = (req: { headers: Record<string, unknown> }) => `${req.headers.authorization}`;

const scenarios: Array<{
  label: string;
  handle: Parameters<LoopbackServer["handle"]>[0];
  run: (rtk: Client) => Promise<unknown>;
}> = [
  {
    label: "401 in the v4 envelope",
    handle: (_req, res) =>
      sendJson(res, 401, {
        success: false,
        errors: [{ code: 10000, message: "Authentication error" }],
        messages: [],
        result: null,
      }),
    run: (rtk) => details(rtk),
  },
  {
    label: "a 400 whose message echoes the Authorization header",
    handle: (req, res) =>
      sendJson(res, 400, {
        success: false,
        error: { code: 400, message: `bad header ${echo(req)}` },
        echo: echo(req),
      }),
    run: (rtk) => details(rtk),
  },
  {
    label: "a 502 HTML page that echoes it",
    handle: (req, res) =>
      res.writeHead(502, { "content-type": "text/html" }).end(`<html><p>${echo(req)}</p></html>`),
    run: (rtk) => peerReport(rtk),
  },
  {
    label: "a 200 with success: false that echoes it",
    handle: (req, res) =>
      sendJson(res, 200, {
        success: false,
        errors: [{ code: 1, message: echo(req) }],
        messages: [],
        result: null,
      }),
    run: (rtk) => peerReport(rtk),
  },
  {
    label: "truncated JSON that echoes it",
    handle: (req, res) =>
      res.writeHead(200, { "content-type": "application/json" }).end(`{"token":"${echo(req)}`),
    run: (rtk) => peerReport(rtk),
  },
  {
    label: "a timeout",
    handle: (_req, res) => server.later(2_000, () => sendJson(res, 200, {})),
    run: (rtk) => details(rtk, { timeout: 50 }),
  },
  {
    label: "an abort",
    handle: () => {},
    run: (rtk) => details(rtk, { signal: AbortSignal.timeout(50) }),
  },
  {
    label: "a reset connection",
    handle: (req) => req.socket.destroy(),
    run: (rtk) => peerReport(rtk),
  },
];

describe("the token never appears in an error", () => {
  test.each(scenarios)("$label", async ({ handle, run }) => {
    server.handle(handle);
    expectNoToken(await rejectionOf(run(clientFor(server))));
    // The server did get the token: the absence above is redaction, not a missing header.
    expect(server.hits[0]?.headers.authorization).toBe(`Bearer ${apiToken}`);
  });

  test("a refused connection", async () => {
    const port = await freePort();
    const rtk = createRealtimeKitClient({ apiToken, baseURL: `http://127.0.0.1:${port}`, maxRetries: 0 });
    expectNoToken(
      await rejectionOf(
        rtk.sessions.getParticipantDataFromPeerId("3b241101-e2bb-4255-8caf-4136c566a962", {
          account_id: "a",
          app_id: "b",
        }),
      ),
    );
  });

  test("a refused parameter", async () => {
    expectNoToken(await rejectionOf(clientFor(server).sessions.getParticipantDataFromPeerId("not-a-uuid")));
  });

  test("a refused option at construction", () => {
    let thrown: unknown;
    try {
      createRealtimeKitClient({ apiToken, baseURL: "http://api.example.test/client/v4" });
    } catch (error) {
      thrown = error;
    }
    expectNoToken(thrown);
  });
});
