import type { ErrorMessage } from "@realtimekit-api/types";

// `name` is a class field rather than `constructor.name` because consumers' minifiers rename classes. A literal
// type keeps the subclasses apart for TypeScript, so `instanceof` narrows both ways.

/** Base class of every error this client throws. */
export class RealtimeKitError extends Error {
  override name = "RealtimeKitError";
}

/** A parameter or option was refused before any request was sent; `param` names it. */
export class InvalidParameterError extends RealtimeKitError {
  override name = "InvalidParameterError" as const;
  constructor(
    /** The parameter, option or header that was refused. */
    readonly param: string,
    reason: string,
  ) {
    super(`${param} ${reason}`);
  }
}

/** The API answered with an error status, with `success: false`, or with a body that is not JSON. */
export class APIError extends RealtimeKitError {
  override name = "APIError";
  /** The `{ code, message }` entries of either error envelope; empty when the body carries none. */
  readonly errors: ErrorMessage[];
  /** The `cf-ray` response header, the id Cloudflare support asks for. */
  readonly requestId: string | undefined;
  constructor(
    /** HTTP status of the response. */
    readonly status: number,
    /** Headers of the response. */
    readonly headers: Headers,
    /** The response body: parsed JSON, else its text. */
    readonly body: unknown,
  ) {
    const errors = envelopeErrors(body);
    // An HTML error page from the edge is cut down to its first words, so the message stays one short line.
    // Only its start is read, and `<[^<>]*>` never rescans: a hostile body of megabytes costs no more.
    const text =
      typeof body === "string"
        ? body
            .slice(0, 8192)
            .replace(/(<[^<>]*>|\s)+/g, " ")
            .trim()
            .slice(0, 100)
        : "";
    super(`${status} ${errors[0]?.message || text || "(no error message)"}`);
    this.errors = errors;
    this.requestId = headers.get("cf-ray") ?? undefined;
  }
}

/** 400: the API refused the parameters. */
export class BadRequestError extends APIError {
  override name = "BadRequestError" as const;
}
/** 401: the API token is missing, malformed or revoked. */
export class AuthenticationError extends APIError {
  override name = "AuthenticationError" as const;
}
/** 403: the API token lacks the Realtime or Realtime Admin permission. */
export class PermissionDeniedError extends APIError {
  override name = "PermissionDeniedError" as const;
}
/** 404: no such account, app, session, participant or peer. */
export class NotFoundError extends APIError {
  override name = "NotFoundError" as const;
}
/** 409: the request conflicts with the resource's state; retried. */
export class ConflictError extends APIError {
  override name = "ConflictError" as const;
}
/** 422: the request was understood but cannot be processed. */
export class UnprocessableEntityError extends APIError {
  override name = "UnprocessableEntityError" as const;
}
/** 429: rate limited; retried, honouring `retry-after`. */
export class RateLimitError extends APIError {
  override name = "RateLimitError" as const;
}
/** A status of 500 or above; retried. */
export class InternalServerError extends APIError {
  override name = "InternalServerError" as const;
}

/** No response arrived: the connection failed or was reset. `cause` holds the underlying error. */
export class APIConnectionError extends RealtimeKitError {
  override name = "APIConnectionError";
  constructor(cause?: unknown, message = "Connection error.") {
    super(message, { cause });
  }
}

/** An attempt took longer than `timeout` milliseconds. */
export class APIConnectionTimeoutError extends APIConnectionError {
  override name = "APIConnectionTimeoutError" as const;
  constructor() {
    super(undefined, "Request timed out.");
  }
}

/** The caller's `signal` aborted the call. */
export class APIUserAbortError extends RealtimeKitError {
  override name = "APIUserAbortError" as const;
  constructor() {
    super("Request was aborted.");
  }
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

// RealtimeKit answers `{ error: {...} }`, Cloudflare's gateway `{ errors: [...] }`: both become one list.
const envelopeErrors = (body: unknown): ErrorMessage[] => {
  const b = body as { error?: unknown; errors?: unknown } | null | undefined;
  return [b?.error ?? b?.errors ?? []]
    .flat()
    .filter((e): e is ErrorMessage => !!e && typeof e === "object")
    .map(({ code, message }) => ({ code, message: String(message ?? "") }));
};
