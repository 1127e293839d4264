import { afterAll, beforeAll, expect, it } from "vitest";
import { type MockServer, startMockServer } from "../../src/index.js";
import { participantPath, peerReportPath } from "../helpers/api.js";

let server: MockServer;
beforeAll(async () => {
  server = await startMockServer();
});
afterAll(() => server.close());

const v4AuthError = {
  success: false,
  errors: [{ code: 10000, message: "Authentication error" }],
  messages: [],
  result: null,
};

function request(path: string, authorization?: string): Promise<Response> {
  return fetch(`${server.baseURL}${path}`, {
    headers: authorization === undefined ? {} : { authorization },
    signal: AbortSignal.timeout(5_000),
  });
}

it.each([
  ["no Authorization header", undefined],
  ["an empty header", ""],
  ["a scheme without a token", "Bearer"],
  ["another scheme", "Basic dXNlcjpwYXNz"],
  ["a bare token", "test-token"],
])("answers 401 in the v4 gateway envelope for %s", async (_, authorization) => {
  for (const path of [participantPath(), peerReportPath()]) {
    const res = await request(path, authorization);
    expect(res.status).toBe(401);
    expect(res.headers.get("content-type")).toBe("application/json");
    expect(await res.json()).toStrictEqual(v4AuthError);
  }
});

it("checks the token before the parameters, as the gateway comes first", async () => {
  const res = await request(participantPath({ session_id: "not-a-uuid" }));
  expect(res.status).toBe(401);
});

it("accepts any Bearer token, the scheme in any case", async () => {
  expect((await request(peerReportPath(), "Bearer t")).status).toBe(200);
  expect((await request(peerReportPath(), "bearer t")).status).toBe(200);
});
