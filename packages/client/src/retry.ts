/** Whether a failed response is worth another attempt: the server's `x-should-retry` wins, else the status. */
export const shouldRetry = (status: number, headers: Headers): boolean => {
  const hint = headers.get("x-should-retry");
  return (
    hint === "true" ||
    (hint !== "false" && (status === 408 || status === 409 || status === 429 || status >= 500))
  );
};

const number = (value: string | null | undefined): number => (value ? Number(value) : Number.NaN);

/** Milliseconds the server asked to wait, by `retry-after-ms` or `retry-after` (seconds or an HTTP date); NaN if none. */
export const serverWait = (headers: Headers | undefined, now: number = Date.now()): number => {
  let wait = number(headers?.get("retry-after-ms"));
  if (Number.isNaN(wait)) {
    const after = headers?.get("retry-after");
    wait = number(after) * 1000;
    if (Number.isNaN(wait)) wait = Date.parse(after ?? "") - now;
  }
  return wait;
};

/**
 * Milliseconds to wait before retry number `retries` (0 for the first): the server's `retry-after-ms` or
 * `retry-after` (seconds or an HTTP date) when it asks for 0 to 60 s, else exponential backoff from 0.5 s
 * to 8 s, shortened by up to 25% of jitter so that clients retrying together spread out.
 */
export const retryDelay = (
  retries: number,
  headers?: Headers,
  random: () => number = Math.random,
  now: number = Date.now(),
): number => {
  const wait = serverWait(headers, now);
  return wait >= 0 && wait <= 60_000 ? wait : Math.min(500 * 2 ** retries, 8000) * (1 - random() * 0.25);
};
