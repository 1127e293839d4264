import { describe, expect, it } from "vitest";
import { clientLogger, seconds } from "../../src/client-log.js";
import { type Line, plain } from "../../src/output.js";

const capture = (verbose: boolean) => {
  const lines: string[] = [];
  const logger = clientLogger((line: Line) => lines.push(plain(line)), {
    prefix: "realtimekit peer-report:",
    verbose,
    maxRetries: 2,
    timeout: 30_000,
  });
  return { logger, lines };
};

const url = "https://api.cloudflare.com/client/v4/accounts/a/realtime/kit/b/sessions/peer-report/p";

describe("the client's log, for a person at a terminal", () => {
  it.each([
    [
      `realtimekit GET ${url}: 503 in 41 ms, retry 1 in 2000 ms (retry-after)`,
      "realtimekit peer-report: 503 from the API, retrying in 2 s, 1 of 2",
    ],
    [
      `realtimekit GET ${url}: 429 in 12 ms, retry 2 in 1480 ms`,
      "realtimekit peer-report: 429 from the API, retrying in 1.5 s, 2 of 2",
    ],
    [
      `realtimekit GET ${url}: APIConnectionTimeoutError in 30004 ms, retry 1 in 430 ms`,
      "realtimekit peer-report: no answer within 30 s, retrying in 0.4 s, 1 of 2",
    ],
    [
      `realtimekit GET ${url}: APIConnectionError in 3 ms, retry 1 in 512 ms`,
      "realtimekit peer-report: no connection, retrying in 0.5 s, 1 of 2",
    ],
  ])("a retry is one line: %s", (message, line) => {
    const { logger, lines } = capture(false);
    logger.info(message);
    expect(lines).toEqual([line]);
  });

  it("writes the debug log only with --verbose, and then every line", () => {
    const quiet = capture(false);
    quiet.logger.debug(`realtimekit GET ${url}: 200 in 40 ms`);
    quiet.logger.info(
      `realtimekit GET ${url}: 429 in 3 ms, not retried: retry-after 120000 ms > maxRetryAfter`,
    );
    expect(quiet.lines).toEqual([]);
    const verbose = capture(true);
    verbose.logger.debug(`realtimekit GET ${url}: 200 in 40 ms`);
    verbose.logger.info(`realtimekit GET ${url}: 503 in 41 ms, retry 1 in 2000 ms`);
    expect(verbose.lines).toEqual([
      `realtimekit GET ${url}: 200 in 40 ms`,
      `realtimekit GET ${url}: 503 in 41 ms, retry 1 in 2000 ms`,
      "realtimekit peer-report: 503 from the API, retrying in 2 s, 1 of 2",
    ]);
  });

  it("always writes warnings and errors", () => {
    const { logger, lines } = capture(false);
    logger.warn("w");
    logger.error("e");
    expect(lines).toEqual(["w", "e"]);
  });

  it.each([
    [0, "0 ms"],
    [50, "50 ms"],
    [430, "0.4 s"],
    [999.5, "1 s"],
    [1500, "1.5 s"],
    [2000, "2 s"],
    [30_000, "30 s"],
    [12_345, "12 s"],
  ])("%i ms is %s", (ms, text) => {
    expect(seconds(ms)).toBe(text);
  });
});
