/**
 * Reading the quota a response states, in both forms Cloudflare's API has sent: the IETF draft's
 * `RateLimit`/`RateLimit-Policy` structured fields, and `X-RateLimit-*`. A malformed value is ignored,
 * never thrown, and the other form is read in its place.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { readRateLimit } from "../../src/rate-limit.js";

const now = Date.UTC(2026, 10, 30, 4, 0, 0);
const read = (headers: Record<string, string>) => readRateLimit(new Headers(headers), now);

describe("RateLimit and RateLimit-Policy", () => {
  test("Cloudflare's example: r requests left, t seconds to the reset, q per window", () => {
    expect(read({ ratelimit: '"default";r=50;t=30', "ratelimit-policy": '"default";q=100;w=60' })).toEqual({
      limit: 100,
      remaining: 50,
      resetAt: now + 30_000,
    });
  });

  test("the limit with fewest requests left counts, with the policy of its name", () => {
    expect(
      read({
        ratelimit: '"burst";r=40;t=5, "daily";r=3;t=7200',
        "ratelimit-policy": '"burst";q=100;w=60, "daily";q=1000;w=86400',
      }),
    ).toEqual({ limit: 1000, remaining: 3, resetAt: now + 7_200_000 });
  });

  test("a policy of another name counts when it is the only one; none of several when none matches", () => {
    // The reference page's own example names the limit "default" and the policy "burst".
    expect(read({ ratelimit: '"default";r=50;t=30', "ratelimit-policy": '"burst";q=100;w=60' })?.limit).toBe(
      100,
    );
    expect(
      read({ ratelimit: '"default";r=50;t=30', "ratelimit-policy": '"a";q=100;w=60, "b";q=5;w=1' })?.limit,
    ).toBeUndefined();
  });

  test("no t: the reset is unknown; no policy: the limit is unknown", () => {
    expect(read({ ratelimit: '"default";r=7' })).toEqual({
      limit: undefined,
      remaining: 7,
      resetAt: undefined,
    });
  });

  test("the field split over two lines, as Headers joins them", () => {
    const headers = new Headers();
    headers.append("RateLimit", '"burst";r=40;t=5');
    headers.append("RateLimit", '"daily";r=3;t=60');
    expect(readRateLimit(headers, now)?.remaining).toBe(3);
  });
});

describe("X-RateLimit-Limit, -Remaining and -Reset", () => {
  test("Cloudflare's older form: the reset an HTTP date", () => {
    expect(
      read({
        "x-ratelimit-limit": "1200",
        "x-ratelimit-remaining": "0",
        "x-ratelimit-reset": new Date(now + 300_000).toUTCString(),
      }),
    ).toEqual({ limit: 1200, remaining: 0, resetAt: now + 300_000 });
  });

  test("the reset as seconds from now, or as seconds since the epoch (as GitHub sends it)", () => {
    expect(read({ "x-ratelimit-remaining": "5", "x-ratelimit-reset": "30" })?.resetAt).toBe(now + 30_000);
    const epoch = String((now + 90_000) / 1000);
    expect(read({ "x-ratelimit-remaining": "5", "x-ratelimit-reset": epoch })?.resetAt).toBe(now + 90_000);
  });

  test("without X-: the names of the draft's first versions", () => {
    expect(read({ "ratelimit-limit": "60", "ratelimit-remaining": "9", "ratelimit-reset": "2" })).toEqual({
      limit: 60,
      remaining: 9,
      resetAt: now + 2_000,
    });
  });

  test("no reset: the reset is unknown", () => {
    expect(read({ "x-ratelimit-limit": "60", "x-ratelimit-remaining": "9" })).toEqual({
      limit: 60,
      remaining: 9,
      resetAt: undefined,
    });
  });
});

describe("malformed values are ignored, never thrown", () => {
  test.each([
    [{ ratelimit: "default;r=50;t=30;" }, "a trailing semicolon (the field fails to parse)"],
    [{ ratelimit: '"default";r=-1;t=30' }, "a negative r"],
    [{ ratelimit: '"default";r=1.5;t=30' }, "a decimal r"],
    [{ ratelimit: '"default";r="5";t=30' }, "r as a string"],
    [{ ratelimit: '"default";t=30' }, "no r"],
    [{ ratelimit: "r=5, t=30" }, "the draft-07 dictionary form"],
    [{ "x-ratelimit-remaining": "five" }, "a word"],
    [{ "x-ratelimit-remaining": "-3" }, "a negative count"],
    [{ "x-ratelimit-remaining": "5, 5" }, "two values"],
    [{ "x-ratelimit-remaining": "1e3" }, "an exponent"],
    [{ "x-ratelimit-remaining": "9999999999999999" }, "16 digits"],
    [{ "x-ratelimit-limit": "100" }, "a limit with no remaining"],
    [{}, "nothing"],
  ] as [Record<string, string>, string][])("%j: %s", (headers) => {
    expect(read(headers)).toBeUndefined();
  });

  test("a malformed RateLimit gives way to X-RateLimit-*", () => {
    expect(
      read({ ratelimit: '"default";r=oops', "x-ratelimit-remaining": "4", "x-ratelimit-limit": "10" }),
    ).toEqual({ limit: 10, remaining: 4, resetAt: undefined });
  });

  test("a reset that only Date.parse would take is no reset", () => {
    for (const reset of ["soon 2099", "x 2", "May 3 2099", "2099-01-01"]) {
      expect(read({ "x-ratelimit-remaining": "0", "x-ratelimit-reset": reset })?.resetAt).toBeUndefined();
    }
    expect(
      read({ "x-ratelimit-remaining": "0", "x-ratelimit-reset": "Sunday, 06-Nov-94 08:49:37 GMT" })?.resetAt,
    ).toBe(Date.UTC(1994, 10, 6, 8, 49, 37));
  });

  test("malformed parts beside good ones are dropped alone", () => {
    expect(
      read({ "x-ratelimit-remaining": "4", "x-ratelimit-limit": "lots", "x-ratelimit-reset": "someday" }),
    ).toEqual({ limit: undefined, remaining: 4, resetAt: undefined });
    expect(read({ ratelimit: '"d";r=4;t=-2', "ratelimit-policy": '"d";q=0.5' })).toEqual({
      limit: undefined,
      remaining: 4,
      resetAt: undefined,
    });
  });

  test("any text in any of the five headers: no throw, and numbers that are whole and not negative", () => {
    const names = [
      "ratelimit",
      "ratelimit-policy",
      "x-ratelimit-limit",
      "x-ratelimit-remaining",
      "x-ratelimit-reset",
    ];
    const value = fc.oneof(
      fc.string({ maxLength: 40 }).map((s) => s.replace(/[^\x20-\x7e]/g, "")),
      fc.constantFrom('"default";r=5;t=3', '"d";q=9;w=1', "12", "0", "-1", "Tue, 01 Dec 2026 00:00:00 GMT"),
    );
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...names), value), (headers) => {
        const got = read(headers);
        if (got === undefined) return;
        expect(Number.isInteger(got.remaining) && got.remaining >= 0).toBe(true);
        if (got.limit !== undefined) expect(Number.isInteger(got.limit) && got.limit >= 0).toBe(true);
        if (got.resetAt !== undefined) expect(Number.isFinite(got.resetAt)).toBe(true);
      }),
      { numRuns: 3_000 },
    );
  }, 60_000);
});
