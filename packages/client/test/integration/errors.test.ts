/**
 * Status codes and bodies from a real HTTP server map to the documented error classes, with `status`,
 * `headers`, `body`, `errors` normalised from either envelope, `requestId` from `cf-ray`, and a message of
 * `"<status> <first error message>"` or a short snippet of a non-JSON body.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  APIError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  RealtimeKitError,
  UnprocessableEntityError,
} from "../../src/index.js";
import { type LoopbackServer, sendJson, startLoopbackServer } from "../support/loopback-server.js";
import { specOperation } from "../support/openapi-document.js";
import { expectInstance, headerOf, rejectionOf } from "../support/outcome.js";
import { apiToken } from "../support/sample-values.js";
import { cfRay, clientFor, details, detailsPath, peerPath, peerReport } from "./client.js";

let server: LoopbackServer;
beforeAll(async () => {
  server = await startLoopbackServer();
});
afterAll(async () => {
  await server?.close();
});

const envelopes = {
  realtimekit: (status: number) => ({
    body: { success: false, error: { code: status * 10, message: `RealtimeKit says ${status}` } },
    errors: [{ code: status * 10, message: `RealtimeKit says ${status}` }],
  }),
  v4: (status: number) => ({
    body: {
      success: false,
      errors: [
        { code: 10_000 + status, message: `Gateway says ${status}` },
        { code: 7003, message: "and a second error" },
      ],
      messages: [],
      result: null,
    },
    errors: [
      { code: 10_000 + status, message: `Gateway says ${status}` },
      { code: 7003, message: "and a second error" },
    ],
  }),
};

const statuses: ReadonlyArray<readonly [number, typeof APIError]> = [
  [400, BadRequestError],
  [401, AuthenticationError],
  [403, PermissionDeniedError],
  [404, NotFoundError],
  [409, ConflictError],
  [422, UnprocessableEntityError],
  [429, RateLimitError],
  [500, InternalServerError],
  [502, InternalServerError],
  [503, InternalServerError],
];

describe("a success", () => {
  test("sends the documented request and returns the body", async () => {
    server.handle((_req, res) => sendJson(res, 200, specOperation("getSessionParticipantDetails").example));
    const rtk = clientFor(server);
    const body = await rtk.sessions.getSessionParticipantDetails("9f1c2a3b-4d5e-4f60-8a7b-1c2d3e4f5a6b", {
      session_id: "182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e",
      filters: ["events", "device_info", "events"],
      include_peer_events: true,
    });
    expect(body).toEqual(specOperation("getSessionParticipantDetails").example);
    expect(server.hits).toHaveLength(1);
    const [hit] = server.hits;
    expect(hit?.method).toBe("GET");
    expect(hit?.url).toBe(`${detailsPath}?filters=events,device_info&include_peer_events=true`);
    expect(hit?.headers.authorization).toBe(`Bearer ${apiToken}`);
    expect(hit?.headers.accept).toBe("application/json");
  });
});

describe.each(Object.entries(envelopes))("status codes, %s envelope", (_name, envelope) => {
  const cases = statuses.map(([status, ErrorClass]) => ({ status, ErrorClass, name: ErrorClass.name }));
  test.each(cases)("$status → $name", async ({ status, ErrorClass }) => {
    const { body, errors } = envelope(status);
    server.handle((_req, res) => sendJson(res, status, body, { "cf-ray": cfRay, "x-should-retry": "false" }));
    const error = expectInstance(await rejectionOf(details(clientFor(server))), ErrorClass);
    expect(error).toBeInstanceOf(APIError);
    expect(error).toBeInstanceOf(RealtimeKitError);
    expect(error).toBeInstanceOf(Error);
    expect(error.status).toBe(status);
    expect(error.errors).toEqual(errors);
    expect(error.requestId).toBe(cfRay);
    expect(headerOf(error.headers, "cf-ray")).toBe(cfRay);
    expect(error.body).toEqual(body);
    expect(error.message).toBe(`${status} ${errors[0]?.message}`);
    expect(server.hits).toHaveLength(1);
  });
});

describe("bodies that are not an error envelope", () => {
  test("a 502 HTML page from the edge → InternalServerError with a short snippet and no errors", async () => {
    const page = `<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad gateway</h1>${"<p>The web server reported a bad gateway error.</p>".repeat(400)}</body></html>`;
    server.handle((_req, res) =>
      res.writeHead(502, { "content-type": "text/html; charset=UTF-8", "cf-ray": cfRay }).end(page),
    );
    const error = expectInstance(await rejectionOf(peerReport(clientFor(server))), InternalServerError);
    expect(error.status).toBe(502);
    expect(error.errors).toEqual([]);
    expect(error.requestId).toBe(cfRay);
    expect(error.message).toMatch(/^502 \S/);
    expect(error.message).toContain("Bad Gateway");
    expect(error.message.length).toBeLessThanOrEqual(300);
    expect(error.message).not.toContain("\n");
  });

  test("a JSON body in neither envelope → APIError with no errors", async () => {
    server.handle((_req, res) => sendJson(res, 500, { oops: true }));
    const error = expectInstance(await rejectionOf(peerReport(clientFor(server))), InternalServerError);
    expect(error.errors).toEqual([]);
    expect(error.message).toMatch(/^500\b/);
    expect(error.requestId).toBeUndefined();
  });

  test("an empty 500 → InternalServerError", async () => {
    server.handle((_req, res) => res.writeHead(500, { "content-length": "0" }).end());
    const error = expectInstance(await rejectionOf(peerReport(clientFor(server))), InternalServerError);
    expect(error.status).toBe(500);
    expect(error.errors).toEqual([]);
    expect(error.message).toMatch(/^500\b/);
  });

  test("truncated JSON on a 200 → APIError, never a SyntaxError", async () => {
    const text = '{"data":{"participant":{"id":"id","display_name":"disp';
    server.handle((_req, res) =>
      res
        .writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(text) })
        .end(text),
    );
    const error = await rejectionOf(details(clientFor(server)));
    expect(error).not.toBeInstanceOf(SyntaxError);
    const apiError = expectInstance(error, APIError);
    expect(apiError.status).toBe(200);
    expect(apiError.errors).toEqual([]);
    expect(apiError.message).toMatch(/^200\b/);
  });

  test("an HTML page on a 200 → APIError, never a SyntaxError", async () => {
    server.handle((_req, res) =>
      res.writeHead(200, { "content-type": "text/html" }).end("<html><body>Please log in</body></html>"),
    );
    const error = await rejectionOf(peerReport(clientFor(server)));
    expect(error).not.toBeInstanceOf(SyntaxError);
    expect(expectInstance(error, APIError).status).toBe(200);
  });

  test("truncated JSON on a 404 → NotFoundError, never a SyntaxError", async () => {
    const text = '{"success":false,"error":{"code":404,"mess';
    server.handle((_req, res) =>
      res
        .writeHead(404, { "content-type": "application/json", "content-length": Buffer.byteLength(text) })
        .end(text),
    );
    const error = await rejectionOf(peerReport(clientFor(server)));
    expect(error).not.toBeInstanceOf(SyntaxError);
    expect(expectInstance(error, NotFoundError).errors).toEqual([]);
  });
});

describe("a 200 with success: false", () => {
  test.each(Object.entries(envelopes))("%s envelope → APIError with the errors", async (_name, envelope) => {
    const { body, errors } = envelope(200);
    server.handle((_req, res) => sendJson(res, 200, body, { "cf-ray": cfRay }));
    const error = expectInstance(await rejectionOf(details(clientFor(server))), APIError);
    expect(error.status).toBe(200);
    expect(error.errors).toEqual(errors);
    expect(error.requestId).toBe(cfRay);
    expect(error.message).toBe(`200 ${errors[0]?.message}`);
    expect(server.hits[0]?.url).toBe(detailsPath);
  });

  test("the peer report too", async () => {
    server.handle((_req, res) => sendJson(res, 200, envelopes.realtimekit(200).body));
    expect(await rejectionOf(peerReport(clientFor(server)))).toBeInstanceOf(APIError);
    expect(server.hits[0]?.url).toBe(peerPath);
  });
});
