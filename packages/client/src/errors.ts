import type { ErrorMessage } from "@realtimekit-api/types";
import { serverWait } from "./retry.js";

// Each class's prototype carries its name under this registry-wide symbol, set once below: `instanceof`
// compares names along the prototype chain, so it holds whichever copy of the package threw (the ES module
// and CommonJS builds, or two installed copies). `name` is set there too rather than read from
// `constructor.name`, which consumers' minifiers rename; a declared literal type keeps the subclasses apart
// for TypeScript, so `instanceof` narrows both ways.
export const brand = Symbol.for("realtimekit-api.error");

/** Base class of every error this client throws. */
export class RealtimeKitError extends Error {
  /**
   * `instanceof` for every error class of this package, whichever copy of it (ES module or CommonJS build)
   * made the error; a class of yours that extends one of ours is checked the usual way.
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    // biome-ignore lint/complexity/noThisInStatic: `this` is the class right of `instanceof`, often a subclass.
    const { prototype } = this;
    const id = Object.hasOwn(prototype, brand) && (prototype as never)[brand];
    // Each prototype along the chain is met in turn: ours match by brand, so the brand of every class
    // above counts; a subclass of yours (no brand of its own) matches by identity, as `instanceof` does.
    for (let p = value; p != null; ) {
      p = Object.getPrototypeOf(p);
      if (id ? (p as never)?.[brand] === id : p === prototype) return true;
    }
    return false;
  }

  /** Plain data for `JSON.stringify`: `name`, `message`, the error's own fields, `headers` as an object. */
  toJSON(): Record<string, unknown> {
    const { headers, ...fields } = this as { headers?: Headers };
    return {
      name: this.name,
      message: this.message,
      ...fields,
      headers: headers && Object.fromEntries(headers),
      cause: this.cause,
    };
  }
}

/** A parameter or option was refused before any request was sent; `param` names it. */
export class InvalidParameterError extends RealtimeKitError {
  declare name: "InvalidParameterError";
  /** The parameter, option or header that was refused. */
  declare readonly param: string;
  constructor(param: string, reason: string) {
    super(`${param} ${reason}`);
    this.param = param;
  }
}

/** The API answered with an error status, with `success: false`, or with a body that is not JSON. */
export class APIError extends RealtimeKitError {
  // The fields are `declare`d and assigned in the constructor: a class field would be emitted as a
  // definition and an assignment both, bytes in every consumer's bundle for the same own properties.
  /** HTTP status of the response. */
  declare readonly status: number;
  /** Headers of the response, the token cut out of their values. */
  declare readonly headers: Headers;
  /** The response body: parsed JSON, else its text; undefined when empty. */
  declare readonly body: unknown;
  /** The `{ code, message }` entries of either error envelope; empty when the body carries none. */
  declare readonly errors: ErrorMessage[];
  /** The `cf-ray` response header, the id Cloudflare support asks for. */
  declare readonly requestId: string | undefined;
  /**
   * Milliseconds the server asked to wait before trying again (`retry-after-ms`, `retry-after` or
   * `x-ratelimit-reset`); undefined when it named no wait.
   */
  declare readonly retryAfter: number | undefined;
  constructor(status: number, headers: Headers, body: unknown) {
    const b = body as { message?: unknown; error?: unknown; errors?: unknown } | null | undefined;
    const listed = [b?.error ?? b?.errors ?? []].flat();
    const errors = listed
      .filter((e): e is ErrorMessage => !!e && typeof e === "object")
      .map(({ code, message }) => ({ code, message: short(message) }));
    super(
      `${status} ${
        line(
          typeof body === "string"
            ? /^\s*</.test(body)
              ? pageText(body)
              : body
            : errors[0]?.message || short(listed.find((e) => typeof e === "string") ?? b?.message),
        ) || "(no error message)"
      }`,
    );
    this.status = status;
    this.headers = headers;
    this.body = body;
    this.errors = errors;
    this.requestId = headers.get("cf-ray") ?? undefined;
    this.retryAfter = serverWait(headers);
  }
}

/** 400: the API refused the parameters. */
export class BadRequestError extends APIError {
  declare name: "BadRequestError";
}
/** 401: the API token is missing, malformed or revoked. */
export class AuthenticationError extends APIError {
  declare name: "AuthenticationError";
}
/** 403: the API token lacks the Realtime or Realtime Admin permission. */
export class PermissionDeniedError extends APIError {
  declare name: "PermissionDeniedError";
}
/** 404: no such account, app, session, participant or peer. */
export class NotFoundError extends APIError {
  declare name: "NotFoundError";
}
/** 409: the request conflicts with the resource's state; retried. */
export class ConflictError extends APIError {
  declare name: "ConflictError";
}
/** 422: the request was understood but cannot be processed. */
export class UnprocessableEntityError extends APIError {
  declare name: "UnprocessableEntityError";
}
/** 429: rate limited; retried no sooner than the server's `retry-after`. */
export class RateLimitError extends APIError {
  declare name: "RateLimitError";
}
/** A status of 500 or above; retried. */
export class InternalServerError extends APIError {
  declare name: "InternalServerError";
}

/**
 * No response arrived: the connection failed or was reset, or `fetch` refused the request. `cause` is a
 * plain copy of the underlying error's `name`, `message`, `code`, `errno`, `syscall`, `address` and `port`.
 */
export class APIConnectionError extends RealtimeKitError {
  constructor(cause?: unknown, message = "Connection error.") {
    super(message, { cause });
  }
}

/** An attempt took longer than `timeout` milliseconds. */
export class APIConnectionTimeoutError extends APIConnectionError {
  declare name: "APIConnectionTimeoutError";
  constructor() {
    super(undefined, "Request timed out.");
  }
}

/** The caller's `signal` aborted the call. */
export class APIUserAbortError extends RealtimeKitError {
  declare name: "APIUserAbortError";
  constructor() {
    super("Request was aborted.");
  }
}

for (const [name, error] of Object.entries({
  RealtimeKitError,
  InvalidParameterError,
  APIError,
  BadRequestError,
  AuthenticationError,
  PermissionDeniedError,
  NotFoundError,
  ConflictError,
  UnprocessableEntityError,
  RateLimitError,
  InternalServerError,
  APIConnectionError,
  APIConnectionTimeoutError,
  APIUserAbortError,
})) {
  Object.assign(error.prototype, { name, [brand]: name });
}

const byStatus: Record<number, typeof APIError> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  422: UnprocessableEntityError,
  429: RateLimitError,
};

/** The `APIError` subclass for a status. */
export const apiError = (status: number, headers: Headers, body: unknown): APIError =>
  new (status >= 500 ? InternalServerError : (byStatus[status] ?? APIError))(status, headers, body);

// A message that is not a string (an object, a number) is shown as short JSON rather than "[object Object]".
const short = (value: unknown): string =>
  typeof value === "string" ? value : value == null ? "" : String(JSON.stringify(value)).slice(0, 200);

// One line of at most 100 characters: only the start is read, so a body of megabytes costs no more.
const line = (text: string): string =>
  text
    .slice(0, 8192)
    .replace(/[\s\p{Cc}]+/gu, " ")
    .trim()
    .slice(0, 100);

const entities: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

/**
 * What a reader of an HTML error page sees first: its `<title>`, else its first heading, else its text,
 * without comments, scripts and styles, entities decoded. Each pattern either matches or runs to the end
 * once, so a hostile page costs time linear in the part read.
 */
const pageText = (html: string): string => {
  const page = html
    .slice(0, 65_536)
    .replace(/<!--[\s\S]*?(?:-->|$)|<(script|style)\b[\s\S]*?(?:<\/\1>|$)/gi, " ");
  return (
    /<title\b[^<>]*>([^<]*)/i.exec(page)?.[1]?.trim() ||
    /<h[1-6]\b[^<>]*>([\s\S]*?)(?:<\/h|$)/i.exec(page)?.[1] ||
    page
  )
    .replace(/<[^<>]*>/g, " ")
    .replace(/&(#x?[\da-f]+|[a-z]+);/gi, (entity, name: string) => {
      const code = Number(`0${name.slice(1)}`);
      return name[0] === "#" && code < 0x110000 ? String.fromCodePoint(code) : (entities[name] ?? entity);
    });
};
