import { inspect } from "node:util";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createRealtimeKitClient, RealtimeKitError } from "../../src/index.js";
import {
  client,
  details,
  fakeFetch,
  hangingFetch,
  ok,
  PEER,
  rejection,
  type Step,
  TOKEN,
} from "../fake-fetch.js";

afterEach(() => {
  vi.useRealTimers();
});

// Everything a log line or an error tracker might print of an error, its cause chain included.
const renderings = (error: unknown): string[] => {
  const e = error as Error;
  return [
    e.message,
    String(e.stack),
    String(e),
    JSON.stringify(e),
    JSON.stringify(e, Object.getOwnPropertyNames(e)),
    inspect(e, { depth: Number.POSITIVE_INFINITY, showHidden: true }),
    inspect({ ...e }, { depth: Number.POSITIVE_INFINITY, showHidden: true }),
  ];
};

const expectClean = (error: unknown) => {
  expect(error).toBeInstanceOf(RealtimeKitError);
  for (const text of renderings(error)) expect(text).not.toContain(TOKEN);
};

// A server that echoes the request, Authorization included, into its answer.
const echo =
  (status: number) =>
  (request: Request): Response =>
    Response.json(
      {
        success: false,
        error: { code: status, message: `refused ${request.headers.get("authorization")}` },
        request: { headers: Object.fromEntries(request.headers), [TOKEN]: [TOKEN] },
      },
      { status },
    );

describe("the token never shows in an error", () => {
  const cases: Record<string, Step[]> = {
    "401 from the gateway": [
      { status: 401, body: { success: false, errors: [{ code: 10000, message: "Authentication error" }] } },
    ],
    "400 echoing the request": [echo(400)],
    "500 echoing the request, retried": [echo(500)],
    "200 with success: false echoing the request": [echo(200)],
    "HTML page echoing the token": [() => new Response(`<html>${TOKEN}</html>`, { status: 502 })],
    "invalid JSON echoing the token": [() => new Response(`{"token":"${TOKEN}"`, { status: 200 })],
    "connection error": [new TypeError("fetch failed")],
  };

  it.each(Object.entries(cases))("%s", async (_name, script) => {
    vi.useFakeTimers();
    const { fetch } = fakeFetch(...script);
    const result = rejection(details(client(fetch)));
    await vi.runAllTimersAsync();
    expectClean(await result);
  });

  it("a timeout", async () => {
    vi.useFakeTimers();
    const result = rejection(details(client(hangingFetch(), { timeout: 10, maxRetries: 0 })));
    await vi.advanceTimersByTimeAsync(10);
    expectClean(await result);
  });

  it("an abort", async () => {
    expectClean(await rejection(details(client(fakeFetch(ok()).fetch), { signal: AbortSignal.abort() })));
  });

  it("an invalid parameter", async () => {
    expectClean(await rejection(client(fakeFetch(ok()).fetch).sessions.getParticipantDataFromPeerId(TOKEN)));
  });

  it("an invalid token", () => {
    const bad = `${TOKEN}\r\nx-evil: 1`;
    let error: unknown;
    try {
      createRealtimeKitClient({ apiToken: bad, fetch: fakeFetch(ok()).fetch });
    } catch (e) {
      error = e;
    }
    expectClean(error);
    for (const text of renderings(error)) expect(text).not.toContain("x-evil");
  });

  it("redacts the echoed token from the error's body while keeping the rest", async () => {
    const { fetch } = fakeFetch(echo(403));
    const error = (await rejection(details(client(fetch, { maxRetries: 0 })))) as Error & { body: unknown };
    expect(error.message).toBe("403 refused Bearer [redacted]");
    expect(error.body).toMatchObject({ request: { headers: { authorization: "Bearer [redacted]" } } });
  });
});

describe("the token is kept out of reach", () => {
  it("is not on the client object", () => {
    const rtk = client(fakeFetch(ok()).fetch);
    expect(inspect(rtk, { depth: 10, showHidden: true })).not.toContain(TOKEN);
    expect(JSON.stringify(rtk)).not.toContain(TOKEN);
  });

  it("is added below middleware, so a logging middleware never sees it", async () => {
    const { fetch, requests } = fakeFetch(ok());
    const rtk = client(fetch);
    const seen: string[] = [];
    rtk.use({
      onRequest: ({ request }) => {
        seen.push(inspect(request, { depth: 10 }), JSON.stringify([...request.headers]));
      },
    });
    await rtk.sessions.getParticipantDataFromPeerId(PEER);
    expect(seen.join("\n")).not.toContain(TOKEN);
    expect(requests[0]?.headers.get("authorization")).toBe(`Bearer ${TOKEN}`);
  });
});
