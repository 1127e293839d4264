import { type Line, styled } from "./output.js";

/** A console-like logger, as the client's `logger` option takes it. */
export interface Logger {
  error(message: string): void;
  warn(message: string): void;
  info(message: string): void;
  debug(message: string): void;
}

/** How long a wait is, for a person: `50 ms`, `0.5 s`, `2 s`, `1.5 s`, `45 s`. */
export const seconds = (ms: number): string =>
  ms < 100 ? `${Math.round(ms)} ms` : `${ms >= 10_000 ? Math.round(ms / 1000) : Math.round(ms / 100) / 10} s`;

// The client's line for an attempt that is retried:
// `realtimekit GET <url>: <status or error name> in <ms> ms, retry <n> in <ms> ms[ (retry-after)]`.
const retryLine = /: (\S+) in \d+ ms, retry (\d+) in (\d+) ms/;

const what = (outcome: string, timeout: number, connection: () => string | undefined) =>
  /^\d+$/.test(outcome)
    ? `${outcome} from the API`
    : outcome === "APIConnectionTimeoutError"
      ? `no answer within ${seconds(timeout)}`
      : (connection() ?? "no connection");

/**
 * The client's log, on stderr, as a person at a terminal wants it. A retry becomes one line after `prefix`,
 * e.g. `realtimekit peer-report: 503 from the API, retrying in 2 s, 1 of 2`, so a slow call is never silent; with `verbose`, every line
 * of the client's debug log is written as it is. Warnings and errors are always written. Each line goes
 * through the caller's writer, so the output encoding applies to the URLs in it too.
 */
export function clientLogger(
  write: (line: Line) => void,
  {
    prefix,
    verbose,
    maxRetries,
    timeout,
    connection = () => undefined,
  }: {
    prefix: string;
    verbose: boolean;
    maxRetries: number;
    timeout: number;
    /** Why the last attempt's connection failed, e.g. `connection refused (ECONNREFUSED, connect)`. */
    connection?: () => string | undefined;
  },
): Logger {
  const info = (message: string) => {
    const retry = retryLine.exec(message);
    if (verbose) write(styled("label", message));
    if (retry) {
      const [, outcome = "", n = "", delay = "0"] = retry;
      write([
        `${prefix} `,
        styled(
          "warning",
          `${what(outcome, timeout, connection)}, retrying in ${seconds(Number(delay))}, ${n} of ${maxRetries}`,
        ),
      ]);
    }
  };
  return {
    error: (message) => write(styled("error", message)),
    warn: (message) => write(styled("warning", message)),
    info,
    debug: (message) => {
      if (verbose) write(styled("label", message));
    },
  };
}
