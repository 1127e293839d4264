/**
 * The `rateLimit` option: requests counted per token and window, the quota stated on every answer in both
 * header forms, and 429 with `retry-after` for the rest of the window once it is exceeded.
 */
import { afterEach, describe, expect, test } from "vitest";
import { createMockFetch, type MockServer, startMockServer } from "../../src/index.js";
import { Quota } from "../../src/quota.js";
import { get, participantPath, peerReportPath } from "../helpers/api.js";

let server: MockServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const rateHeaders = (res: Response) =>
  Object.fromEntries(
    [...res.headers].filter(([name]) => name.includes("ratelimit") || name === "retry-after"),
  );

describe("Quota, on a given clock", () => {
  const t0 = Date.UTC(2026, 10, 30, 4, 0, 0, 250);

  test("counts down per window, stating both forms; the window starts with the token's first request", () => {
    const quota = new Quota({ limit: 3, windowMs: 3_000 });
    expect(quota.take("a", t0)).toEqual({
      refused: false,
      headers: {
        ratelimit: '"default";r=2;t=3',
        "ratelimit-policy": '"default";q=3;w=3',
        "x-ratelimit-limit": "3",
        "x-ratelimit-remaining": "2",
        // The reset, t0 + 3 s, rounded up to a whole second: an HTTP date has no fractions.
        "x-ratelimit-reset": new Date(Date.UTC(2026, 10, 30, 4, 0, 4)).toUTCString(),
      },
    });
    // 1.2 s later, 1.8 s are left: stated as 2, rounded up so that a client waiting that long is not early.
    expect(quota.take("a", t0 + 1_200).headers.ratelimit).toBe('"default";r=1;t=2');
    expect(quota.take("a", t0 + 2_000).headers.ratelimit).toBe('"default";r=0;t=1');
  });

  test("over the limit: refused with retry-after for the rest of the window, then a new window", () => {
    const quota = new Quota({ limit: 2, windowMs: 10_000 });
    quota.take("a", t0);
    quota.take("a", t0 + 1);
    const refused = quota.take("a", t0 + 2_500);
    expect(refused.refused).toBe(true);
    expect(refused.headers["retry-after"]).toBe("8");
    expect(refused.headers.ratelimit).toBe('"default";r=0;t=8');
    expect(quota.take("a", t0 + 9_999).refused).toBe(true);
    const next = quota.take("a", t0 + 10_000);
    expect(next).toMatchObject({ refused: false, headers: { ratelimit: '"default";r=1;t=10' } });
    expect(next.headers["retry-after"]).toBeUndefined();
  });

  test("each token has a quota of its own", () => {
    const quota = new Quota({ limit: 1, windowMs: 1_000 });
    expect(quota.take("a", t0).refused).toBe(false);
    expect(quota.take("a", t0).refused).toBe(true);
    expect(quota.take("b", t0).refused).toBe(false);
  });

  test("one header form alone, when asked", () => {
    expect(
      Object.keys(new Quota({ limit: 1, windowMs: 1_000, headers: "ratelimit" }).take("a", t0).headers),
    ).toEqual(["ratelimit", "ratelimit-policy"]);
    expect(
      Object.keys(new Quota({ limit: 1, windowMs: 1_000, headers: "x-ratelimit" }).take("a", t0).headers),
    ).toEqual(["x-ratelimit-limit", "x-ratelimit-remaining", "x-ratelimit-reset"]);
  });

  test.each([
    [{ limit: 0, windowMs: 1_000 }, "rateLimit.limit must be a whole number of requests, 1 or more (got 0)"],
    [
      { limit: 1.5, windowMs: 1_000 },
      "rateLimit.limit must be a whole number of requests, 1 or more (got 1.5)",
    ],
    [
      { limit: 5, windowMs: -1 },
      "rateLimit.windowMs must be a whole number of milliseconds from 1 to 2147483647 (got -1)",
    ],
    [
      { limit: 5, windowMs: 2 ** 31 },
      "rateLimit.windowMs must be a whole number of milliseconds from 1 to 2147483647 (got 2147483648)",
    ],
    [
      { limit: 5, windowMs: 1_000, headers: "all" },
      "rateLimit.headers must be one of both, ratelimit, x-ratelimit (got all)",
    ],
  ])("refuses %j", (options, message) => {
    expect(() => new Quota(options as never)).toThrow(new TypeError(message));
  });
});

describe("startMockServer({ rateLimit })", () => {
  test("off by default: no quota headers, no 429", async () => {
    server = await startMockServer();
    const url = server.baseURL + peerReportPath();
    const answers = await Promise.all(Array.from({ length: 30 }, () => get(url)));
    expect(answers.map((res) => res.status)).toEqual(Array(30).fill(200));
    expect(rateHeaders(answers[0] as Response)).toEqual({});
  });

  test("every answer states the quota, whatever its status; the one over it is a 429 in Cloudflare's words", async () => {
    server = await startMockServer({
      rateLimit: { limit: 4, windowMs: 60_000 },
      scripts: { getParticipantDataFromPeerId: [{ status: 503 }] },
    });
    const base = server.baseURL;
    const answers = [
      await get(base + participantPath()),
      await get(`${base}/no/such/path`),
      await get(base + participantPath({ session_id: "not-a-uuid" })),
      await get(base + peerReportPath()),
      await get(base + peerReportPath()),
    ];
    expect(answers.map((res) => res.status)).toEqual([200, 404, 400, 503, 429]);
    expect(answers.map((res) => res.headers.get("x-ratelimit-remaining"))).toEqual(["3", "2", "1", "0", "0"]);
    for (const res of answers) expect(res.headers.get("ratelimit")).toMatch(/^"default";r=\d;t=60$/);
    expect(answers[4]?.headers.get("retry-after")).toBe("60");
    expect(await answers[4]?.json()).toEqual({
      success: false,
      errors: [{ code: 971, message: "Please wait and consider throttling your request speed" }],
      messages: [],
      result: null,
    });
    // A request with no token is not counted: there is nobody to count it against.
    const anonymous = await fetch(base + peerReportPath());
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("ratelimit")).toBeNull();
  });

  test("429 for the rest of the window, then answers again; the token is what is counted", async () => {
    server = await startMockServer({ rateLimit: { limit: 2, windowMs: 400 } });
    const url = server.baseURL + peerReportPath();
    const first = await Promise.all(Array.from({ length: 4 }, () => get(url)));
    expect(first.map((res) => res.status).sort()).toEqual([200, 200, 429, 429]);
    const other = await get(url, { headers: { authorization: "Bearer another-token" } });
    expect(other.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 450));
    expect((await get(url)).status).toBe(200);
  });

  test("a bad rateLimit option rejects at start, naming it", async () => {
    await expect(startMockServer({ rateLimit: { limit: 0, windowMs: 1_000 } })).rejects.toThrow(
      "rateLimit.limit must be a whole number of requests, 1 or more (got 0)",
    );
  });
});

describe("createMockFetch({ rateLimit }): the same quota in process, with no socket", () => {
  test("states the quota, refuses past it with a 429, per token", async () => {
    const mock = createMockFetch({ rateLimit: { limit: 2, windowMs: 60_000, headers: "ratelimit" } });
    const call = (token = "in-process-token") =>
      mock.fetch(`${mock.baseURL}${peerReportPath()}`, { headers: { authorization: `Bearer ${token}` } });
    const answers = [await call(), await call(), await call()];
    expect(answers.map((res) => res.status)).toEqual([200, 200, 429]);
    expect(answers.map((res) => res.headers.get("ratelimit"))).toEqual([
      '"default";r=1;t=60',
      '"default";r=0;t=60',
      '"default";r=0;t=60',
    ]);
    expect(answers[0]?.headers.get("x-ratelimit-remaining")).toBeNull();
    expect(answers[2]?.headers.get("retry-after")).toBe("60");
    expect((await call("another-token")).status).toBe(200);
    expect(() => createMockFetch({ rateLimit: { limit: 1, windowMs: 0 } })).toThrow(TypeError);
  });
});
