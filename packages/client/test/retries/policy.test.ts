import { describe, expect, it } from "vitest";
import { retryDelay, shouldRetry } from "../../src/retry.js";

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

describe("retryDelay", () => {
  const none = () => 0;

  it("honours retry-after-ms first", () => {
    expect(retryDelay(0, h({ "retry-after-ms": "1500", "retry-after": "30" }), none, NOW)).toBe(1500);
    expect(retryDelay(3, h({ "retry-after-ms": "0" }), none, NOW)).toBe(0);
  });

  it("then retry-after in seconds", () => {
    expect(retryDelay(0, h({ "retry-after": "2" }), none, NOW)).toBe(2000);
    expect(retryDelay(0, h({ "retry-after": "0.25" }), none, NOW)).toBe(250);
    expect(retryDelay(0, h({ "retry-after-ms": "soon", "retry-after": "60" }), none, NOW)).toBe(60_000);
  });

  it("then retry-after as an HTTP date", () => {
    const at = new Date(NOW + 5000).toUTCString();
    expect(retryDelay(0, h({ "retry-after": at }), none, NOW)).toBe(5000);
  });

  it.each([
    { "retry-after-ms": "60001" },
    { "retry-after-ms": "-1" },
    { "retry-after": "61" },
    { "retry-after": "-3" },
    { "retry-after": new Date(NOW + 120_000).toUTCString() },
    { "retry-after": new Date(NOW - 5000).toUTCString() },
    { "retry-after": "tomorrow" },
    {},
  ] as Record<string, string>[])("falls back to backoff for %j", (headers) => {
    expect(retryDelay(0, h(headers), none, NOW)).toBe(500);
  });

  it("backs off exponentially from 0.5 s to 8 s", () => {
    expect([0, 1, 2, 3, 4, 5, 9].map((n) => retryDelay(n, undefined, none, NOW))).toEqual([
      500, 1000, 2000, 4000, 8000, 8000, 8000,
    ]);
  });

  it("shortens the backoff by up to 25% of jitter, never lengthens it", () => {
    expect(retryDelay(0, undefined, () => 0.999999, NOW)).toBeCloseTo(375, 3);
    expect(retryDelay(2, undefined, () => 0.5, NOW)).toBe(1750);
    expect(retryDelay(6, undefined, () => 1, NOW)).toBe(6000);
    for (let n = 0; n < 8; n++) {
      const max = Math.min(500 * 2 ** n, 8000);
      const delay = retryDelay(n);
      expect(delay).toBeGreaterThanOrEqual(max * 0.75);
      expect(delay).toBeLessThanOrEqual(max);
    }
  });
});
