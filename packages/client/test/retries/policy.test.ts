import { describe, expect, it } from "vitest";
import { retryDelay, serverWait, shouldRetry } from "../../src/retry.js";

const h = (headers: Record<string, string> = {}) => new Headers(headers);
const NOW = Date.parse("2026-01-01T00:00:00Z");

describe("shouldRetry", () => {
  it.each([408, 409, 429, 500, 502, 503, 504, 599])("retries %i", (status) => {
    expect(shouldRetry(status, h())).toBe(true);
  });
  it.each([400, 401, 403, 404, 405, 410, 422])("does not retry %i", (status) => {
    expect(shouldRetry(status, h())).toBe(false);
  });
  it("lets x-should-retry override the status both ways", () => {
    expect(shouldRetry(400, h({ "x-should-retry": "true" }))).toBe(true);
    expect(shouldRetry(503, h({ "x-should-retry": "false" }))).toBe(false);
    expect(shouldRetry(503, h({ "x-should-retry": "maybe" }))).toBe(true);
    expect(shouldRetry(404, h({ "x-should-retry": "maybe" }))).toBe(false);
  });
});

describe("serverWait: the milliseconds the server asked for", () => {
  it.each<[Record<string, string>, number | undefined]>([
    [{ "retry-after-ms": "1500" }, 1500],
    [{ "retry-after": "2" }, 2000],
    [{ "retry-after": "0.25" }, 250],
    [{ "retry-after": "0" }, 0],
    [{ "retry-after": "120" }, 120_000],
    [{ "retry-after": new Date(NOW + 5000).toUTCString() }, 5000],
    [{ "x-ratelimit-reset": new Date(NOW + 9000).toUTCString() }, 9000],
    [{ "x-ratelimit-reset": String(NOW / 1000 + 30) }, 30_000],
    // The longest of them: each is a floor.
    [{ "retry-after-ms": "1500", "retry-after": "30" }, 30_000],
    [{ "retry-after-ms": "soon", "retry-after": "60" }, 60_000],
    // Named, but already past: no wait.
    [{ "retry-after": "-3" }, 0],
    [{ "retry-after": new Date(NOW - 5000).toUTCString() }, 0],
    // Named none that can be read.
    [{ "retry-after": "tomorrow" }, undefined],
    [{ "retry-after": " " }, undefined],
    [{ "retry-after": "Infinity" }, undefined],
    [{}, undefined],
  ])("%j → %s", (headers, wait) => {
    expect(serverWait(h(headers), NOW)).toBe(wait);
  });
});

describe("retryDelay", () => {
  const none = () => 0;

  it("backs off exponentially from 0.5 s to 8 s", () => {
    expect([0, 1, 2, 3, 4, 5, 9].map((n) => retryDelay(n, undefined, none))).toEqual([
      500, 1000, 2000, 4000, 8000, 8000, 8000,
    ]);
  });

  it("never goes below the server's wait, and a wait of 0 still backs off", () => {
    expect(retryDelay(0, 1500, none)).toBe(1500);
    expect(retryDelay(0, 0, none)).toBe(500);
    expect(retryDelay(3, 100, none)).toBe(4000);
    expect(retryDelay(0, 120_000, none)).toBe(120_000);
  });

  it("shortens the backoff by up to 25% of jitter, never lengthens it", () => {
    expect(retryDelay(0, undefined, () => 0.999999)).toBeCloseTo(375, 3);
    expect(retryDelay(2, undefined, () => 0.5)).toBe(1750);
    expect(retryDelay(6, undefined, () => 1)).toBe(6000);
    for (let n = 0; n < 8; n++) {
      const max = Math.min(500 * 2 ** n, 8000);
      const delay = retryDelay(n);
      expect(delay).toBeGreaterThanOrEqual(max * 0.75);
      expect(delay).toBeLessThanOrEqual(max);
    }
  });
});
