import { describe, expect, it, vi } from "vitest";
import { type Settings, send } from "../../src/transport.js";

const settings = (s: Partial<Settings>): Settings => ({
  headers: [["authorization", "Bearer tok"]],
  secrets: ["tok"],
  fetch: undefined,
  fetchOptions: undefined,
  timeout: 1000,
  maxRetries: 0,
  maxRetryAfter: 60_000,
  level: 0,
  logger: console,
  ...s,
});

// The transport takes its wait and its randomness from its settings, so the schedule is checked without time passing.
describe("send", () => {
  it("waits the backoff schedule between attempts, with the injected randomness", async () => {
    const waits: number[] = [];
    const fetch = vi.fn(async () => new Response("busy", { status: 503 }));
    const response = await send(
      new Request("https://example.test/x"),
      settings({
        fetch,
        maxRetries: 5,
        random: () => 0.5,
        sleep: async (ms) => {
          waits.push(ms);
        },
      }),
    );
    expect(response.status).toBe(503);
    expect(await response.text()).toBe("busy");
    expect(fetch).toHaveBeenCalledTimes(6);
    expect(waits).toEqual([437.5, 875, 1750, 3500, 7000]);
  });

  it("calls fetch(url, init) with a string URL and a plain init holding the token, each attempt", async () => {
    const seen: [unknown, RequestInit][] = [];
    const fetch = vi.fn(async (url: string, init: RequestInit) => {
      seen.push([url, init]);
      return new Response(null, { status: seen.length < 2 ? 500 : 204 });
    });
    const original = new Request("https://example.test/x", { headers: { accept: "application/json" } });
    const response = await send(original, settings({ fetch, maxRetries: 2, sleep: async () => {} }));
    expect(response.status).toBe(204);
    expect(seen).toHaveLength(2);
    for (const [url, init] of seen) {
      expect(url).toBe("https://example.test/x");
      expect(init).not.toBeInstanceOf(Request);
      expect(Object.getPrototypeOf(init)).toBe(Object.prototype);
      expect(init.method).toBe("GET");
      const headers = new Headers(init.headers);
      expect(headers.get("authorization")).toBe("Bearer tok");
      expect(headers.get("accept")).toBe("application/json");
    }
    expect(original.headers.has("authorization")).toBe(false);
  });

  it("keeps an Authorization header set by the caller", async () => {
    const fetch = vi.fn(
      async (_url: string, init: RequestInit) => new Response(new Headers(init.headers).get("authorization")),
    );
    const request = new Request("https://example.test/x", { headers: { authorization: "Bearer other" } });
    const response = await send(request, settings({ fetch }));
    expect(await response.text()).toBe("Bearer other");
  });
});
