import type { DriftReport } from "./drift/types.js";
import type { ResponseValidator, ValidateResponses } from "./drift/validator.js";
import { InvalidParameterError, RealtimeKitError } from "./errors.js";
import { env } from "./internal/env.js";
import { Pacer } from "./pacer.js";
import { countParam, headersParam, keysParam } from "./params.js";
import { type Fetch, type FetchOptions, type Logger, logLevels, type Settings } from "./transport.js";

/** Options of `createRealtimeKitClient`; each falls back to an environment variable or a default. */
export interface ClientOptions {
  /**
   * Cloudflare API token with the Realtime or Realtime Admin permission, sent as `Authorization: Bearer`;
   * the preferred credential. Give it or `apiEmail` with `apiKey`, not both. Default: env
   * `CLOUDFLARE_API_TOKEN` (the environment is read only when none of the three options is given).
   */
  apiToken?: string | undefined;
  /**
   * The email address of the Cloudflare account whose Global API Key `apiKey` is, sent as `X-Auth-Email`;
   * only with `apiKey`. Default: env `CLOUDFLARE_EMAIL`.
   */
  apiEmail?: string | undefined;
  /**
   * A Global API Key, sent as `X-Auth-Key` with `apiEmail`, as Cloudflare's own SDK takes it. It can do
   * everything the account can: prefer `apiToken`. Default: env `CLOUDFLARE_API_KEY`.
   */
  apiKey?: string | undefined;
  /** Default `account_id` of every call. Default: env `CLOUDFLARE_ACCOUNT_ID`. */
  accountId?: string | undefined;
  /** Default `app_id` of every call. Default: env `REALTIMEKIT_APP_ID`. */
  appId?: string | undefined;
  /** API root; `https:`, or `http:` on a loopback host. Default: env `CLOUDFLARE_BASE_URL`, else Cloudflare's v4 API. */
  baseURL?: string | undefined;
  /** Milliseconds each attempt may take, body included: 1 to 2147483647. Default: 60000. */
  timeout?: number | undefined;
  /** Retries after the first attempt (0 to 10). Default: 2. */
  maxRetries?: number | undefined;
  /**
   * A `fetch` to send requests with, called as `fetch(url, init)` with a string URL and a plain
   * `RequestInit`. Default: `globalThis.fetch`, looked up on each call.
   */
  fetch?: Fetch | undefined;
  /** `RequestInit` fields added to every `fetch`, e.g. `{ dispatcher }` for undici; a call's own win. */
  fetchOptions?: FetchOptions | undefined;
  /**
   * The longest wait, in milliseconds, that a server's `retry-after` (or `retry-after-ms`,
   * `x-ratelimit-reset`) may ask for before a retry; past it the call fails at once, and the error's
   * `retryAfter` holds the wait. 0 to 2147483647. Default: 60000.
   */
  maxRetryAfter?: number | undefined;
  /** What to log: `"off"`, `"error"`, `"warn"`, `"info"` (retries and waits) or `"debug"` (every attempt). Default: env `REALTIMEKIT_LOG`, else `"warn"`. */
  logLevel?: (typeof logLevels)[number] | undefined;
  /** Where log lines go: an object with `error`, `warn`, `info` and `debug` methods. Default: `console`. */
  logger?: Logger | undefined;
  /** Headers sent with every request. */
  defaultHeaders?: Record<string, string> | undefined;
  /**
   * Pacing by the quota the API states on each response: `false` sends every request at once, even into a
   * spent quota. Default: on.
   */
  rateLimit?: boolean | undefined;
  /** The most requests in flight at once; the rest wait their turn. Default: no bound. */
  maxConcurrency?: number | undefined;
  /**
   * Whether to check each success response against the spec: `"off"`, `"report"` (differences go to
   * `onDrift`) or `"throw"` (reported, then the call rejects with `ResponseValidationError`). Anything but
   * `"off"` needs `responseValidator`. Default: `"off"`.
   */
  validateResponses?: ValidateResponses | undefined;
  /**
   * The check `validateResponses` runs: pass `responseValidator` from `@realtimekit-api/client/drift`. It
   * lives in that entry so that the spec's validators add nothing to bundles that leave validation off.
   */
  responseValidator?: ResponseValidator | undefined;
  /**
   * Called with the report of each checked response that differs from the spec. Default: one `warn` line
   * through `logger` per distinct drift (the same drift in later responses is not logged again).
   */
  onDrift?: ((report: DriftReport) => void) | undefined;
}

/** Options of one call; each overrides the client's. */
export interface RequestOptions {
  /** Aborts the call, also between retries, with `APIUserAbortError`. */
  signal?: AbortSignal | undefined;
  /** Milliseconds each attempt of this call may take. */
  timeout?: number | undefined;
  /** Retries of this call after its first attempt. */
  maxRetries?: number | undefined;
  /** Headers of this call. */
  headers?: Record<string, string> | undefined;
  /** `RequestInit` fields added to this call's `fetch`, over the client's `fetchOptions`. */
  fetchOptions?: FetchOptions | undefined;
}

/** The keys `ClientOptions` has, so that a misspelt one (`baseUrl`, `token`) is refused, not ignored. */
export const clientOptionKeys = [
  "apiToken",
  "apiEmail",
  "apiKey",
  "accountId",
  "appId",
  "baseURL",
  "timeout",
  "maxRetries",
  "fetch",
  "fetchOptions",
  "maxRetryAfter",
  "logLevel",
  "logger",
  "defaultHeaders",
  "rateLimit",
  "maxConcurrency",
  "validateResponses",
  "responseValidator",
  "onDrift",
] as const satisfies readonly (keyof ClientOptions)[];

/** The keys `RequestOptions` has. */
export const requestOptionKeys = [
  "signal",
  "timeout",
  "maxRetries",
  "headers",
  "fetchOptions",
] as const satisfies readonly (keyof RequestOptions)[];

// Each list names every key of its type: a key added to the type but not to the list fails to compile.
type Every<List extends readonly string[], T> = Exclude<keyof T, List[number]> extends never ? true : never;
true satisfies Every<typeof clientOptionKeys, ClientOptions> &
  Every<typeof requestOptionKeys, RequestOptions>;

/** The credential headers of a call and the values never to show, from the options or the environment. */
export interface Credentials {
  /** `Authorization`, or `X-Auth-Email` and `X-Auth-Key`. */
  headers: [string, string][];
  /** The token, or the key and the email: cut out of every error, log line and report. */
  secrets: string[];
}

const optionNames = ["apiToken", "apiEmail", "apiKey"] as const;
const envNames = ["CLOUDFLARE_API_TOKEN", "CLOUDFLARE_EMAIL", "CLOUDFLARE_API_KEY"] as const;

/**
 * `apiToken`, or `apiEmail` with `apiKey`, from the options when any of the three is given, else from
 * `CLOUDFLARE_API_TOKEN`, `CLOUDFLARE_EMAIL` and `CLOUDFLARE_API_KEY`. Both kinds, half a pair or none is a
 * `RealtimeKitError` (an `InvalidParameterError` naming the option or variable when one is set) before any
 * call. Each value goes in a header, where a space, a control character or a non-string would make it
 * malformed; the error names the option (or variable) and never shows the value.
 */
export const resolveCredentials = (options: ClientOptions): Credentials => {
  const given = optionNames.some((name) => options[name] !== undefined);
  const names = given ? optionNames : envNames;
  const [token, email, key] = optionNames.map((name, i) =>
    given ? options[name] : env(envNames[i] as string),
  );
  const [tokenName, emailName, keyName] = names;
  const check = (name: string, value: unknown, email?: boolean): string => {
    if (typeof value !== "string" || !(email ? /^[^\s@]+@[^\s@]+$/ : /^[!-~]+$/).test(value)) {
      throw new InvalidParameterError(
        name,
        email ? "must be an email address" : "must be a string of visible ASCII characters, with no spaces",
      );
    }
    return value;
  };
  if (token === undefined && email === undefined && key === undefined) {
    throw new RealtimeKitError(
      `Missing credentials: pass the apiToken option or set ${tokenName} (preferred), or apiEmail and apiKey (${envNames[1]} and ${envNames[2]}).`,
    );
  }
  if (token !== undefined) {
    if (email === undefined && key === undefined) {
      const value = check(tokenName, token);
      return { headers: [["authorization", `Bearer ${value}`]], secrets: [value] };
    }
    throw new InvalidParameterError(
      tokenName,
      `and ${email === undefined ? keyName : emailName} are both given: use the token alone (preferred), or ${emailName} and ${keyName}, not both`,
    );
  }
  if (email === undefined || key === undefined) {
    throw new InvalidParameterError(
      email === undefined ? emailName : keyName,
      `is missing: ${email === undefined ? keyName : emailName} is given, and a Global API Key needs both`,
    );
  }
  const address = check(emailName, email, true);
  const value = check(keyName, key);
  return {
    headers: [
      ["x-auth-email", address],
      ["x-auth-key", value],
    ],
    secrets: [value, address],
  };
};

/** The largest delay `setTimeout` honours; larger ones fire at once. */
export const maxTimeout = 2 ** 31 - 1;
/** Beyond this many retries a call only piles onto a failing service. */
export const maxRetries = 10;

// The token would travel in clear over http:, which only loopback (a local mock) makes acceptable.
const checkBaseURL = (value: string): string => {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {}
  if (
    !url ||
    !(
      url.protocol === "https:" ||
      (url.protocol === "http:" && /^(localhost|127(\.\d+){3}|\[::1\])$/.test(url.hostname))
    ) ||
    url.search ||
    url.hash ||
    url.username ||
    url.password
  ) {
    throw new InvalidParameterError(
      "baseURL",
      "must be https: (http: only on loopback), with no query or credentials",
    );
  }
  // Any number of trailing slashes: openapi-fetch joins with one.
  return url.origin + url.pathname.replace(/\/+$/, "");
};

/**
 * `fetchOptions`: a plain object (of any realm, or with no prototype) whose fields the client does not set
 * itself. A class instance is refused: `new ProxyAgent(url)` passed for `{ dispatcher }` would otherwise
 * be spread into nothing, and every request would go past the proxy.
 */
export const fetchOptionsParam = (value: unknown): FetchOptions | undefined => {
  if (value == null) return;
  const proto = typeof value === "object" && Object.getPrototypeOf(value);
  if (proto !== null && (!proto || Object.getPrototypeOf(proto))) {
    throw new InvalidParameterError("fetchOptions", "must be a plain object of RequestInit fields");
  }
  for (const key of ["body", "headers", "method", "signal"]) {
    if (key in (value as object)) {
      throw new InvalidParameterError(
        `fetchOptions.${key}`,
        "is set by the client: use the headers or signal option",
      );
    }
  }
  return value as FetchOptions;
};

/** The client's settings from its options, the environment and defaults; refuses bad ones at once. */
export const resolveOptions = (options: ClientOptions) => {
  keysParam("options", options, clientOptionKeys, "createRealtimeKitClient's options");
  const credentials = resolveCredentials(options);
  if (options.fetch != null && typeof options.fetch !== "function") {
    throw new InvalidParameterError("fetch", "must be a function");
  }
  const { logger = console } = options;
  const levelName = options.logLevel ?? env("REALTIMEKIT_LOG") ?? "warn";
  const level = logLevels.indexOf(levelName as "off");
  if (level < 0) {
    throw new InvalidParameterError(
      options.logLevel ? "logLevel" : "REALTIMEKIT_LOG",
      `must be one of ${logLevels}`,
    );
  }
  if (
    logLevels.some(
      (name, i) => i && typeof (logger as unknown as Record<string, unknown>)?.[name] !== "function",
    )
  ) {
    throw new InvalidParameterError("logger", "must have error, warn, info and debug methods");
  }
  const { rateLimit = true, maxConcurrency = Number.POSITIVE_INFINITY } = options;
  if (typeof rateLimit !== "boolean") throw new InvalidParameterError("rateLimit", "must be a boolean");
  if (
    maxConcurrency !== Number.POSITIVE_INFINITY &&
    !(Number.isSafeInteger(maxConcurrency) && maxConcurrency >= 1)
  ) {
    throw new InvalidParameterError("maxConcurrency", "must be an integer of 1 or more");
  }
  const settings: Settings = {
    pacer:
      rateLimit || maxConcurrency < Number.POSITIVE_INFINITY
        ? new Pacer(maxConcurrency, rateLimit, level >= 3 ? (message) => logger.info(message) : undefined)
        : undefined,
    ...credentials,
    fetch: options.fetch,
    fetchOptions: fetchOptionsParam(options.fetchOptions),
    timeout: countParam("timeout", options.timeout, 60_000, maxTimeout, 1),
    maxRetries: countParam("maxRetries", options.maxRetries, 2, maxRetries),
    maxRetryAfter: countParam("maxRetryAfter", options.maxRetryAfter, 60_000, maxTimeout),
    level,
    logger,
  };
  return {
    settings,
    accountId: options.accountId ?? env("CLOUDFLARE_ACCOUNT_ID"),
    appId: options.appId ?? env("REALTIMEKIT_APP_ID"),
    baseUrl: checkBaseURL(
      options.baseURL ?? env("CLOUDFLARE_BASE_URL") ?? "https://api.cloudflare.com/client/v4",
    ),
    headers: headersParam({
      Accept: "application/json",
      ...headersParam(options.defaultHeaders, "defaultHeaders"),
    }),
  };
};
