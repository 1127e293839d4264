/**
 * A wait header sent twice (by the origin and a proxy, or by a framework that appends) reaches the client
 * as one list, `fetch` joining the values with ", ". Each value is a floor like a single one: "120, 120"
 * must not read as "no wait", nor "1, 1" as an HTTP date in 2001 (a wait of 0).
 */
import { describe, expect, test } from "vitest";
import { RateLimitError } from "../../src/index.js";
import { serverWait } from "../../src/retry.js";
import { expectFault, faultClient, guardConsole, peerReport, slack } from "../reliability/harness.js";
import { loopbackServerForFile } from "../support/loopback-server.js";

guardConsole();

const NOW = Date.parse("2026-01-01T00:00:00Z");
const twice = (name: string, first: string, second = first) => {
  const headers = new Headers();
  headers.append(name, first);
  headers.append(name, second);
  return headers;
};

describe("serverWait reads a repeated header as its longest value", () => {
  test.each<[string, string, string, number]>([
    ["retry-after", "120", "120", 120_000],
    ["retry-after", "1", "1", 1_000],
    ["retry-after", "2", "30", 30_000],
    ["retry-after", "0.5", "soon", 500],
    ["retry-after-ms", "700", "700", 700],
    ["x-ratelimit-reset", "5", "5", 5_000],
    ["retry-after", new Date(NOW + 5_000).toUTCString(), new Date(NOW + 9_000).toUTCString(), 9_000],
    ["x-ratelimit-reset", new Date(NOW + 4_000).toUTCString(), "2", 4_000],
  ])("%s: %s, %s → %i ms", (name, first, second, wait) => {
    expect(serverWait(twice(name, first, second), NOW)).toBe(wait);
  });

  test("a single HTTP date, whose comma is its own, is still one date", () => {
    expect(serverWait(new Headers({ "retry-after": new Date(NOW + 3_000).toUTCString() }), NOW)).toBe(3_000);
  });
});

describe("end to end: a 429 whose retry-after line came twice", () => {
  const server = loopbackServerForFile();

  test("retry-after: 120 twice → RateLimitError at once, retryAfter 120000, one attempt", async () => {
    server.handle((_req, res) => {
      res.setHeader("retry-after", ["120", "120"]);
      res.writeHead(429, { "content-type": "application/json" }).end('{"success":false,"errors":[]}');
    });
    const error = await expectFault(() => peerReport(faultClient(server.baseURL)), server, {
      error: RateLimitError,
      attempts: 1,
      underMs: slack,
    });
    expect(error.retryAfter).toBe(120_000);
  });
});
