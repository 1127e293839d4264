/**
 * Bodies a server can get wrong: empty, truncated JSON, several megabytes, a 2xx that says
 * `success: false`, and bodies built to hurt a client (JSON nested thousands deep, text the error message
 * would chew on for minutes, the token echoed in a response header). Each yields the documented error
 * class quickly, never a `SyntaxError` or a `RangeError`, and never shows the token.
 */
import { describe, expect, test } from "vitest";
import { APIError, BadRequestError, InternalServerError, PermissionDeniedError } from "../../src/index.js";
import { loopbackServerForFile, sendJson } from "../support/loopback-server.js";
import { specOperation } from "../support/openapi-document.js";
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

const send = (status: number, body: string | Buffer, headers: Record<string, string> = {}) =>
  server.handle((_req, res) => res.writeHead(status, headers).end(body));

describe("empty bodies", () => {
  test.each<{ label: string; status: number; headers: Record<string, string> }>([
    { label: "200 with content-length: 0", status: 200, headers: { "content-length": "0" } },
    { label: "200, chunked, no chunks", status: 200, headers: { "content-type": "application/json" } },
    { label: "204", status: 204, headers: {} },
  ])(
    "$label → APIError (there is no result) whose body is undefined, 1 attempt",
    async ({ status, headers }) => {
      send(status, "", headers);
      const error = await expectFault(() => details(faultClient(server.baseURL)), server, {
        error: APIError,
        attempts: 1,
        underMs: slack,
      });
      expect(error.status).toBe(status);
      expect(error.body).toBeUndefined();
      expect(error.errors).toEqual([]);
      expect(error.message).toBe(`${status} (no error message)`);
    },
  );

  test("an empty 503 → retried, then InternalServerError after 2 attempts", async () => {
    send(503, "", { "content-length": "0" });
    await expectFault(() => peerReport(faultClient(server.baseURL)), server, {
      error: InternalServerError,
      attempts: 2,
      atLeastMs: firstBackoff,
      underMs: firstBackoffMax + slack,
    });
  });
});

describe("truncated JSON in a complete response", () => {
  const text = '{"success":true,"data":{"participant":{"id":"9f1c2a3b-4d5e-4f60-8a7b';

  test("on a 200 → APIError with the text as its body, not retried", async () => {
    send(200, text, { "content-type": "application/json" });
    const error = await expectFault(() => details(faultClient(server.baseURL)), server, {
      error: APIError,
      attempts: 1,
      underMs: slack,
    });
    expect(error.body).toBe(text);
  });

  test("on a 503 → retried, then InternalServerError with the text as its body", async () => {
    send(503, text, { "content-type": "application/json" });
    const error = await expectFault(() => details(faultClient(server.baseURL)), server, {
      error: InternalServerError,
      attempts: 2,
      atLeastMs: firstBackoff,
      underMs: firstBackoffMax + slack,
    });
    expect(error.body).toBe(text);
  });
});

describe("bodies of several megabytes", () => {
  test("an 8 MB result → returned whole, 1 attempt", async () => {
    const example = specOperation("getSessionParticipantDetails").example as {
      data: { participant: Record<string, unknown> };
    };
    const big = {
      ...example,
      data: { participant: { ...example.data.participant, display_name: "é".repeat(4 * 1024 * 1024) } },
    };
    server.handle((_req, res) => sendJson(res, 200, big));
    const start = performance.now();
    const body = (await details(faultClient(server.baseURL))) as typeof big;
    expect(performance.now() - start).toBeLessThan(slack);
    expect(body.data.participant.display_name).toHaveLength(4 * 1024 * 1024);
    expect(body).toEqual(big);
    expect(server.hits).toHaveLength(1);
    expectConforming(server);
  });

  test("a 5 MB HTML error page → InternalServerError with a short one-line message, after 2 attempts", async () => {
    const page = `<html><head><title>502 Bad Gateway</title></head><body>${"<p>upstream failed</p>\n".repeat(250_000)}</body></html>`;
    send(502, page, { "content-type": "text/html" });
    const error = await expectFault(() => peerReport(faultClient(server.baseURL)), server, {
      error: InternalServerError,
      attempts: 2,
      atLeastMs: firstBackoff,
      underMs: firstBackoffMax + slack,
    });
    expect(error.message).toBe("502 502 Bad Gateway");
    expect(error.message.length).toBeLessThanOrEqual(120);
    expect(error.body).toBe(page);
  });
});

describe("a 2xx that says success: false", () => {
  test.each([
    {
      envelope: "RealtimeKit's",
      body: { success: false, error: { code: 7001, message: "Session expired" } },
    },
    {
      envelope: "the gateway's",
      body: {
        success: false,
        errors: [{ code: 7001, message: "Session expired" }],
        messages: [],
        result: null,
      },
    },
  ])(
    "in $envelope envelope → APIError with its errors, not retried even when x-should-retry says so",
    async ({ body }) => {
      server.handle((_req, res) => sendJson(res, 200, body, { "x-should-retry": "true" }));
      const error = await expectFault(() => details(faultClient(server.baseURL)), server, {
        error: APIError,
        attempts: 1,
        underMs: slack,
      });
      expect(error.status).toBe(200);
      expect(error.errors).toEqual([{ code: 7001, message: "Session expired" }]);
      expect(error.message).toBe("200 Session expired");
    },
  );
});

describe("bodies built to hurt the client", () => {
  test.each([
    { label: "an array nested 100,000 deep", json: `${"[".repeat(100_000)}${"]".repeat(100_000)}` },
    {
      label: "an error message nested 100,000 deep",
      json: `{"success":false,"error":{"code":1,"message":${"[".repeat(100_000)}${"]".repeat(100_000)}}}`,
    },
    {
      label: "an object nested 50,000 deep",
      json: `{"success":false,"error":${'{"a":'.repeat(50_000)}1${"}".repeat(50_000)}}`,
    },
  ])("$label, on a 400 → APIError, not a RangeError", async ({ json }) => {
    send(400, json, { "content-type": "application/json" });
    await expectFault(() => details(faultClient(server.baseURL)), server, {
      error: BadRequestError,
      attempts: 1,
      underMs: slack,
    });
  });

  test("the same on a 200 with success: false → APIError, not a RangeError", async () => {
    send(200, `{"success":false,"data":${"[".repeat(100_000)}${"]".repeat(100_000)}}`, {
      "content-type": "application/json",
    });
    await expectFault(() => peerReport(faultClient(server.baseURL)), server, {
      error: APIError,
      attempts: 1,
      underMs: slack,
    });
  });

  test.each([
    // Each `<` with no `>` after it made the old tag-stripping pattern rescan the rest of the body.
    { label: "2 MB of text with `<` and no `>`", body: "if a < b then\n".repeat(150_000) },
    { label: "5 MB of blank lines", body: " \n".repeat(2_500_000) },
    { label: "5 MB of `<`", body: "<".repeat(5 * 1024 * 1024) },
  ])("$label as a 500 → InternalServerError within seconds", async ({ body }) => {
    send(500, body, { "content-type": "text/plain", "x-should-retry": "false" });
    const error = await expectFault(() => details(faultClient(server.baseURL)), server, {
      error: InternalServerError,
      attempts: 1,
      underMs: slack,
    });
    expect(error.message.length).toBeLessThanOrEqual(120);
  });

  test("a response header that echoes the token → APIError whose headers show it nowhere", async () => {
    server.handle((req, res) =>
      sendJson(
        res,
        403,
        { success: false, error: { code: 403, message: "Forbidden" } },
        { "x-echo-authorization": String(req.headers.authorization), "cf-ray": "8f3c2b1a0d9e7f6c-SJC" },
      ),
    );
    const error = await expectFault(() => peerReport(faultClient(server.baseURL)), server, {
      error: PermissionDeniedError,
      attempts: 1,
      underMs: slack,
    });
    // The header is kept, redacted, so the error still shows what the server answered.
    expect(error.headers.get("x-echo-authorization")).toBe("Bearer [redacted]");
    expect(error.requestId).toBe("8f3c2b1a0d9e7f6c-SJC");
  });
});
