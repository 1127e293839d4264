import { afterAll, beforeAll, expect, it } from "vitest";
import { type MockServer, startMockServer } from "../../src/index.js";
import { get, participantPath, peerReportPath } from "../helpers/api.js";

let server: MockServer;
beforeAll(async () => {
  server = await startMockServer();
});
afterAll(() => server.close());

const origin = () => `http://127.0.0.1:${server.port}`;

it.each([
  ["a path the spec does not have", () => `${server.baseURL}/accounts/a/realtime/kit/b/sessions`],
  ["a documented path without the /client/v4 prefix", () => `${origin()}${peerReportPath()}`],
  ["a trailing slash", () => `${server.baseURL}${peerReportPath()}/`],
  ["an extra segment", () => `${server.baseURL}${participantPath()}/extra`],
  ["an empty id segment", () => `${server.baseURL}${peerReportPath({ peer_id: "" })}`],
  ["the root", () => `${origin()}/`],
])("answers 404 in the RealtimeKit envelope for %s", async (_, url) => {
  const res = await get(url());
  expect(res.status).toBe(404);
  const body = await res.json();
  expect(body).toStrictEqual({
    success: false,
    error: { code: 404, message: expect.stringMatching(/^No route for GET \//) },
  });
});

it.each(["POST", "PUT", "DELETE", "PATCH"])(
  "answers %s on a known route with 405 and Allow: GET",
  async (method) => {
    const res = await get(`${server.baseURL}${participantPath()}`, {
      method,
      body: method === "DELETE" ? null : "{}",
    });
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("GET");
    const body = await res.json();
    expect(body.success).toBe(false);
    expect(body.error).toStrictEqual({ code: 405, message: expect.stringContaining(method) });
  },
);

it("keeps a keep-alive connection usable after refusing a request with a body", async () => {
  await get(`${server.baseURL}${peerReportPath()}`, { method: "POST", body: "x".repeat(100_000) });
  expect((await get(`${server.baseURL}${peerReportPath()}`)).status).toBe(200);
});
