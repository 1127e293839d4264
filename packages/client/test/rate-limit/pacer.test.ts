/**
 * The pacer on its own, on a fake clock: when it holds an attempt, for how long, how it spreads the last of
 * a window, how a held attempt ends on its timeout or its signal, and the concurrency bound.
 */
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { APIUserAbortError, RateLimitError } from "../../src/index.js";
import { Pacer } from "../../src/pacer.js";

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"], now: Date.UTC(2026, 10, 30, 4) });
});
afterEach(() => {
  expect(vi.getTimerCount()).toBe(0);
  vi.useRealTimers();
});

const quota = (remaining: number, resetSeconds: number, limit = 60) =>
  new Headers({
    ratelimit: `"default";r=${remaining};t=${resetSeconds}`,
    "ratelimit-policy": `"default";q=${limit};w=60`,
  });

/** A pacer past its first answer, which stated nothing. */
const primed = async (
  maxConcurrency = Number.POSITIVE_INFINITY,
  pace = true,
  log?: (message: string) => void,
) => {
  const pacer = new Pacer(maxConcurrency, pace, log);
  pacer.settle(await pacer.acquire(1));
  return pacer;
};

/** Starts an acquire and records when it resolved (fake ms since the test began) or how it failed. */
const track = (pacer: Pacer, timeout = 60_000, signal?: AbortSignal) => {
  const began = Date.now();
  const state: { at?: number; seq?: number; error?: unknown } = {};
  const promise = pacer.acquire(timeout, signal).then(
    (seq) => {
      state.at = Date.now() - began;
      state.seq = seq;
    },
    (error: unknown) => {
      state.error = error;
    },
  );
  return Object.assign(state, { promise });
};

describe("holding while the quota is spent", () => {
  test("before the first answer only the first attempt goes; the rest follow its answer, or 1 s", async () => {
    const pacer = new Pacer(Number.POSITIVE_INFINITY, true);
    expect(pacer.rateLimit).toBeUndefined();
    const calls = Array.from({ length: 3 }, () => track(pacer));
    await vi.advanceTimersByTimeAsync(200);
    expect(calls.map((c) => c.at)).toEqual([0, undefined, undefined]);
    // An answer that states no quota: nothing to pace by, so the rest go at once.
    pacer.settle(calls[0]?.seq as number, new Headers());
    await vi.advanceTimersByTimeAsync(0);
    expect(calls.map((c) => c.at)).toEqual([0, 200, 200]);

    const slow = new Pacer(Number.POSITIVE_INFINITY, true);
    const waiting = Array.from({ length: 3 }, () => track(slow, 100));
    await vi.advanceTimersByTimeAsync(1_000);
    // No answer within 1 s (a hung first request): the others go, and a short timeout is no reason to refuse.
    expect(waiting.map((c) => c.at)).toEqual([0, 1_000, 1_000]);
  });

  test("no requests left: the next attempt waits for the reset, then goes; the wait is logged once", async () => {
    const log = vi.fn();
    const pacer = await primed(Number.POSITIVE_INFINITY, true, log);
    pacer.settle(await pacer.acquire(1_000), quota(0, 3));
    expect(pacer.rateLimit).toEqual({ limit: 60, remaining: 0, resetAt: Date.now() + 3_000 });
    const held = [track(pacer, 10_000), track(pacer, 10_000)];
    await vi.advanceTimersByTimeAsync(2_999);
    expect(held.map((c) => c.at)).toEqual([undefined, undefined]);
    await vi.advanceTimersByTimeAsync(1);
    expect(held.map((c) => c.at)).toEqual([3_000, 3_000]);
    expect(log).toHaveBeenCalledTimes(1);
    expect(log.mock.calls[0]?.[0]).toBe(
      "realtimekit rate limit: 0 of 60 requests left; holding requests for 3000 ms, until the reset",
    );
  });

  test("the requests sent after an answer count against what it said was left", async () => {
    const pacer = await primed();
    const [first, second, third] = await Promise.all([pacer.acquire(1), pacer.acquire(1), pacer.acquire(1)]);
    pacer.settle(first as number, quota(2, 3));
    // The server had 2 left after the first; the second and third were sent after it.
    expect(pacer.rateLimit?.remaining).toBe(0);
    pacer.settle(second as number, quota(1, 3));
    pacer.settle(third as number, quota(0, 3));
    expect(pacer.rateLimit?.remaining).toBe(0);
    const next = track(pacer, 10_000);
    await vi.advanceTimersByTimeAsync(2_999);
    expect(next.at).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(next.at).toBe(3_000);
  });

  test("each answer bounds the reset from above: it only moves earlier within a window", async () => {
    const pacer = new Pacer(Number.POSITIVE_INFINITY, true);
    const start = Date.now();
    pacer.settle(await pacer.acquire(1), quota(10, 3));
    await vi.advanceTimersByTimeAsync(400);
    // "3 s" again: the reset is by 3.4 s on this answer's count, by 3 s on the first's, which stands.
    pacer.settle(await pacer.acquire(1), quota(9, 3));
    expect(pacer.rateLimit?.resetAt).toBe(start + 3_000);
    await vi.advanceTimersByTimeAsync(700);
    // "1 s" at 1.1 s: the reset is by 2.1 s.
    pacer.settle(await pacer.acquire(1), quota(8, 1));
    expect(pacer.rateLimit?.resetAt).toBe(start + 2_100);
  });

  test("after the reset, answers to attempts sent before it are old news; the first one after it counts", async () => {
    const pacer = await primed();
    const early = await pacer.acquire(1);
    pacer.settle(await pacer.acquire(1), quota(0, 1, 5));
    await vi.advanceTimersByTimeAsync(1_000);
    const late = track(pacer, 1_000);
    await vi.advanceTimersByTimeAsync(0);
    // The answer to `early` arrives after the reset, saying the old window had 0 left: ignored.
    pacer.settle(early, quota(0, 1, 5));
    expect(pacer.rateLimit?.remaining).toBe(4);
    pacer.settle(late.seq as number, quota(4, 1, 5));
    expect(pacer.rateLimit).toEqual({ limit: 5, remaining: 4, resetAt: Date.now() + 1_000 });
  });

  test("a 429's wait holds every attempt, not only the one it answered", async () => {
    const pacer = new Pacer(Number.POSITIVE_INFINITY, true);
    pacer.settle(await pacer.acquire(1), new Headers(), 2_000);
    const others = [track(pacer), track(pacer)];
    await vi.advanceTimersByTimeAsync(1_999);
    expect(others.map((c) => c.at)).toEqual([undefined, undefined]);
    await vi.advanceTimersByTimeAsync(1);
    expect(others.map((c) => c.at)).toEqual([2_000, 2_000]);
  });

  test("with rateLimit off, answers are not read: nothing is held", async () => {
    const pacer = new Pacer(Number.POSITIVE_INFINITY, false);
    pacer.settle(await pacer.acquire(1), quota(0, 30), 30_000);
    expect(pacer.rateLimit).toBeUndefined();
    const next = track(pacer, 1_000);
    await vi.advanceTimersByTimeAsync(0);
    expect(next.at).toBe(0);
  });
});

describe("spreading the last tenth of a window", () => {
  test("6 of 60 left with 3 s to go: one attempt every 500 ms, not a burst", async () => {
    const pacer = new Pacer(Number.POSITIVE_INFINITY, true);
    pacer.settle(await pacer.acquire(1), quota(6, 3));
    const calls = Array.from({ length: 6 }, () => track(pacer, 10_000));
    await vi.advanceTimersByTimeAsync(3_000);
    expect(calls.map((c) => c.at)).toEqual([0, 500, 1_000, 1_500, 2_000, 2_500]);
  });

  test("more than a tenth left: a burst", async () => {
    const pacer = new Pacer(Number.POSITIVE_INFINITY, true);
    pacer.settle(await pacer.acquire(1), quota(12, 3));
    const calls = Array.from({ length: 6 }, () => track(pacer, 10_000));
    await vi.advanceTimersByTimeAsync(0);
    expect(calls.map((c) => c.at)).toEqual([0, 0, 0, 0, 0, 0]);
  });

  test("the limit unknown: a tenth of the most ever seen left", async () => {
    const pacer = new Pacer(Number.POSITIVE_INFINITY, true);
    pacer.settle(
      await pacer.acquire(1),
      new Headers({ "x-ratelimit-remaining": "19", "x-ratelimit-reset": "4" }),
    );
    pacer.settle(
      await pacer.acquire(1),
      new Headers({ "x-ratelimit-remaining": "2", "x-ratelimit-reset": "4" }),
    );
    const calls = Array.from({ length: 2 }, () => track(pacer, 10_000));
    await vi.advanceTimersByTimeAsync(4_000);
    expect(calls.map((c) => c.at)).toEqual([0, 2_000]);
  });
});

describe("a held attempt keeps its timeout and signal", () => {
  test("a reset beyond its timeout: RateLimitError at once, nothing sent, retryAfter the wait", async () => {
    const pacer = new Pacer(Number.POSITIVE_INFINITY, true);
    pacer.settle(await pacer.acquire(1), quota(0, 5));
    const call = track(pacer, 1_000);
    await vi.advanceTimersByTimeAsync(0);
    expect(call.error).toBeInstanceOf(RateLimitError);
    const error = call.error as RateLimitError & { retryAfter: number };
    expect(error.retryAfter).toBe(5_000);
    expect(error.message).toBe(
      `Rate limited: the request was not sent, since the quota is spent until ${new Date(Date.now() + 5_000).toISOString()} and it could not start within its timeout of 1000 ms.`,
    );
  });

  test("held behind others until its timeout: RateLimitError when the timeout ends, not later", async () => {
    const pacer = new Pacer(Number.POSITIVE_INFINITY, true);
    pacer.settle(await pacer.acquire(1), quota(2, 10, 100));
    // 2 left of 100 over 10 s: one now, the next at 5 s, then none until the reset at 10 s.
    const first = track(pacer, 60_000);
    const second = track(pacer, 6_000);
    const third = track(pacer, 5_500);
    await vi.advanceTimersByTimeAsync(5_000);
    expect([first.at, second.at]).toEqual([0, 5_000]);
    expect(third.error).toBeUndefined();
    await vi.advanceTimersByTimeAsync(500);
    expect(third.error).toBeInstanceOf(RateLimitError);
    expect((third.error as { retryAfter: number }).retryAfter).toBe(4_500);
  });

  test("an abort while held: APIUserAbortError at once, and its place freed", async () => {
    const pacer = new Pacer(1, true);
    pacer.settle(await pacer.acquire(1), quota(0, 5));
    const controller = new AbortController();
    const aborted = track(pacer, 10_000, controller.signal);
    await vi.advanceTimersByTimeAsync(1_000);
    controller.abort();
    await vi.advanceTimersByTimeAsync(0);
    expect(aborted.error).toBeInstanceOf(APIUserAbortError);
    // The aborted one held the only slot; the next one gets it.
    const next = track(pacer, 10_000);
    await vi.advanceTimersByTimeAsync(4_000);
    expect(next.at).toBe(4_000);
  });

  test("an already-aborted signal: APIUserAbortError, and nothing taken", async () => {
    const pacer = new Pacer(1, true);
    await expect(pacer.acquire(1_000, AbortSignal.abort())).rejects.toBeInstanceOf(APIUserAbortError);
    const next = track(pacer);
    await vi.advanceTimersByTimeAsync(0);
    expect(next.at).toBe(0);
    pacer.settle(next.seq as number);
  });
});

describe("maxConcurrency", () => {
  test("at most n attempts hold a slot; the rest wait their turn, first come first served", async () => {
    const pacer = await primed(2);
    const calls = Array.from({ length: 5 }, () => track(pacer));
    await vi.advanceTimersByTimeAsync(0);
    expect(calls.map((c) => c.seq)).toEqual([2, 3, undefined, undefined, undefined]);
    pacer.settle(2);
    await vi.advanceTimersByTimeAsync(0);
    expect(calls.map((c) => c.seq)).toEqual([2, 3, 4, undefined, undefined]);
    pacer.settle(3);
    pacer.settle(4);
    await vi.advanceTimersByTimeAsync(0);
    expect(calls.map((c) => c.seq)).toEqual([2, 3, 4, 5, 6]);
    pacer.settle(5);
    pacer.settle(6);
  });

  test("waiting for a slot does not count toward the timeout; an abort still ends it", async () => {
    const pacer = await primed(1);
    const first = await pacer.acquire(1_000);
    const controller = new AbortController();
    const patient = track(pacer, 100);
    const aborted = track(pacer, 100, controller.signal);
    await vi.advanceTimersByTimeAsync(5_000);
    controller.abort();
    await vi.advanceTimersByTimeAsync(0);
    expect(aborted.error).toBeInstanceOf(APIUserAbortError);
    expect(patient.error).toBeUndefined();
    pacer.settle(first);
    await vi.advanceTimersByTimeAsync(0);
    expect(patient.seq).toBe(3);
    pacer.settle(3);
  });
});
