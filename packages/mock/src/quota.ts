/**
 * A request quota per API token, as Cloudflare's API keeps one: a fixed number of requests per window,
 * stated on every answer, and once it is exceeded a 429 for every request until the window ends. It knows
 * nothing of HTTP servers: it takes a token and a time and says what to answer, so every way of running
 * the mock applies it the same way.
 */

/** The `rateLimit` option: a quota per token. Off when not given. */
export interface RateLimitOptions {
  /** Requests one token may make per window (1 or more). */
  limit: number;
  /**
   * The window in milliseconds (1 or more). A token's window starts with its first request, and the next
   * one with its first request after that window ended.
   */
  windowMs: number;
  /**
   * Which headers state the quota: `"ratelimit"` for the IETF draft's `RateLimit` and `RateLimit-Policy`,
   * `"x-ratelimit"` for `X-RateLimit-Limit`, `-Remaining` and `-Reset`, `"both"` (the default) for all five.
   */
  headers?: "both" | "ratelimit" | "x-ratelimit" | undefined;
}

/** What the quota says of one request: the headers its answer carries, and whether it is refused. */
export interface QuotaDecision {
  /** Header names in lower case. */
  headers: Record<string, string>;
  /** Over the quota: answer 429, with `retry-after` among the headers. */
  refused: boolean;
}

const forms = ["both", "ratelimit", "x-ratelimit"];

/** Checks the option, throwing a `TypeError` that names what is wrong. */
export function checkRateLimit(options: RateLimitOptions): RateLimitOptions {
  const { limit, windowMs, headers = "both" } = options ?? ({} as RateLimitOptions);
  if (!(Number.isInteger(limit) && limit >= 1)) {
    throw new TypeError(
      `rateLimit.limit must be a whole number of requests, 1 or more (got ${String(limit)})`,
    );
  }
  if (!(Number.isInteger(windowMs) && windowMs >= 1 && windowMs <= 2_147_483_647)) {
    throw new TypeError(
      `rateLimit.windowMs must be a whole number of milliseconds from 1 to 2147483647 (got ${String(windowMs)})`,
    );
  }
  if (!forms.includes(headers)) {
    throw new TypeError(`rateLimit.headers must be one of ${forms.join(", ")} (got ${String(headers)})`);
  }
  return { limit, windowMs, headers };
}

/** The quota of one mock: requests counted per token, per window. */
export class Quota {
  readonly #options: Required<RateLimitOptions>;
  readonly #windows = new Map<string, { start: number; count: number }>();

  constructor(options: RateLimitOptions) {
    this.#options = checkRateLimit(options) as Required<RateLimitOptions>;
  }

  /** Counts one request by `token` at `now` (milliseconds since the epoch) and says how to answer it. */
  take(token: string, now: number = Date.now()): QuotaDecision {
    const { limit, windowMs, headers: form } = this.#options;
    let window = this.#windows.get(token);
    if (!window || now >= window.start + windowMs) {
      window = { start: now, count: 0 };
      this.#windows.set(token, window);
    }
    window.count++;
    const end = window.start + windowMs;
    const remaining = Math.max(0, limit - window.count);
    // Whole seconds, rounded up: a client that waits that long never comes back early.
    const seconds = Math.ceil((end - now) / 1000);
    const headers: Record<string, string> = {};
    if (form !== "x-ratelimit") {
      headers.ratelimit = `"default";r=${remaining};t=${seconds}`;
      headers["ratelimit-policy"] = `"default";q=${limit};w=${Math.ceil(windowMs / 1000)}`;
    }
    if (form !== "ratelimit") {
      headers["x-ratelimit-limit"] = String(limit);
      headers["x-ratelimit-remaining"] = String(remaining);
      headers["x-ratelimit-reset"] = new Date(Math.ceil(end / 1000) * 1000).toUTCString();
    }
    const refused = window.count > limit;
    if (refused) headers["retry-after"] = String(seconds);
    return { headers, refused };
  }
}
