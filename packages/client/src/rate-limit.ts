import { type ListMember, parseList } from "./internal/structured-fields.js";

/** What the client knows of the API's request quota, from the latest responses; `rtk.rateLimit`. */
export interface RateLimit {
  /** Requests the window allows, from `RateLimit-Policy` (`q`) or `X-RateLimit-Limit`; undefined if never sent. */
  limit: number | undefined;
  /** Requests left in the window: the server's count, less the requests this client sent since. */
  remaining: number;
  /** When the window resets, in milliseconds since the epoch (as `Date.now()`); undefined if never sent. */
  resetAt: number | undefined;
}

const count = (value: unknown): number | undefined =>
  typeof value === "number" && Number.isInteger(value) && value >= 0 ? value : undefined;

const digits = (value: string | null): number | undefined =>
  value && /^\s*\d{1,15}\s*$/.test(value) ? Number(value) : undefined;

const sameName = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The quota a response states, or undefined when it states none that can be read. Two forms are read:
 *
 * - the IETF draft's structured fields, as Cloudflare sends them: `RateLimit: "default";r=50;t=30` (a List
 *   of limits, each with `r` requests remaining and `t` seconds to the reset) and `RateLimit-Policy:
 *   "default";q=100;w=60` (`q` requests per window). With several limits, the one with fewest requests
 *   left counts; its policy is the one of the same name, or the only one;
 * - the older `X-RateLimit-Limit`, `X-RateLimit-Remaining` and `X-RateLimit-Reset` (also without `X-`, as
 *   earlier drafts named them), the reset an HTTP date, a count of seconds, or seconds since the epoch.
 *
 * A malformed field is ignored as a whole (RFC 9651 §4.2), and the older form is read instead. Never throws.
 * `now` is when the response arrived: `t` counts from then.
 */
export const readRateLimit = (headers: Headers, now: number): RateLimit | undefined => {
  let best: ListMember | undefined;
  for (const member of parseList(headers.get("ratelimit") ?? "") ?? []) {
    const r = count(member[1].r);
    const bestR = count(best?.[1].r);
    if (r !== undefined && (bestR === undefined || r < bestR)) best = member;
  }
  if (best) {
    const [name, { r, t }] = best;
    const policies = (parseList(headers.get("ratelimit-policy") ?? "") ?? []).filter(
      ([, { q }]) => count(q) !== undefined,
    );
    const policy = policies.find(([policyName]) => sameName(policyName, name));
    const seconds = count(t);
    return {
      limit: count((policy ?? (policies.length === 1 ? policies[0] : undefined))?.[1].q),
      remaining: r as number,
      resetAt: seconds === undefined ? undefined : now + seconds * 1000,
    };
  }
  for (const prefix of ["x-ratelimit-", "ratelimit-"]) {
    const remaining = digits(headers.get(`${prefix}remaining`));
    if (remaining === undefined) continue;
    const reset = headers.get(`${prefix}reset`);
    const seconds = digits(reset);
    // An HTTP date in the preferred form or RFC 850's, both GMT; Date.parse alone takes almost any text.
    const date =
      reset && /^[A-Z][a-z]{2,8}, \d\d[ -][A-Z][a-z]{2}[ -]\d\d(\d\d)? \d\d:\d\d:\d\d GMT$/.test(reset)
        ? Date.parse(reset)
        : Number.NaN;
    return {
      limit: digits(headers.get(`${prefix}limit`)),
      remaining,
      // A count this large is a time: GitHub and others send the reset as epoch seconds.
      resetAt:
        seconds !== undefined
          ? seconds > 1e9
            ? seconds * 1000
            : now + seconds * 1000
          : Number.isNaN(date)
            ? undefined
            : date,
    };
  }
  return undefined;
};
