/** Whether a failed response is worth another attempt: the server's `x-should-retry` wins, else the status. */
export const shouldRetry = (status: number, headers: Headers): boolean => {
  const hint = headers.get("x-should-retry");
  return (
    hint === "true" ||
    (hint !== "false" && (status === 408 || status === 409 || status === 429 || status >= 500))
  );
};

/**
 * Milliseconds the server asked to wait before the next attempt: the longest of `retry-after-ms`,
 * `retry-after` (seconds or an HTTP date) and `x-ratelimit-reset` (an HTTP date, or seconds; a Unix time
 * past 1e9), at least 0; undefined when it named none that can be read. A header sent twice, which
 * `fetch` joins with ", ", counts with its longest value.
 */
export const serverWait = (headers: Headers, now = Date.now()): number | undefined => {
  const wait = Math.max(
    ...["retry-after-ms", "retry-after", "x-ratelimit-reset"]
      // A header sent twice arrives as one list joined by ", ": each value counts. The comma inside an
      // HTTP date ("Mon, 30 Nov …") is followed by the day of the month, so it is not split.
      .flatMap((name, i) =>
        (headers.get(name) ?? "").split(/,(?!\s*\d+[\s-][a-z])/i).map((value) => [value, i] as const),
      )
      .map(([value, i]) => {
        const n = Number(value);
        return !value.trim()
          ? Number.NaN
          : n > 1e9
            ? n * 1000 - now
            : Number.isNaN(n)
              ? Date.parse(value) - now
              : n * (i ? 1000 : 1);
      })
      .filter(Number.isFinite),
  );
  return wait > -1 / 0 ? Math.max(0, Math.ceil(wait)) : undefined;
};

/**
 * Milliseconds to wait before retry number `retries` (0 for the first): exponential backoff from 0.5 s to
 * 8 s, shortened by up to 25% of jitter so that clients retrying together spread out, and never less than
 * `floor`, the wait the server asked for.
 */
export const retryDelay = (retries: number, floor = 0, random: () => number = Math.random): number =>
  Math.max(floor, Math.min(500 * 2 ** retries, 8000) * (1 - random() * 0.25));
