/**
 * The client against `@realtimekit-api/mock` enforcing a quota, as Cloudflare's API does: paced, it sends
 * nothing the quota would refuse, over several windows, whichever header form states the quota; a held
 * call ends on its timeout or signal with nothing sent; `maxConcurrency` bounds requests in flight. No
 * assertion bounds a duration from above: speed is the benchmark's (`pnpm bench:batch`).
 */
import { type MockServer, type RateLimitOptions, startMockServer } from "@realtimekit-api/mock";
import { afterEach, describe, expect, test } from "vitest";
import {
  APIUserAbortError,
  type ClientOptions,
  createRealtimeKitClient,
  InvalidParameterError,
  RateLimitError,
} from "../../src/index.js";

let mock: MockServer | undefined;
afterEach(async () => {
  await mock?.close();
  mock = undefined;
});

const peerIds = (n: number) =>
  Array.from({ length: n }, (_, i) => `5d2c7a9e-3b1f-4c8d-9e6a-${String(i).padStart(12, "0")}`);

/** A client on the mock that records each attempt's status and the most requests it had in flight. */
const start = async (rateLimit: RateLimitOptions, options: ClientOptions = {}) => {
  mock = await startMockServer({ rateLimit });
  const seen = { statuses: [] as number[], inFlight: 0, mostInFlight: 0 };
  const rtk = createRealtimeKitClient({
    apiToken: "fake-token-for-tests",
    accountId: "023e105f4ecef8ad9ca31a8372d0c353",
    appId: "my-app",
    baseURL: mock.baseURL,
    fetch: async (url, init) => {
      seen.mostInFlight = Math.max(seen.mostInFlight, ++seen.inFlight);
      try {
        const response = await fetch(url, init);
        seen.statuses.push(response.status);
        return response;
      } finally {
        seen.inFlight--;
      }
    },
    ...options,
  });
  return { rtk, seen, mock };
};

/** What a user writes for a batch: `concurrency` workers taking ids in turn. */
const pull = async (
  rtk: ReturnType<typeof createRealtimeKitClient>,
  ids: string[],
  concurrency: number,
): Promise<unknown[]> => {
  const results: unknown[] = [];
  let next = 0;
  const worker = async () => {
    while (next < ids.length) {
      const i = next++;
      results[i] = await rtk.sessions.getParticipantDataFromPeerId(ids[i] as string).then(
        (body) => body.data?.id,
        (error: unknown) => error,
      );
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return results;
};

describe("no 429 over several windows", { timeout: 30_000 }, () => {
  test.each([
    ["both forms", "both"],
    ["RateLimit and RateLimit-Policy alone", "ratelimit"],
    ["X-RateLimit-* alone", "x-ratelimit"],
  ] as const)("%s: 26 calls at 10 per 500 ms, 4 at a time", async (_, headers) => {
    const { rtk, seen } = await start({ limit: 10, windowMs: 500, headers });
    const ids = peerIds(26);
    expect(await pull(rtk, ids, 4)).toEqual(ids);
    expect(seen.statuses).toEqual(Array(26).fill(200));
    expect(rtk.rateLimit?.limit).toBe(10);
  });

  test("the same load with rateLimit: false runs into 429s: the pacing is what prevents them", async () => {
    const { rtk, seen } = await start({ limit: 10, windowMs: 500 }, { rateLimit: false, maxRetries: 0 });
    const results = await pull(rtk, peerIds(26), 4);
    expect(seen.statuses.filter((status) => status === 429).length).toBeGreaterThan(0);
    expect(results.some((result) => result instanceof RateLimitError)).toBe(true);
    expect(rtk.rateLimit).toBeUndefined();
  });

  test("Promise.all over every id at once, with no concurrency bound: still no 429", async () => {
    const { rtk, seen } = await start({ limit: 8, windowMs: 400 });
    const ids = peerIds(20);
    const bodies = await Promise.all(ids.map((id) => rtk.sessions.getParticipantDataFromPeerId(id)));
    expect(bodies.map((body) => body.data?.id)).toEqual(ids);
    expect(seen.statuses).toEqual(Array(20).fill(200));
  });
});

describe("rtk.rateLimit", { timeout: 30_000 }, () => {
  test("undefined before the first response, then what the last ones stated", async () => {
    const { rtk, mock } = await start({ limit: 50, windowMs: 60_000 });
    expect(rtk.rateLimit).toBeUndefined();
    const before = Date.now();
    await rtk.sessions.getParticipantDataFromPeerId(peerIds(1)[0] as string);
    await rtk.sessions.getParticipantDataFromPeerId(peerIds(1)[0] as string);
    const state = rtk.rateLimit;
    expect(state).toMatchObject({ limit: 50, remaining: 48 });
    expect(state?.resetAt).toBeGreaterThanOrEqual(before + 59_000);
    expect(state?.resetAt).toBeLessThanOrEqual(Date.now() + 60_000);
    expect(mock.requests).toHaveLength(2);
  });
});

describe("waits are logged at info", { timeout: 30_000 }, () => {
  test("once per window, at info and not at warn; no token in any line", async () => {
    const lines = { info: [] as string[], other: [] as string[] };
    const logger = {
      error: (line: string) => lines.other.push(line),
      warn: (line: string) => lines.other.push(line),
      info: (line: string) => lines.info.push(line),
      debug: (line: string) => lines.other.push(line),
    };
    const { rtk } = await start({ limit: 3, windowMs: 300 }, { logLevel: "info", logger });
    await pull(rtk, peerIds(8), 2);
    const waits = lines.info.filter((line) => line.startsWith("realtimekit rate limit:"));
    expect(waits.length).toBeGreaterThan(0);
    expect(waits[0]).toMatch(
      /^realtimekit rate limit: \d+ of 3 requests left; (holding requests for \d+ ms, until|spreading them over the \d+ ms to) the reset$/,
    );
    expect([...lines.info, ...lines.other].join("\n")).not.toContain("fake-token-for-tests");

    await mock?.close();
    const quiet = { info: [] as string[], other: [] as string[] };
    const warnOnly = await start(
      { limit: 3, windowMs: 300 },
      {
        logLevel: "warn",
        logger: { ...logger, info: (line: string) => quiet.info.push(line) },
      },
    );
    await pull(warnOnly.rtk, peerIds(8), 2);
    expect(quiet.info).toEqual([]);
  });
});

describe("malformed quota headers are ignored", { timeout: 30_000 }, () => {
  test("garbage in RateLimit and RateLimit-Policy: calls succeed, paced by X-RateLimit-* instead", async () => {
    const { rtk, seen, mock } = await start({ limit: 6, windowMs: 400 });
    mock.script("getParticipantDataFromPeerId", () => ({
      headers: { ratelimit: '"default";r=oops;t=', "ratelimit-policy": "((;q=" },
    }));
    const ids = peerIds(15);
    expect(await pull(rtk, ids, 3)).toEqual(ids);
    expect(seen.statuses).toEqual(Array(15).fill(200));
  });

  test("garbage in every form: calls succeed and nothing is held", async () => {
    const { rtk } = await start({ limit: 100, windowMs: 60_000 });
    mock?.script("getParticipantDataFromPeerId", () => ({
      headers: {
        ratelimit: "r=0, t=99999",
        "ratelimit-policy": "\u00ff",
        "x-ratelimit-limit": "many",
        "x-ratelimit-remaining": "-1",
        "x-ratelimit-reset": "soon 2099",
      },
    }));
    const ids = peerIds(5);
    expect(await pull(rtk, ids, 5)).toEqual(ids);
    expect(rtk.rateLimit).toBeUndefined();
  });
});

describe("a held call keeps its timeout and signal", { timeout: 30_000 }, () => {
  test("a quota that resets after the call's timeout: RateLimitError at once, the request not sent", async () => {
    const { rtk, mock } = await start({ limit: 2, windowMs: 30_000 });
    const [a, b] = peerIds(2) as [string, string];
    await rtk.sessions.getParticipantDataFromPeerId(a);
    await rtk.sessions.getParticipantDataFromPeerId(b);
    const error = await rtk.sessions
      .getParticipantDataFromPeerId(a, {}, { timeout: 1_000 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).message).toMatch(
      /^Rate limited: the request was not sent, since the quota is spent until .+ and it could not start within its timeout of 1000 ms\.$/,
    );
    expect((error as { retryAfter: number }).retryAfter).toBeGreaterThan(25_000);
    expect(mock.requests).toHaveLength(2);
  });

  test("aborted while held: APIUserAbortError, the request not sent", async () => {
    const { rtk, mock } = await start({ limit: 1, windowMs: 30_000 });
    const [a] = peerIds(1) as [string];
    await rtk.sessions.getParticipantDataFromPeerId(a);
    const controller = new AbortController();
    const call = rtk.sessions.getParticipantDataFromPeerId(a, {}, { signal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    await expect(call).rejects.toBeInstanceOf(APIUserAbortError);
    expect(mock.requests).toHaveLength(1);
  });

  test("held, then sent when the window resets, within its timeout", async () => {
    const { rtk, seen } = await start({ limit: 1, windowMs: 300 });
    const [a, b] = peerIds(2) as [string, string];
    await rtk.sessions.getParticipantDataFromPeerId(a);
    const body = await rtk.sessions.getParticipantDataFromPeerId(b, {}, { timeout: 5_000 });
    expect(body.data?.id).toBe(b);
    expect(seen.statuses).toEqual([200, 200]);
  });
});

describe("maxConcurrency", { timeout: 30_000 }, () => {
  test("never more requests in flight than it allows, with or without rateLimit", async () => {
    for (const rateLimit of [true, false]) {
      const { rtk, seen, mock } = await start(
        { limit: 1_000, windowMs: 60_000 },
        { maxConcurrency: 3, rateLimit },
      );
      mock.script("getParticipantDataFromPeerId", () => ({ delay: 20 }));
      const ids = peerIds(24);
      const bodies = await Promise.all(ids.map((id) => rtk.sessions.getParticipantDataFromPeerId(id)));
      expect(bodies.map((body) => body.data?.id)).toEqual(ids);
      expect(seen.mostInFlight).toBe(3);
      await mock.close();
    }
  });

  test.each([0, -1, 1.5, Number.NaN, "4"])("maxConcurrency %j is refused", (maxConcurrency) => {
    expect(() =>
      createRealtimeKitClient({ apiToken: "fake-token", maxConcurrency: maxConcurrency as number }),
    ).toThrow(new InvalidParameterError("maxConcurrency", "must be an integer of 1 or more"));
  });

  test.each(["no", 0, null])("rateLimit %j is refused", (rateLimit) => {
    expect(() =>
      createRealtimeKitClient({ apiToken: "fake-token", rateLimit: rateLimit as unknown as boolean }),
    ).toThrow(new InvalidParameterError("rateLimit", "must be a boolean"));
  });
});
