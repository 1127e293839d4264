/**
 * `logLevel` and `logger`: at `debug` one line per attempt (method, URL, status or failure, duration, and
 * the retry's delay and reason); at `info` only the lines that lead to a wait, or to none because the
 * server's is past `maxRetryAfter`; nothing at `warn` (the default), `error` or `off`. Never the token or a
 * body. `REALTIMEKIT_LOG` sets the level when the option does not.
 */
import { afterEach, describe, expect, test, vi } from "vitest";
import { createRealtimeKitClient, type InvalidParameterError } from "../../src/index.js";
import { client, details, fakeFetch, ok, rejection, TOKEN } from "../fake-fetch.js";

const capture = () => {
  const lines: [string, string][] = [];
  const logger = Object.fromEntries(
    (["error", "warn", "info", "debug"] as const).map((level) => [
      level,
      (line: string) => lines.push([level, line]),
    ]),
  ) as unknown as Console;
  return { lines, logger };
};

const secretBody = { success: false, error: { code: 1, message: `echo Bearer ${TOKEN}` } };
// A 503 with a body holding the token, then a 429 asking for a wait, then a success.
const script = () =>
  fakeFetch(
    { status: 503, body: secretBody },
    { status: 429, body: secretBody, headers: { "retry-after-ms": "1500" } },
    ok(),
  );

const run = async (logLevel: string | undefined, steps = script()) => {
  const { lines, logger } = capture();
  vi.useFakeTimers();
  const result = details(client(steps.fetch, { logLevel: logLevel as never, logger }));
  await vi.runAllTimersAsync();
  vi.useRealTimers();
  await result;
  for (const [, line] of lines) {
    expect(line).not.toContain(TOKEN);
    expect(line).not.toContain("echo");
  }
  return lines;
};

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllEnvs();
});

describe("what each level logs", () => {
  test("debug: one line per attempt, with status, duration, and the retry's delay and reason", async () => {
    const lines = await run("debug");
    expect(lines.map(([level]) => level)).toEqual(["info", "info", "debug"]);
    const path = "/client/v4/accounts/023e105f4ecef8ad9ca31a8372d0c353/realtime/kit/my-app/sessions/";
    expect(lines[0]?.[1]).toMatch(
      new RegExp(
        `^realtimekit GET https://api\\.cloudflare\\.com${path}.*: 503 in \\d+ ms, retry 1 in \\d+ ms$`,
      ),
    );
    expect(lines[1]?.[1]).toMatch(/: 429 in \d+ ms, retry 2 in 1500 ms \(retry-after\)$/);
    expect(lines[2]?.[1]).toMatch(/: 200 in \d+ ms$/);
  });

  test("info: the retries alone", async () => {
    expect((await run("info")).map(([level]) => level)).toEqual(["info", "info"]);
  });

  test.each(["warn", "error", "off", undefined])("%s: nothing", async (level) => {
    expect(await run(level)).toEqual([]);
  });

  test("a connection failure is named, and a wait past maxRetryAfter is noted at info", async () => {
    const failing = fakeFetch(new TypeError("fetch failed"), ok());
    expect((await run("debug", failing))[0]?.[1]).toMatch(
      /: APIConnectionError in \d+ ms, retry 1 in \d+ ms$/,
    );
    const { lines, logger } = capture();
    const long = fakeFetch({ status: 429, headers: { "retry-after": "3600" } });
    await rejection(details(client(long.fetch, { logLevel: "info", logger })));
    expect(lines).toEqual([
      [
        "info",
        expect.stringMatching(/: 429 in \d+ ms, not retried: retry-after 3600000 ms > maxRetryAfter$/),
      ],
    ]);
  });
});

describe("where the level comes from", () => {
  test("REALTIMEKIT_LOG when the option is not given; the option wins", async () => {
    vi.stubEnv("REALTIMEKIT_LOG", "info");
    expect(await run(undefined)).toHaveLength(2);
    expect(await run("off")).toEqual([]);
  });

  test("the default logger is console", async () => {
    const debug = vi.spyOn(console, "debug").mockImplementation(() => {});
    await details(client(fakeFetch(ok()).fetch, { logLevel: "debug" }));
    expect(debug).toHaveBeenCalledTimes(1);
    debug.mockRestore();
  });

  test.each<[string, object, string]>([
    ["an unknown logLevel", { logLevel: "verbose" }, "logLevel"],
    ["a logger without debug", { logger: { error() {}, warn() {}, info() {} } }, "logger"],
    ["a logger that is a function", { logger: () => {} }, "logger"],
  ])("%s → InvalidParameterError naming it", (_label, options, param) => {
    expect(() => createRealtimeKitClient({ apiToken: TOKEN, ...options })).toThrow(
      expect.objectContaining({ param }) as InvalidParameterError,
    );
  });

  test("an unknown REALTIMEKIT_LOG → InvalidParameterError naming the variable", () => {
    vi.stubEnv("REALTIMEKIT_LOG", "loud");
    expect(() => createRealtimeKitClient({ apiToken: TOKEN })).toThrow(
      /REALTIMEKIT_LOG must be one of off,error,warn,info,debug/,
    );
  });
});
