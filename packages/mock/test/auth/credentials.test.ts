// The gateway's credential checks: what a template string makes of a missing variable gets 401, a listed
// credential without the Realtime permission 403, and an email with a Global API Key works like a token.
import { describe, expect, it } from "vitest";
import { createMockFetch, type MockCredential } from "../../src/index.js";
import { participantPath, peerReportPath } from "../helpers/api.js";

const v4AuthError = {
  success: false,
  errors: [{ code: 10000, message: "Authentication error" }],
  messages: [],
  result: null,
};

const status = async (headers: Record<string, string>, credentials?: MockCredential[]) => {
  const mock = createMockFetch(credentials ? { credentials } : {});
  const statuses: number[] = [];
  for (const path of [participantPath(), peerReportPath()]) {
    const res = await mock.fetch(`${mock.baseURL}${path}`, { headers });
    if (res.status !== 200) expect(await res.json()).toStrictEqual(v4AuthError);
    statuses.push(res.status);
  }
  expect(statuses[0]).toBe(statuses[1]);
  return statuses[0];
};

describe("with no credentials option", () => {
  it.each([
    ["Bearer undefined", { authorization: "Bearer undefined" }],
    ["Bearer null", { authorization: "Bearer null" }],
    ["Bearer [object Object]", { authorization: "Bearer [object Object]" }],
    ["Bearer UNDEFINED", { authorization: "Bearer UNDEFINED" }],
    ["an empty Authorization", { authorization: "" }],
    ["Bearer and spaces", { authorization: "Bearer   " }],
    ["an email without a key", { "x-auth-email": "dev@example.com" }],
    ["a key without an email", { "x-auth-key": "0123abcd" }],
    ["a key of undefined", { "x-auth-email": "dev@example.com", "x-auth-key": "undefined" }],
    ["an email of null", { "x-auth-email": "null", "x-auth-key": "0123abcd" }],
    ["an empty key", { "x-auth-email": "dev@example.com", "x-auth-key": "" }],
  ])("answers 401 in the v4 envelope to %s", async (_, headers) => {
    expect(await status(headers)).toBe(401);
  });

  it("accepts any other token, and an email with a key like a token", async () => {
    expect(await status({ authorization: "Bearer t" })).toBe(200);
    expect(await status({ "x-auth-email": "dev@example.com", "x-auth-key": "0123abcd" })).toBe(200);
  });
});

describe("with a credentials option", () => {
  const listed: MockCredential[] = [
    "good-token",
    { token: "read-only-token", permitted: false },
    { email: "dev@example.com", key: "0123abcd" },
    { email: "ops@example.com", key: "4567ef", permitted: false },
  ];

  it("accepts only the listed tokens and key pairs", async () => {
    expect(await status({ authorization: "Bearer good-token" }, listed)).toBe(200);
    expect(await status({ "x-auth-email": "dev@example.com", "x-auth-key": "0123abcd" }, listed)).toBe(200);
    expect(await status({ authorization: "Bearer another-token" }, listed)).toBe(401);
    expect(await status({ "x-auth-email": "dev@example.com", "x-auth-key": "wrong" }, listed)).toBe(401);
    expect(await status({ "x-auth-email": "ops@example.com", "x-auth-key": "0123abcd" }, listed)).toBe(401);
    expect(await status({ authorization: "Bearer 0123abcd" }, listed)).toBe(401);
  });

  it("answers 403 to a listed credential marked without permission", async () => {
    expect(await status({ authorization: "Bearer read-only-token" }, listed)).toBe(403);
    expect(await status({ "x-auth-email": "ops@example.com", "x-auth-key": "4567ef" }, listed)).toBe(403);
  });

  it("still answers 401 to the placeholders", async () => {
    expect(await status({ authorization: "Bearer undefined" }, ["undefined-ish", "good"])).toBe(401);
  });

  it.each([
    ["not a list", "good-token", "credentials must be an array"],
    ["an empty token", [""], "credentials[0].token can never match"],
    ["the token undefined", ["undefined"], "credentials[0].token can never match"],
    ["a token with a space", ["a b"], "credentials[0].token can never match"],
    ["a key without an email", [{ key: "k" }], "credentials[0].email can never match"],
    ["an email without a key", [{ email: "dev@example.com" }], "credentials[0].key can never match"],
    ["a token and a key", [{ token: "t", key: "k" }], "credentials[0] has a token and a key pair"],
    ["an unknown field", [{ token: "t", permission: false }], "credentials[0] has permission, not a field"],
    [
      "a permitted that is not a boolean",
      [{ token: "t", permitted: "no" }],
      "credentials[0].permitted must be",
    ],
    ["null", ["good", null], "credentials[1] is not a credential"],
  ])("refuses %s with a TypeError saying what is wrong", (_, credentials, message) => {
    expect(() => createMockFetch({ credentials: credentials as never })).toThrow(TypeError);
    expect(() => createMockFetch({ credentials: credentials as never })).toThrow(message);
  });

  it("never echoes the refused value", () => {
    expect(() => createMockFetch({ credentials: ["fake SECRET"] })).toThrow(/^(?!.*SECRET)/s);
  });
});

it("keeps the key and its email out of the recorded requests: the pair is the credential", async () => {
  const mock = createMockFetch();
  await mock.fetch(`${mock.baseURL}${peerReportPath()}`, {
    headers: { "x-auth-email": "dev@example.com", "x-auth-key": "0123abcdSECRET" },
  });
  expect(JSON.stringify(mock.requests)).not.toMatch(/0123abcdSECRET|dev@example\.com/);
  expect(mock.requests[0]?.headers).toMatchObject({
    "x-auth-email": "[REDACTED]",
    "x-auth-key": "[REDACTED]",
  });
});

it("keeps Cloudflare's other key header, X-Auth-User-Service-Key (the Origin CA key), out of the record", async () => {
  const mock = createMockFetch();
  await mock.fetch(`${mock.baseURL}${peerReportPath()}`, {
    headers: { "x-auth-user-service-key": "v1.0-fakeSERVICEKEY" },
  });
  expect(JSON.stringify(mock.requests)).not.toContain("fakeSERVICEKEY");
});

it("counts the quota per key pair, as per token", async () => {
  const mock = createMockFetch({ rateLimit: { limit: 1, windowMs: 60_000 } });
  const call = (key: string) =>
    mock.fetch(`${mock.baseURL}${peerReportPath()}`, {
      headers: { "x-auth-email": "dev@example.com", "x-auth-key": key },
    });
  expect((await call("k1")).status).toBe(200);
  expect((await call("k1")).status).toBe(429);
  expect((await call("k2")).status).toBe(200);
});
