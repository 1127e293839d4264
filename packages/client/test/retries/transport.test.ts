import { describe, expect, it, vi } from "vitest";
import { send } from "../../src/transport.js";

// The transport takes its wait and its randomness from its settings, so the schedule is checked without time passing.
describe("send", () => {
  it("waits the backoff schedule between attempts, with the injected randomness", async () => {
    const waits: number[] = [];
    const fetch = vi.fn(async () => new Response("busy", { status: 503 }));
    const response = await send(new Request("https://example.test/x"), {
      token: "t",
      fetch,
      timeout: 1000,
      maxRetries: 5,
      random: () => 0.5,
      sleep: async (ms) => {
        waits.push(ms);
      },
    });
    expect(response.status).toBe(503);
    expect(await response.text()).toBe("busy");
    expect(fetch).toHaveBeenCalledTimes(6);
    expect(waits).toEqual([437.5, 875, 1750, 3500, 7000]);
  });

  it("sends a fresh copy of the request each attempt, with the token", async () => {
    const seen: Request[] = [];
    const fetch = vi.fn(async (request: Request) => {
      seen.push(request);
      return new Response(null, { status: seen.length < 2 ? 500 : 204 });
    });
    const original = new Request("https://example.test/x", { headers: { accept: "application/json" } });
    const response = await send(original, {
      token: "tok",
      fetch,
      timeout: 1000,
      maxRetries: 2,
      sleep: async () => {},
    });
    expect(response.status).toBe(204);
    expect(seen).toHaveLength(2);
    expect(seen[0]).not.toBe(seen[1]);
    for (const request of seen) {
      expect(request.headers.get("authorization")).toBe("Bearer tok");
      expect(request.headers.get("accept")).toBe("application/json");
    }
    expect(original.headers.has("authorization")).toBe(false);
  });

  it("keeps an Authorization header set by the caller", async () => {
    const fetch = vi.fn(async (request: Request) => new Response(request.headers.get("authorization")));
    const request = new Request("https://example.test/x", { headers: { authorization: "Bearer other" } });
    const response = await send(request, { token: "tok", fetch, timeout: 1000, maxRetries: 0 });
    expect(await response.text()).toBe("Bearer other");
  });
});
